/** DHCPv4 / BOOTP message decode (RFC 951, RFC 2131 §2, RFC 2132 options, RFC 3046 relay agent, RFC 4702 FQDN). */
import { ByteCursor, OutOfBounds } from '../common/byte-cursor.js';
import type { DecodeIssue, DecodeResult } from '../types.js';
import { readName } from '../dns/parse-name.js';
import { bytesText, hexText, ipv4At, isPrintableAscii, macAt } from '../common/text.js';
import { OPT_OVERLOAD, walkOptions, type DhcpOptions } from './parse-options.js';
import type { DhcpRecord } from './types.js';

export const BOOTP_FIXED_LEN = 236; // RFC 2131 §2: op … file
export const DHCP_MAGIC_COOKIE = 0x63825363; // RFC 2131 §3
const SNAME_AT = 44;
const FILE_AT = 108;

/** Option 53 values (RFC 2132 §9.6, RFC 4388 §6.1, RFC 6926, RFC 7724). */
const MESSAGE_TYPES: readonly string[] = [
  '', 'discover', 'offer', 'request', 'decline', 'ack', 'nak', 'release', 'inform', 'forcerenew',
  'leasequery', 'leaseunassigned', 'leaseunknown', 'leaseactive', 'bulkleasequery', 'leasequerydone',
  'activeleasequery', 'leasequerystatus', 'tls',
];

function ipList(v: Uint8Array | undefined, max = 8): string[] | undefined {
  if (v === undefined || v.length < 4) return undefined;
  const out: string[] = [];
  for (let at = 0; at + 4 <= v.length && out.length < max; at += 4) out.push(ipv4At(v, at));
  return out;
}

function ip(v: Uint8Array | undefined): string | undefined {
  return v !== undefined && v.length >= 4 ? ipv4At(v, 0) : undefined;
}

function u32(v: Uint8Array | undefined): number | undefined {
  return v !== undefined && v.length >= 4 ? new ByteCursor(v).u32() : undefined;
}

function text(v: Uint8Array | undefined): string | undefined {
  if (v === undefined) return undefined;
  // Many clients count a trailing NUL in the length (RFC 2132 §3.14 says not to); it is not part of the name.
  let n = v.length;
  while (n > 0 && v[n - 1] === 0) n--;
  return bytesText(v.subarray(0, n));
}

/** Printable identifiers (switch names, "eth1/0/12") as text; binary ones (MACs, ifIndex) as hex. */
function textOrHex(v: Uint8Array): string {
  return v.length > 0 && isPrintableAscii(v, 0, v.length) ? bytesText(v) : hexText(v);
}

/** RFC 3046 §2.0: sub-option code, length, value. */
function relayAgent(v: Uint8Array, rec: DhcpRecord): void {
  for (let at = 0; at + 2 <= v.length; ) {
    const code = v[at] ?? 0;
    const len = v[at + 1] ?? 0;
    if (at + 2 + len > v.length) return;
    const value = v.subarray(at + 2, at + 2 + len);
    if (code === 1) rec.relayCircuitId = textOrHex(value);
    else if (code === 2) rec.relayRemoteId = textOrHex(value);
    at += 2 + len;
  }
}

/** RFC 4702 §2: flags, two obsolete rcodes, then the name (DNS wire form when the E bit 0x04 is set). */
function fqdn(v: Uint8Array): string | undefined {
  if (v.length < 3) return undefined;
  const name = v.subarray(3);
  if (((v[0] ?? 0) & 0x04) === 0) return text(name);
  const r = readName(name, 0);
  return r === null ? undefined : r.name;
}

function collectOptions(pdu: Uint8Array, issues: DecodeIssue[]): DhcpOptions {
  const opts: DhcpOptions = new Map();
  walkOptions(pdu, BOOTP_FIXED_LEN + 4, pdu.length, opts, issues);
  const overload = opts.get(OPT_OVERLOAD)?.[0] ?? 0;
  // RFC 2132 §9.3: 1 = file holds options, 2 = sname, 3 = both (file first).
  if ((overload & 1) !== 0) walkOptions(pdu, FILE_AT, FILE_AT + 128, opts, issues);
  if ((overload & 2) !== 0) walkOptions(pdu, SNAME_AT, SNAME_AT + 64, opts, issues);
  return opts;
}

function fillFromOptions(opts: DhcpOptions, rec: DhcpRecord): void {
  const set = <K extends keyof DhcpRecord>(k: K, v: DhcpRecord[K] | undefined): void => {
    if (v !== undefined && v !== '') rec[k] = v;
  };
  set('hostname', text(opts.get(12)));
  set('vendorClass', text(opts.get(60)));
  const prl = opts.get(55);
  if (prl !== undefined) set('paramRequestList', Array.from(prl.subarray(0, 255)).join(','));
  const cid = opts.get(61);
  if (cid !== undefined) set('clientId', hexText(cid));
  set('requestedIp', ip(opts.get(50)));
  set('serverId', ip(opts.get(54)));
  set('leaseTimeSec', u32(opts.get(51)));
  const fq = opts.get(81);
  if (fq !== undefined) set('fqdn', fqdn(fq));
  const mms = opts.get(57);
  if (mms !== undefined && mms.length >= 2) rec.maxMessageSize = ((mms[0] ?? 0) << 8) | (mms[1] ?? 0);
  const ra = opts.get(82);
  if (ra !== undefined) relayAgent(ra, rec);
  set('routers', ipList(opts.get(3)));
  set('dnsServers', ipList(opts.get(6)));
  set('domainName', text(opts.get(15)));
  set('userClass', text(opts.get(77)));
}

export function parseDhcp(pdu: Uint8Array): DecodeResult<DhcpRecord> {
  const issues: DecodeIssue[] = [];
  try {
    const c = new ByteCursor(pdu);
    const op = c.u8();
    const htype = c.u8();
    const hlen = c.u8();
    c.skip(1); // hops
    const xid = hexText(c.bytes(4));
    c.skip(4); // secs, flags
    const ciaddr = ipv4At(c.bytes(4), 0);
    const yiaddr = ipv4At(c.bytes(4), 0);
    c.skip(4); // siaddr
    const giaddr = ipv4At(c.bytes(4), 0);
    const chaddr = c.bytes(16);
    c.skip(64 + 128); // sname, file: may hold options, read below when overloaded
    if (op !== 1 && op !== 2) {
      return { records: [], issues: [{ code: 'dhcp-bad-op', offset: 0, message: `BOOTP op ${op} is neither request nor reply` }] };
    }
    const hasCookie = c.remaining >= 4 && c.u32() === DHCP_MAGIC_COOKIE;
    const opts: DhcpOptions = hasCookie ? collectOptions(pdu, issues) : new Map<number, Uint8Array>();
    const typeByte = opts.get(53)?.[0];
    let kind: string;
    if (typeByte === undefined) kind = op === 1 ? 'bootp-request' : 'bootp-reply';
    else kind = MESSAGE_TYPES[typeByte] ?? `type-${typeByte}`;
    if (kind === '') kind = 'type-0';
    const rec: DhcpRecord = { kind, xid };
    if (htype === 1 && hlen === 6) rec.clientMac = macAt(chaddr, 0);
    fillFromOptions(opts, rec);
    if (op === 2 && yiaddr !== '0.0.0.0' && (kind === 'offer' || kind === 'ack' || kind === 'bootp-reply')) rec.assignedIp = yiaddr;
    if (ciaddr !== '0.0.0.0') rec.clientIp = ciaddr;
    if (giaddr !== '0.0.0.0') rec.relayIp = giaddr;
    return { records: [rec], issues };
  } catch (e) {
    if (e instanceof OutOfBounds) {
      issues.push({ code: 'dhcp-truncated', offset: e.offset, message: `BOOTP header shorter than ${BOOTP_FIXED_LEN} bytes` });
      return { records: [], issues };
    }
    throw e;
  }
}
