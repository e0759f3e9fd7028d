/** Every record detector in one call: credentials, cleartext PHI, weak protocols, outdated stacks. */
import type { WireRecord } from '../../decode/records.js';
import { credentialHits } from './credentials.js';
import type { Hit } from './hit.js';
import { phiHits } from './phi.js';
import { stackHits } from './stacks.js';
import { weakProtocolHits } from './weak-protocols.js';

const INTERESTING: ReadonlySet<string> = new Set(['telnet', 'ftp', 'http', 'dicom', 'snmp', 'smb', 'hl7', 'tls', 'astm', 'poct1a']);

/** Appends the hits of one record to `out` (pure; most records give none). */
export function recordHits(rec: WireRecord, out: Hit[]): void {
  if (!INTERESTING.has(rec.proto)) return;
  credentialHits(rec, out);
  phiHits(rec, out);
  weakProtocolHits(rec, out);
  stackHits(rec, out);
}
