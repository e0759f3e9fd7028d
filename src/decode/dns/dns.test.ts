/** DNS / mDNS / LLMNR decoder tests: dnsmasq + dig and avahi fixtures, corpus captures, tshark cross-check. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runDecoderConformance } from '../test-support/conformance.js';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import type { ProtocolRecord } from '../types.js';
import { crossCheck, mergeReports, must, str, udpPayloads, type CheckReport, type FieldCheck } from './test-support/tshark-check.js';
import { requires } from '../../test-support/tools.js';
import { dnsDecoder, llmnrDecoder, mdnsDecoder } from './index.js';
import { parseDnsMessage } from './parse-message.js';
import { readName } from './parse-name.js';
import { rcodeName, rrTypeName } from './rr-types.js';
import { corpusPcaps } from '../../test-support/test-data.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');
const corpus = corpusPcaps;
const tshark = requires({ tools: ['tshark'] });
const peers = requires({ root: true, netns: true, tools: ['tshark', 'tcpdump', 'ip', 'unshare', 'dnsmasq', 'dig', 'avahi-daemon'] });
const all = [dnsDecoder, mdnsDecoder, llmnrDecoder];
const dnsCaptures = [
  path.join(fixtures, 'dns-dnsmasq-dig.pcap'),
  path.join(corpus, 'zeek', 'nmap-vsn.pcap'),
  path.join(corpus, 'zeek', 'modbus_modbusSmall.pcap'),
  path.join(corpus, 'ndpi', 'android.pcap'),
  path.join(corpus, 'ndpi', 'iphone.pcap'),
];
const mdnsCaptures = [
  path.join(fixtures, 'mdns-avahi.pcap'),
  path.join(corpus, 'zeek', 'dns_mdns.pcap'),
  path.join(corpus, 'ndpi', 'android.pcap'),
  path.join(corpus, 'ndpi', 'iphone.pcap'),
];

interface Answer { name: string; type: string; data: string }
function answers(r: ProtocolRecord, type?: string): Answer[] {
  const a = r['answers'];
  if (!Array.isArray(a)) return [];
  return (a as unknown as Answer[]).filter((x) => type === undefined || x.type === type);
}
function joined(list: readonly string[]): string | undefined {
  return list.length === 0 ? undefined : list.join(',');
}
/** TXT data is dig-style quoted strings; tshark joins the strings with ','. */
function txtPlain(data: string): string[] {
  return [...data.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => (m[1] ?? '').replace(/\\"/g, '"'));
}

/**
 * tshark lists a field's values from every section (answers, then authority, then additional); `answers` holds the
 * answer section only. So a per-type value check compares our k values with tshark's first k, and
 * `dns.count.answers` proves we decoded every answer RR (none is missed by the prefix comparison).
 */
function firstOf(type: string | null, map: (a: Answer) => string = (a) => a.data) {
  return {
    ours: (r: ProtocolRecord) => joined(answers(r).filter((a) => (type === null ? a.type !== 'SRV' : a.type === type)).map(map)),
    theirs: (v: string, r: ProtocolRecord) => {
      const k = answers(r).filter((a) => (type === null ? a.type !== 'SRV' : a.type === type)).length;
      return k === 0 ? undefined : v.split(',').filter((x) => x !== '').slice(0, k).join(',');
    },
  };
}

const checks: FieldCheck[] = [
  { field: 'dns.id', ours: (r) => str(r, 'id'), theirs: (v) => String(parseInt(v, 16)) },
  { field: 'dns.flags.response', ours: (r) => r.kind, theirs: (v) => (v === '1' || v === 'True' ? 'response' : 'query') },
  {
    field: 'dns.qry.name',
    ours: (r) => (Array.isArray(r['questions']) ? (r['questions'] as string[]).map((q) => q.slice(0, q.lastIndexOf(' '))).join(',') : str(r, 'qname')),
    // `questions` keeps the first 16 by design (iphone.pcap asks 17+ at once): compare what we keep.
    theirs: (v) => v.replace(/<Root>/g, '.').split(',').slice(0, 16).join(','),
  },
  { field: 'dns.qry.type', ours: (r) => str(r, 'qtype'), theirs: (v) => rrTypeName(Number(v.split(',')[0])) },
  { field: 'dns.flags.rcode', ours: (r) => str(r, 'rcode'), theirs: (v, r) => (r.kind === 'response' ? rcodeName(Number(v)) : undefined) },
  {
    field: 'dns.count.answers',
    ours: (r) => String(answers(r).length),
    explain: (o, t) => (o === '32' && Number(t) > 32 ? 'answers are capped at 32' : null),
  },
  { field: 'dns.a', ...firstOf('A') },
  { field: 'dns.aaaa', ...firstOf('AAAA') },
  { field: 'dns.cname', ...firstOf('CNAME') },
  { field: 'dns.ptr.domain_name', ...firstOf('PTR') },
  { field: 'dns.srv.target', ...firstOf('SRV', (a) => a.data.slice(0, a.data.lastIndexOf(':'))) },
  { field: 'dns.srv.port', ...firstOf('SRV', (a) => a.data.slice(a.data.lastIndexOf(':') + 1)) },
  // tshark keeps zero-length TXT strings as empty items; we drop them (they carry nothing).
  {
    field: 'dns.txt',
    ours: (r) => joined(answers(r, 'TXT').flatMap((a) => txtPlain(a.data))),
    // TXT strings may themselves hold commas (Apple's `sys=waMA=…,adVF=…`), so tshark's joined list cannot be
    // split: ours must be its prefix once the empty strings are dropped.
    theirs: (v, r) => {
      const mine = joined(answers(r, 'TXT').flatMap((a) => txtPlain(a.data)));
      if (mine === undefined) return undefined;
      const t = v.split(',').filter((x) => x !== '').join(',');
      return t === mine || t.startsWith(`${mine},`) ? mine : t;
    },
  },
  // tshark files an SRV record's owner name under dns.srv.name, not dns.resp.name: both sides leave SRV out.
  { field: 'dns.resp.name', ...firstOf(null, (a) => a.name) },
];

async function check(files: readonly string[], proto: string, filter: string): Promise<CheckReport> {
  const list: CheckReport[] = [];
  for (const f of files) list.push(await crossCheck(f, all, proto, filter, checks));
  return mergeReports(list);
}

describe('dns on the dnsmasq / dig fixture', () => {
  it('decodes queries and responses with typed answers', async () => {
    const { records, issues } = await recordsOf(path.join(fixtures, 'dns-dnsmasq-dig.pcap'), all);
    expect(issues).toEqual([]);
    expect(records.every((r) => r.proto === 'dns')).toBe(true);
    const byQ = (q: string, t: string) => records.find((r) => r.kind === 'response' && r['qname'] === q && r['qtype'] === t);
    expect(answers(must(byQ('pacs.ward.example', 'A')))).toMatchObject([{ type: 'A', data: '172.31.53.10' }]);
    expect(answers(must(byQ('pacs.ward.example', 'AAAA')))).toMatchObject([{ type: 'AAAA', data: 'fd00:53::10' }]);
    expect(answers(must(byQ('dicom.ward.example', 'A'))).map((a) => a.type)).toEqual(['CNAME', 'A']);
    expect(answers(must(byQ('_dicom._tcp.ward.example', 'SRV')))).toMatchObject([{ data: 'pacs.ward.example:11112' }]);
    expect(answers(must(byQ('ct01.ward.example', 'TXT')))).toMatchObject([{ data: '"model=Somatom X" "fw=VA40"' }]);
    expect(answers(must(byQ('10.53.31.172.in-addr.arpa', 'PTR')))).toMatchObject([{ data: 'pacs.ward.example' }]);
    expect(byQ('nosuch.ward.example', 'A')).toMatchObject({ rcode: 'NXDOMAIN' });
  });
});

describe('mdns on the avahi fixture and corpus', () => {
  it('collects services, .local host names and TXT model keys', async () => {
    const { records } = await recordsOf(path.join(fixtures, 'mdns-avahi.pcap'), all);
    expect(records.every((r) => r.proto === 'mdns')).toBe(true);
    const services = new Set(records.flatMap((r) => (r['services'] ?? []) as string[]));
    const hosts = new Set(records.flatMap((r) => (r['hostnames'] ?? []) as string[]));
    const txt = new Set(records.flatMap((r) => (r['txt'] ?? []) as string[]));
    expect([...services]).toContain('Ward 3 Label Printer._ipp._tcp.local');
    expect([...hosts]).toContain('infusion-gw-3.local');
    expect([...txt]).toEqual(expect.arrayContaining(['ty=Zebra ZD621', 'usb_MDL=ZD621-203dpi']));
  });

  it('finds the Apple device-info model in iphone.pcap', async () => {
    const { records } = await recordsOf(path.join(corpus, 'ndpi', 'iphone.pcap'), all);
    const txt = records.filter((r) => r.proto === 'mdns').flatMap((r) => (r['txt'] ?? []) as string[]);
    expect(txt).toContain('model=iMac11,3');
  });
});

describe('dns name and message edge cases', () => {
  it('stops a compression pointer loop', () => {
    const msg = Uint8Array.from([0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 12, 0, 1, 0, 1]);
    expect(readName(msg, 12)).toBeNull();
    expect(parseDnsMessage(msg, 'dns').issues.map((i) => i.code)).toEqual(['dns-bad-name']);
  });
  it('caps hostile counts and reports truncation', () => {
    const msg = Uint8Array.from([0, 1, 0x81, 0x80, 0, 0, 0xff, 0xff, 0, 0, 0, 0, 0]);
    const r = parseDnsMessage(msg, 'mdns');
    expect(r.records).toHaveLength(1);
    expect(r.issues.length).toBeGreaterThan(0);
  });
  it('decodes an LLMNR query on 5355 (RFC 4795 §2.1 shares the DNS header)', () => {
    const q = Uint8Array.from([0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 5, 0x77, 0x61, 0x72, 0x64, 0x31, 0, 0, 1, 0, 1]);
    expect(llmnrDecoder.probe(q, 'out')).toBe('maybe');
    expect(llmnrDecoder.decode(q, { tsMs: 0, direction: 'out', src: '', sport: 1, dst: '', dport: 5355, state: undefined }).records[0]).toMatchObject({ kind: 'query', qname: 'ward1', qtype: 'A' });
  });
});

describe.skipIf(tshark.skip)(tshark.title('dns / mdns agree with tshark'), () => {
  it('unicast DNS on fixture and corpus (>= 99.9 %)', async () => {
    const r = await check(dnsCaptures, 'dns', 'dns && udp && !mdns && !llmnr && !icmp && !icmpv6');
    console.log('dns vs tshark', JSON.stringify({ ...r, unexplained: r.unexplained.slice(0, 5) }));
    expect(r.unexplained).toEqual([]);
    expect(r.ratio).toBeGreaterThanOrEqual(0.999);
  });
  it('mDNS on fixture and corpus (>= 99.9 %)', async () => {
    const r = await check(mdnsCaptures, 'mdns', 'mdns && !icmp && !icmpv6');
    console.log('mdns vs tshark', JSON.stringify({ ...r, unexplained: r.unexplained.slice(0, 5) }));
    expect(r.unexplained).toEqual([]);
    expect(r.ratio).toBeGreaterThanOrEqual(0.999);
  });
});

describe.skipIf(peers.skip)(peers.title('dns with real peers at test time'), () => {
  it('runs dnsmasq + dig and avahi-daemon, and agrees with tshark on the fresh captures', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ww-dns-'));
    try {
      execFileSync('sh', [path.join(fixtures, 'make-fixtures.sh'), dir], { stdio: 'ignore', timeout: 30_000 });
      const d = await check([path.join(dir, 'dns-dnsmasq-dig.pcap')], 'dns', 'dns && udp && !mdns');
      const m = await check([path.join(dir, 'mdns-avahi.pcap')], 'mdns', 'mdns');
      expect([...d.unexplained, ...m.unexplained]).toEqual([]);
      expect(d.compared).toBeGreaterThan(40);
      expect(m.compared).toBeGreaterThan(20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 40_000);
});

describe.skipIf(tshark.skip)(tshark.title('mdnsDecoder conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(mdnsDecoder, tshark.skip ? [] : [...udpPayloads(path.join(fixtures, 'dns-dnsmasq-dig.pcap'), 'dns', 8), ...udpPayloads(path.join(fixtures, 'mdns-avahi.pcap'), 'mdns', 6)].map((bytes, i) => ({ name: `pdu ${i}`, bytes })), 500);
});
