/**
 * Published default credentials (data/default-credentials.json: SecLists lists and CISA medical-device advisories,
 * each row with its source), checked against cleartext logins at decode time: HTTP Basic (RFC 7617) here, FTP and
 * Telnet through ../ftp/login-defaults.ts. Only the fact of a match is kept, never the password. The table is read
 * once when the module loads, so a broken shipped file fails at start-up rather than hiding defaults.
 */
import { readFileSync } from 'node:fs';
import { shippedDataFile } from '../../util/shipped-data.js';

export type CredentialProtocol = 'http' | 'ftp' | 'telnet' | 'dicom';

export interface DefaultCredentialRow {
  user: string;
  password: string;
  /** Where the row is checked. */
  protocols: readonly CredentialProtocol[];
  /** Where the pair is published (list and commit, or advisory file). */
  source: string;
  vendor?: string;
  product?: string;
  advisory?: string;
  cves?: readonly string[];
}

export const DEFAULT_CREDENTIALS_FILE = shippedDataFile('default-credentials.json');

const PROTOCOLS: ReadonlySet<string> = new Set(['http', 'ftp', 'telnet', 'dicom']);

function str(v: unknown): v is string {
  return typeof v === 'string';
}

/** Validates the file's rows; a malformed row is a packaging bug and stops start-up with the row named. */
export function parseDefaultCredentials(doc: unknown, file: string): DefaultCredentialRow[] {
  const rows = typeof doc === 'object' && doc !== null ? (doc as { credentials?: unknown }).credentials : undefined;
  if (!Array.isArray(rows)) throw new Error(`${file}: expected {"credentials": [...]}`);
  return rows.map((r: unknown, i): DefaultCredentialRow => {
    const o = (typeof r === 'object' && r !== null ? r : {}) as Record<string, unknown>;
    const protocols = Array.isArray(o.protocols) ? o.protocols.filter((p): p is CredentialProtocol => str(p) && PROTOCOLS.has(p)) : [];
    if (!str(o.user) || !str(o.password) || !str(o.source) || o.source === '' || protocols.length === 0) {
      throw new Error(`${file}: credentials[${i}] needs user, password, protocols and a source`);
    }
    const cves = Array.isArray(o.cves) ? o.cves.filter(str) : undefined;
    return {
      user: o.user, password: o.password, protocols, source: o.source,
      ...(str(o.vendor) ? { vendor: o.vendor } : {}),
      ...(str(o.product) ? { product: o.product } : {}),
      ...(str(o.advisory) ? { advisory: o.advisory } : {}),
      ...(cves !== undefined ? { cves } : {}),
    };
  });
}

const ROWS: readonly DefaultCredentialRow[] = parseDefaultCredentials(JSON.parse(readFileSync(DEFAULT_CREDENTIALS_FILE, 'utf8')) as unknown, DEFAULT_CREDENTIALS_FILE);

/** Case-sensitive `user\0password` per protocol, as the devices compare. */
const BY_PROTOCOL = new Map<string, Set<string>>();
for (const row of ROWS) {
  for (const p of row.protocols) {
    const set = BY_PROTOCOL.get(p) ?? new Set<string>();
    set.add(`${row.user}\u0000${row.password}`);
    BY_PROTOCOL.set(p, set);
  }
}

export function defaultCredentialRows(): readonly DefaultCredentialRow[] {
  return ROWS;
}

/** Does this pair appear among the published defaults checked for `protocol`? */
export function isDefaultFor(protocol: CredentialProtocol, user: string, password: string): boolean {
  return BY_PROTOCOL.get(protocol)?.has(`${user}\u0000${password}`) ?? false;
}

/** Does this user/password pair appear in the published defaults for HTTP? (Case-sensitive, as the devices compare.) */
export function isDefaultCredential(user: string, password: string): boolean {
  return isDefaultFor('http', user, password);
}

/** Rows naming this user for a protocol: what a finding cites once the password is gone (it may be any of them). */
export function defaultRowsForUser(protocol: CredentialProtocol, user: string): DefaultCredentialRow[] {
  return ROWS.filter((r) => r.user === user && r.protocols.includes(protocol));
}
