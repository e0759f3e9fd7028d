/**
 * The SBOM and VEX use cases over document bytes (src/app/sbom.ts, vex.ts), as the CLI and the server call them:
 * decode and parse with the document named in every error, attach or import, and the warnings a person should see.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decodeDocument } from '../advisories/sbom/read-document.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import { attachSbomDocument, parseSbomDocument } from './sbom.js';
import { importVexDocument } from './vex.js';

const bytes = (value: unknown): Uint8Array => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const cyclonedx = (components: unknown[]): Uint8Array => bytes({ bomFormat: 'CycloneDX', specVersion: '1.5', version: 1, components });
const openvex = (statements: unknown[]): Uint8Array => bytes({
  '@context': 'https://openvex.dev/ns/v0.2.0', '@id': 'https://example.org/vex/1', author: 'Example', timestamp: '2024-01-01T00:00:00Z', version: 1, statements,
});
const VEX_OPTIONS = { origin: 'doc.json', importedAt: '2024-02-01T00:00:00.000Z', defaultVendor: null, defaultProduct: null };

let ws: Workspace;
beforeEach(async () => {
  ws = await openWorkspace(':memory:');
});
afterEach(async () => {
  await ws.close();
});

describe('SBOM and VEX documents in the application core', () => {
  it('decodes UTF-8 with or without a byte-order mark and refuses a document over the limit, naming it', () => {
    const plain = decodeDocument({ name: 'a.json', bytes: bytes('{}') });
    expect(decodeDocument({ name: 'a.json', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{}')]) }).text).toBe(plain.text);
    expect(plain.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(() => decodeDocument({ name: 'big.json', bytes: bytes('{}') }, 1)).toThrow('big.json: 2 bytes is larger than the 1-byte limit');
  });

  it('refuses what is not an SBOM with an error naming the document, and parses one that is', () => {
    expect(() => parseSbomDocument({ name: 'notes.txt', bytes: bytes('hello') })).toThrow(/^notes\.txt: /);
    const sbom = parseSbomDocument({ name: 'pump.cdx.json', bytes: cyclonedx([{ type: 'library', name: 'openssl', version: '1.0.2k' }]) });
    expect(sbom.doc.format).toBe('cyclonedx');
    expect(sbom.doc.components.map((c) => c.name)).toEqual(['openssl']);
  });

  it('warns of an SBOM without components and of a model no device has; not of a full SBOM once attached', async () => {
    const empty = await attachSbomDocument(ws, { vendor: 'Acme', model: 'P1', sbom: parseSbomDocument({ name: 'dir/empty.json', bytes: cyclonedx([]) }), origin: 'empty.json', nowMs: 0 });
    expect(empty.warnings).toEqual(['dir/empty.json: the SBOM lists no components', 'no device in the inventory is Acme P1 yet; its SBOM applies once one is identified']);
    const full = await attachSbomDocument(ws, { vendor: 'Acme', model: 'P1', sbom: parseSbomDocument({ name: 'full.json', bytes: cyclonedx([{ type: 'library', name: 'zlib', version: '1.2.11' }]) }), origin: 'full.json', nowMs: 0 });
    expect(full.result.components).toBe(1);
    expect(full.warnings.some((w) => w.includes('no components'))).toBe(false);
  });

  it('imports a VEX document, warning when it holds no statements and not when it does', async () => {
    const none = await importVexDocument(ws, { name: 'none.json', bytes: openvex([]) }, VEX_OPTIONS);
    expect(none.warnings).toEqual(['none.json: no VEX statements found']);
    const one = await importVexDocument(ws, {
      name: 'one.json',
      bytes: openvex([{ vulnerability: { name: 'CVE-2024-0001' }, products: [{ '@id': 'pkg:generic/acme/p1@1.0' }], status: 'not_affected', justification: 'component_not_present' }]),
    }, VEX_OPTIONS);
    expect(one).toMatchObject({ format: 'openvex', result: { statements: 1, notAffected: 1 }, warnings: [] });
    await expect(importVexDocument(ws, { name: 'x.xml', bytes: bytes('<vex/>') }, VEX_OPTIONS)).rejects.toThrow(/^x\.xml: XML VEX is not supported/);
  });
});
