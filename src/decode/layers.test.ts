/**
 * decode/ is the layer of pure protocol parsers (docs/architecture.md §1): it imports nothing from the layers above
 * it (sessions and wiring in pipeline/, identify, inventory, findings, app, cli, store …), nothing from capture/ but
 * the packet types, and a decoder folder does no I/O and borrows from another decoder folder only the embedded
 * formats listed here. The check reads each product file's import specifiers (tests and test-support are tooling).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DECODE = import.meta.dirname;
const SRC = path.dirname(DECODE);

/** capture/ modules a decoder may name: the packet types, imported as types only. */
const CAPTURE_TYPES: ReadonlySet<string> = new Set(['capture/packet.ts', 'capture/packet-info.ts']);

/** Formats other protocols embed, shared across decoder folders on purpose. */
const EMBEDDED: ReadonlySet<string> = new Set([
  'decode/ntlmssp/parse-ntlmssp.ts', // NTLMSSP inside SMB, HTTP and DCE/RPC authentication (MS-NLMP)
  'decode/ntlmssp/ntlmssp-record.ts',
  'decode/dns/parse-name.ts', // DNS name encoding inside DHCP option 119 (RFC 3397)
]);

interface Import {
  from: string;
  /** Resolved path relative to src/, or the bare module name. */
  target: string;
  typeOnly: boolean;
}

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test-support' || e.name === 'fixtures' ? [] : productFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

function importsOf(file: string, text: string): Import[] {
  const out: Import[] = [];
  const re = /^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[3] ?? m[4] ?? m[5] ?? '';
    const typeOnly = m[2] !== undefined;
    const target = spec.startsWith('.') ? path.relative(SRC, path.resolve(path.dirname(file), spec)).replace(/\.js$/, '.ts') : spec;
    out.push({ from: path.relative(SRC, file), target, typeOnly });
  }
  return out;
}

/** Why an import breaks the layering, or null when it is allowed. */
function violation(i: Import): string | null {
  const { from, target } = i;
  if (!target.includes('/') || target.startsWith('node:')) {
    return /^decode\/(?!common\/)[^/]+\//.test(from) && target === 'node:fs' ? 'a decoder reads no file' : null;
  }
  const layer = target.split('/')[0] ?? '';
  if (layer === 'util') return null;
  if (layer === 'capture') return CAPTURE_TYPES.has(target) && i.typeOnly ? null : 'decode/ takes only the packet types from capture/';
  if (layer !== 'decode') return `decode/ imports nothing from ${layer}/`;
  const fromFolder = from.split('/')[1] ?? '';
  const toFolder = target.split('/')[1] ?? '';
  const isDecoderFolder = (f: string): boolean => f !== 'common' && !f.endsWith('.ts');
  if (isDecoderFolder(fromFolder) && target === 'decode/common/default-credentials-file.ts') return 'a decoder gets its data through DecoderDeps';
  if (isDecoderFolder(fromFolder) && isDecoderFolder(toFolder) && fromFolder !== toFolder && !EMBEDDED.has(target)) return 'decoders do not borrow from each other';
  if (fromFolder === 'common' && isDecoderFolder(toFolder)) return 'decode/common/ depends on no decoder';
  return null;
}

describe('decode/ layering', () => {
  const files = productFiles(DECODE);

  it('finds the decoders', () => {
    expect(files.length).toBeGreaterThan(80);
  });

  it('imports nothing from capture/ but packet types, and nothing from a higher layer; decoders stay in their folders', () => {
    const bad = files.flatMap((f) => importsOf(f, readFileSync(f, 'utf8')).flatMap((i) => {
      const why = violation(i);
      return why === null ? [] : [`${i.from} -> ${i.target}: ${why}`];
    }));
    expect(bad).toEqual([]);
  });

  it('flags what it must: an engine import, a sideways borrow, a session import, a file read in a decoder', () => {
    const check = (from: string, text: string): (string | null)[] => importsOf(path.join(SRC, from), text).map(violation);
    expect(check('decode/ssh/index.ts', "import { frameLine } from '../ftp/frame-lines.js';")).toEqual(['decoders do not borrow from each other']);
    expect(check('decode/http/parse-auth.ts', "import type { Flow } from '../../capture/flow.js';")).toEqual(['decode/ takes only the packet types from capture/']);
    expect(check('decode/types.ts', "import { TcpSession } from '../pipeline/sessions/tcp-session.js';")).toEqual(['decode/ imports nothing from pipeline/']);
    expect(check('decode/ftp/parse-ftp.ts', "import { readFileSync } from 'node:fs';")).toEqual(['a decoder reads no file']);
    expect(check('decode/ftp/parse-ftp.ts', "import { loadDefaultCredentials } from '../common/default-credentials-file.js';")).toEqual(['a decoder gets its data through DecoderDeps']);
    expect(check('decode/dhcp/parse-dhcp.ts', "import { readName } from '../dns/parse-name.js';")).toEqual([null]);
    expect(check('decode/ftp/parse-ftp.ts', "import { lineBody } from '../common/frame-lines.js';")).toEqual([null]);
  });
});
