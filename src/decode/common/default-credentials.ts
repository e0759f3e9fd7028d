/**
 * Published default credentials (data/default-credentials.json: SecLists lists and CISA medical-device advisories,
 * each row with its source), checked against cleartext logins at decode time: HTTP Basic (RFC 7617), FTP (RFC 959
 * USER/PASS), Telnet (RFC 854 login prompts) and DICOM user identity (PS3.7 §D.3.3.7). Only the fact of a match is
 * kept, never the password. Pure: the decoders get a table through `DecoderDeps` (src/decode/types.ts); the file is
 * read by `loadDefaultCredentials` (./default-credentials-file.ts), which the callers run, never at import.
 */

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

/** The rows, indexed for the per-login lookups the decoders make. */
export class DefaultCredentials {
  /** Case-sensitive `user\0password` per protocol, as the devices compare. */
  private readonly byProtocol = new Map<string, Set<string>>();

  constructor(readonly rows: readonly DefaultCredentialRow[]) {
    for (const row of rows) {
      for (const p of row.protocols) {
        const set = this.byProtocol.get(p) ?? new Set<string>();
        set.add(`${row.user}\u0000${row.password}`);
        this.byProtocol.set(p, set);
      }
    }
  }

  /** Does this pair appear among the published defaults checked for `protocol`? */
  isDefaultFor(protocol: CredentialProtocol, user: string, password: string): boolean {
    return this.byProtocol.get(protocol)?.has(`${user}\u0000${password}`) ?? false;
  }

  /** A cleartext login (FTP or Telnet): the lists of both are checked, as devices reuse them across services. */
  isDefaultLogin(user: string, password: string): boolean {
    return this.isDefaultFor('ftp', user, password) || this.isDefaultFor('telnet', user, password);
  }

  /** Rows naming this user for a protocol: what a finding cites once the password is gone (it may be any of them). */
  rowsForUser(protocol: CredentialProtocol, user: string): DefaultCredentialRow[] {
    return this.rows.filter((r) => r.user === user && r.protocols.includes(protocol));
  }
}

/** No defaults known: what a decoder checks against when its caller gives it no table. */
export const NO_DEFAULT_CREDENTIALS = new DefaultCredentials([]);
