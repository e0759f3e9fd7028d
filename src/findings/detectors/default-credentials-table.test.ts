/**
 * The published-defaults table as the HTTP Basic judge uses it: makers' web-UI defaults (printers, UPS cards, cameras,
 * clinical systems, network gear) raise default-credentials; near misses, other case and other protocols do not.
 */
import { describe, expect, it } from 'vitest';
import { loadDefaultCredentials } from '../../decode/common/default-credentials-file.js';
import { authorizationFields } from '../../decode/http/parse-auth.js';
import type { ProtocolRecord } from '../../decode/types.js';
import { credentialHits } from './credentials.js';
import type { Hit } from './hit.js';
import { asWireRecord } from '../../decode/records.js';

const table = loadDefaultCredentials();
const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** What the HTTP decoder keeps of a request with this Authorization header, and the findings it raises. */
function judge(user: string, password: string): { kept: string; hits: string[] } {
  const fields = authorizationFields(basic(user, password), table);
  const rec: ProtocolRecord = { ts: '2024-03-04T08:00:00.000Z', proto: 'http', kind: 'request', src: '10.20.40.57', sport: 50000, dst: '10.20.60.9', dport: 80, method: 'GET', uri: '/', ...fields };
  const out: Hit[] = [];
  credentialHits(asWireRecord(rec), out);
  return { kept: JSON.stringify(rec), hits: out.map((h) => `${h.kind} ${h.key}`) };
}

describe('makers\' web-UI defaults in the table', () => {
  it.each([
    ['admin', '1111'], // Xerox CentreWare Internet Services
    ['11111', 'x-admin'], // Xerox EPS system administrator
    ['7654321', '7654321'], // Canon System Manager ID / PIN
    ['Admin', 'Admin'], // Kyocera TASKalfa
    ['admin', 'access'], // Brother Web Based Management
    ['device', 'device'], // APC Network Management Card
    ['admin', '12345'], // Hikvision, Panasonic cameras
    ['admin', 'meinsm'], // Mobotix
    ['PACSLinkIP', 'NetServer'], // Kodak MIM / PACS Link
    ['root', 'calvin'], // Dell iDRAC web UI
    ['ADMIN', 'ADMIN'], // Supermicro BMC
  ])('%s / %s over HTTP Basic: default-credentials, and the password is not kept', (user, password) => {
    const { kept, hits } = judge(user, password);
    expect(hits).toEqual([`cleartext-credentials http-basic:${user}`, `default-credentials http:${user}`]);
    expect(kept).not.toContain(`:${password}`);
    expect(kept).not.toContain(Buffer.from(`${user}:${password}`).toString('base64'));
  });

  it.each([
    ['admin', '11111'],
    ['admin', '1111 '],
    ['ADMIN', '1111'], // devices compare case-sensitively
    ['admin', 'Admin'],
    ['7654321', '1234567'],
    ['admin', 'meinsm2024'],
    ['nurse', 'access'],
  ])('%s / %s is no default: only the cleartext login', (user, password) => {
    expect(judge(user, password).hits).toEqual([`cleartext-credentials http-basic:${user}`]);
  });

  it('web-UI rows are checked for HTTP only; FTP and Telnet keep their own rows', () => {
    expect(table.isDefaultFor('http', 'admin', '1111')).toBe(true);
    expect(table.isDefaultFor('telnet', 'admin', '1111')).toBe(false);
    expect(table.isDefaultFor('ftp', 'device', 'device')).toBe(false);
  });

  it('every row names its source, and no pair is listed twice for the same protocol', () => {
    const seen = new Set<string>();
    for (const r of table.rows) {
      expect(r.source, r.user).toMatch(/SecLists|CISA|ICSMA|Guide|manual|Manual|FAQ|CVE-/);
      for (const p of r.protocols) {
        const k = `${p}\u0000${r.user}\u0000${r.password}`;
        expect(seen.has(k), `${p} ${r.user} listed twice`).toBe(false);
        seen.add(k);
      }
    }
  });
});
