/** NetBIOS name service packets (RFC 1002 §4.2): queries, registrations, releases, answers, node status (§4.2.18). */
import type { DecodeIssue, DecodeResult } from '../types.js';
import { ipv4At, macAt } from '../common/text.js';
import { rawNameText, readNameOrPointer } from './netbios-name.js';
import type { NbnsNameEntry, NbnsRecord } from './types.js';

export const NBNS_HEADER_LEN = 12;
const RR_NB = 0x20; // RFC 1002 §4.2.1.3
const RR_NBSTAT = 0x21;
const MAX_RRS = 16;
const MAX_ADDRESSES = 16;
const MAX_NAMES = 64;

const OPCODES: ReadonlyMap<number, string> = new Map([
  [0, 'query'], [5, 'registration'], [6, 'release'], [7, 'wack'], [8, 'refresh'], [9, 'refresh'], [15, 'multi-homed-registration'],
]);

function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

/** RFC 1002 §4.2.18: NUM_NAMES, then 18-byte entries (name + flags), then the statistics that start with the MAC. */
function nodeStatus(b: Uint8Array, start: number, end: number, rec: NbnsRecord): void {
  const count = b[start] ?? 0;
  const names: NbnsNameEntry[] = [];
  let at = start + 1;
  for (let i = 0; i < count && at + 18 <= end; i++, at += 18) {
    if (names.length < MAX_NAMES) names.push({ name: rawNameText(b, at), group: ((b[at + 16] ?? 0) & 0x80) !== 0 });
  }
  rec.names = names;
  if (at + 6 <= end && names.length === count) rec.mac = macAt(b, at);
}

/** NB RDATA: entries of NB_FLAGS (2) + NB_ADDRESS (4). */
function nbAddresses(b: Uint8Array, start: number, end: number, out: string[]): void {
  for (let at = start; at + 6 <= end && out.length < MAX_ADDRESSES; at += 6) {
    const ip = ipv4At(b, at + 2);
    if (!out.includes(ip)) out.push(ip);
  }
}

export function parseNbns(pdu: Uint8Array): DecodeResult<NbnsRecord> {
  const issues: DecodeIssue[] = [];
  if (pdu.length < NBNS_HEADER_LEN) return { records: [], issues: [{ code: 'nbns-truncated', offset: 0, message: 'header shorter than 12 bytes' }] };
  const flags = u16(pdu, 2);
  const response = (flags & 0x8000) !== 0;
  const op = (flags >> 11) & 0xf;
  const opcode = OPCODES.get(op) ?? `opcode-${op}`;
  const rec: NbnsRecord = { kind: 'query', id: u16(pdu, 0), opcode };
  if ((flags & 0x0010) !== 0) rec.broadcast = true;
  if (response) rec.rcode = flags & 0xf;
  const qd = u16(pdu, 4);
  const rrs = Math.min(u16(pdu, 6) + u16(pdu, 8) + u16(pdu, 10), MAX_RRS);
  let at = NBNS_HEADER_LEN;
  if (qd > 0) {
    const n = readNameOrPointer(pdu, at);
    if (n === null || n.next + 4 > pdu.length) {
      issues.push({ code: 'nbns-bad-name', offset: at, message: 'question name is not a NetBIOS encoded name' });
      return { records: [], issues };
    }
    rec.name = n.name;
    rec.qtype = u16(pdu, n.next) === RR_NBSTAT ? 'NBSTAT' : 'NB';
    at = n.next + 4;
  }
  const addresses: string[] = [];
  let sawStatus = false;
  for (let i = 0; i < rrs && qd <= 1; i++) {
    const n = readNameOrPointer(pdu, at);
    if (n === null || n.next + 10 > pdu.length) {
      issues.push({ code: 'nbns-bad-rr', offset: at, message: 'resource record is malformed or truncated' });
      break;
    }
    rec.name ??= n.name;
    const type = u16(pdu, n.next);
    const rdLen = u16(pdu, n.next + 8);
    const rdStart = n.next + 10;
    const rdEnd = Math.min(rdStart + rdLen, pdu.length);
    if (rdStart + rdLen > pdu.length) issues.push({ code: 'nbns-truncated', offset: rdStart, message: 'RDATA runs past the end' });
    if (type === RR_NB) nbAddresses(pdu, rdStart, rdEnd, addresses);
    else if (type === RR_NBSTAT && !sawStatus) {
      sawStatus = true;
      nodeStatus(pdu, rdStart, rdEnd, rec);
    }
    at = rdStart + rdLen;
  }
  if (addresses.length > 0) rec.addresses = addresses;
  if (sawStatus) rec.kind = 'node-status';
  else if (response) rec.kind = 'response';
  else if (op === 5 || op === 8 || op === 9 || op === 15) rec.kind = 'registration';
  else if (op === 6) rec.kind = 'release';
  return { records: [rec], issues };
}
