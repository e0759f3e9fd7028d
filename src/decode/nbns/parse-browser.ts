/** Browser protocol frames carried in an SMB mailslot transaction ([MS-SMB] §2.2.4.33, [MS-MAIL], [MS-BRWS] §2.2). */
import { bytesText, cleanText } from '../common/text.js';
import type { NbdgmRecord } from './types.js';

const SMB_HEADER_LEN = 32;
const SMB_COM_TRANSACTION = 0x25;

/** [MS-BRWS] §2.2: command codes. */
const COMMANDS: ReadonlyMap<number, string> = new Map([
  [1, 'host-announcement'], [2, 'announcement-request'], [8, 'election-request'], [9, 'get-backup-list-request'],
  [10, 'get-backup-list-response'], [11, 'become-backup'], [12, 'domain-announcement'], [13, 'master-announcement'],
  [14, 'reset-state'], [15, 'local-master-announcement'],
]);

/** [MS-BRWS] §2.2.1.1 / [MS-RAP] SV_TYPE_* bits, low bit first. */
const SERVER_TYPE_BITS: readonly string[] = [
  'workstation', 'server', 'sql-server', 'domain-controller', 'backup-domain-controller', 'time-source', 'apple',
  'novell', 'domain-member', 'print-queue', 'dialin', 'xenix', 'nt-workstation', 'wfw', 'mfpn', 'nt-server',
  'potential-browser', 'backup-browser', 'master-browser', 'domain-master', 'osf', 'vms', 'windows', 'dfs',
  'cluster-nt', 'terminal-server', 'cluster-vs-nt', 'dce', 'alternate-xport', 'local-list-only', 'domain-enum',
];

function le16(b: Uint8Array, at: number): number {
  return (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
}

function cString(b: Uint8Array, at: number, end: number, max: number): string {
  let stop = at;
  while (stop < end && stop - at < max * 4 && b[stop] !== 0) stop++;
  return bytesText(b.subarray(at, stop), max);
}

/** Fills mailslot and browser fields of `rec` from the SMB bytes [start, end); quietly stops at anything odd. */
export function parseMailslot(b: Uint8Array, start: number, end: number, rec: NbdgmRecord): void {
  if (start + SMB_HEADER_LEN + 1 > end) return;
  if (b[start] !== 0xff || b[start + 1] !== 0x53 || b[start + 2] !== 0x4d || b[start + 3] !== 0x42) return;
  if (b[start + 4] !== SMB_COM_TRANSACTION) return;
  const words = start + SMB_HEADER_LEN;
  const wordCount = b[words] ?? 0;
  if (wordCount < 14) return;
  const dataCount = le16(b, words + 1 + 22);
  const dataOffset = le16(b, words + 1 + 24);
  const nameAt = words + 1 + wordCount * 2 + 2; // after the words and ByteCount
  if (nameAt < end) rec.mailslot = cString(b, nameAt, end, 64);
  const data = start + dataOffset;
  const dataEnd = Math.min(data + dataCount, end);
  if (data >= dataEnd) return;
  const cmd = b[data] ?? 0;
  rec.browserCommand = COMMANDS.get(cmd) ?? `command-${cmd}`;
  // [MS-BRWS] §2.2.2 AnnouncementRequest: unused byte, then the requester's name; §2.2.6 RequestElection:
  // version, criteria (4), uptime (4), reserved (4), then the candidate's name. Both name a host.
  if (cmd === 2 || cmd === 8) {
    const at = data + (cmd === 2 ? 2 : 14);
    const host = at < dataEnd ? cString(b, at, dataEnd, 16) : '';
    if (host !== '') rec.hostname = host;
    return;
  }
  if (cmd !== 1 && cmd !== 12 && cmd !== 15) return;
  // Announcement: opcode, update count, periodicity (4), name (16), os major, minor, type (4), browser major,
  // minor, signature (2), comment.
  if (data + 32 > dataEnd) return;
  rec.kind = 'browser-announce';
  const name = cString(b, data + 6, data + 22, 16);
  rec.osVersion = `${b[data + 22] ?? 0}.${b[data + 23] ?? 0}`;
  const type = ((b[data + 24] ?? 0) | ((b[data + 25] ?? 0) << 8) | ((b[data + 26] ?? 0) << 16) | ((b[data + 27] ?? 0) << 24)) >>> 0;
  rec.serverType = type.toString(16).padStart(8, '0');
  const roles: string[] = [];
  for (let bit = 0; bit < SERVER_TYPE_BITS.length; bit++) if ((type & (1 << bit)) !== 0) roles.push(SERVER_TYPE_BITS[bit] ?? '');
  rec.serverRoles = roles;
  rec.browserVersion = `${b[data + 28] ?? 0}.${b[data + 29] ?? 0}`;
  const comment = cString(b, data + 32, dataEnd, 128);
  if (cmd === 12) {
    // A domain announcement names the workgroup; its comment field holds the master browser's name.
    rec.domain = name;
    if (comment !== '') rec.hostname = cleanText(comment, 16);
  } else {
    rec.hostname = name;
    if (comment !== '') rec.comment = comment;
  }
}
