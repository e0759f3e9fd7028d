/** One DNS-format message (RFC 1035 §4.1) as a record; shared by DNS, mDNS (RFC 6762 §18) and LLMNR (RFC 4795 §2.1). */
import type { DecodeIssue, DecodeResult } from '../types.js';
import { MdnsFacts } from './mdns-names.js';
import { readName } from './parse-name.js';
import { rdataText, txtStrings } from './parse-rdata.js';
import { opcodeName, rcodeName, rrTypeName } from './rr-types.js';
import type { DnsAnswer, DnsRecord, DnsVariant } from './types.js';

export const DNS_HEADER_LEN = 12;
const MAX_QUESTIONS = 16;
const MAX_ANSWERS = 32;
/** RRs walked per message whatever the counts claim: bounds the loop on hostile counts. */
const MAX_RRS = 256;

function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

function truncatedIssue(at: number, what: string): DecodeIssue {
  return { code: 'dns-truncated', offset: at, message: `${what} runs past the end of the message` };
}

export function parseDnsMessage(msg: Uint8Array, variant: DnsVariant): DecodeResult<DnsRecord> {
  const issues: DecodeIssue[] = [];
  if (msg.length < DNS_HEADER_LEN) return { records: [], issues: [truncatedIssue(0, 'header')] };
  const flags = u16(msg, 2);
  const qr = (flags & 0x8000) !== 0;
  const opcode = (flags >> 11) & 0xf;
  const counts = [u16(msg, 4), u16(msg, 6), u16(msg, 8), u16(msg, 10)] as const;
  const rec: DnsRecord = { kind: qr ? 'response' : 'query', id: u16(msg, 0) };
  if (opcode !== 0) rec.opcode = opcodeName(opcode);
  if (qr) rec.rcode = rcodeName(flags & 0xf);

  let at = DNS_HEADER_LEN;
  const questions: string[] = [];
  for (let i = 0; i < counts[0] && i < MAX_RRS; i++) {
    const n = readName(msg, at);
    if (n === null || n.next + 4 > msg.length) {
      issues.push(n === null ? { code: 'dns-bad-name', offset: at, message: 'question name is malformed' } : truncatedIssue(at, 'question'));
      return { records: [finish(rec, questions, [], null)], issues };
    }
    const qtype = rrTypeName(u16(msg, n.next));
    if (i === 0) {
      rec.qname = n.name;
      rec.qtype = qtype;
    }
    if (questions.length < MAX_QUESTIONS) questions.push(`${n.name} ${qtype}`);
    at = n.next + 4;
  }

  const answers: DnsAnswer[] = [];
  const facts = variant === 'mdns' ? new MdnsFacts() : null;
  const rrTotal = Math.min(counts[1] + counts[2] + counts[3], MAX_RRS);
  for (let i = 0; i < rrTotal; i++) {
    const n = readName(msg, at);
    if (n === null) {
      issues.push({ code: 'dns-bad-name', offset: at, message: 'resource record name is malformed' });
      break;
    }
    if (n.next + 10 > msg.length) {
      issues.push(truncatedIssue(at, 'resource record header'));
      break;
    }
    const type = u16(msg, n.next);
    const ttl = u16(msg, n.next + 4) * 0x10000 + u16(msg, n.next + 6);
    const rdLen = u16(msg, n.next + 8);
    const rdStart = n.next + 10;
    if (rdStart + rdLen > msg.length) {
      issues.push(truncatedIssue(at, 'resource record data'));
      break;
    }
    if (type !== 41) {
      const data = rdataText(msg, type, rdStart, rdLen);
      if (i < counts[1] && answers.length < MAX_ANSWERS) answers.push({ name: n.name, type: rrTypeName(type), ttl, data: data ?? '' });
      facts?.see(n.name, type, data, type === 16 ? txtStrings(msg, rdStart, rdLen) : null);
    }
    at = rdStart + rdLen;
  }
  return { records: [finish(rec, questions, answers, facts)], issues };
}

function finish(rec: DnsRecord, questions: string[], answers: DnsAnswer[], facts: MdnsFacts | null): DnsRecord {
  if (questions.length > 1) rec.questions = questions;
  if (answers.length > 0) rec.answers = answers;
  if (facts !== null) {
    if (facts.services.size > 0) rec.services = [...facts.services];
    if (facts.hostnames.size > 0) rec.hostnames = [...facts.hostnames];
    if (facts.txt.size > 0) rec.txt = [...facts.txt];
  }
  return rec;
}
