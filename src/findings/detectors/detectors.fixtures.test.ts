/** Record detectors on real-peer captures already in the repo (telnetd, pyftpdlib, curl, snmpd, impacket, dcmtk, MLLP). */
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import type { Hit } from './hit.js';
import { recordHits } from './record-hits.js';
import { SnmpCommunityBook } from './snmp-community.js';
import { asWireRecord } from '../../decode/records.js';

const fixture = (p: string): string => new URL(`../../decode/${p}`, import.meta.url).pathname;

async function hitsOf(p: string): Promise<Hit[]> {
  const { records } = await recordsOf(fixture(p));
  const out: Hit[] = [];
  for (const r of records) recordHits(asWireRecord(r), out);
  return out;
}

const brief = (hs: readonly Hit[]): string[] => [...new Set(hs.map((h) => `${h.ip} ${h.kind} ${h.key} ${h.severity}`))].sort();

describe('record detectors on real-peer fixtures', () => {
  it('telnet: cleartext logins, and the default admin login on the server', async () => {
    const hs = await hitsOf('telnet/fixtures/telnet-peers.pcap');
    expect(brief(hs)).toEqual([
      '172.31.109.20 cleartext-credentials telnet:admin high',
      '172.31.109.20 cleartext-credentials telnet:nurse high',
      '172.31.109.20 default-credentials telnet:admin critical',
    ]);
    expect(hs.find((h) => h.kind === 'default-credentials')?.evidence).toMatch(/172\.31\.109\.10 logged in to 172\.31\.109\.20:2323 \(telnet\) as 'admin'.*default/);
  });

  it('ftp: non-anonymous logins only; admin/admin is a default', async () => {
    expect(brief(await hitsOf('ftp/fixtures/ftp-peers.pcap'))).toEqual([
      '172.31.106.20 cleartext-credentials ftp:admin high',
      '172.31.106.20 cleartext-credentials ftp:tech high',
      '172.31.106.20 default-credentials ftp:admin critical',
    ]);
  });

  it('http: Basic logins on the server; NTLM is no cleartext password', async () => {
    expect(brief(await hitsOf('http/fixtures/http-peers.pcap'))).toEqual([
      '172.31.105.20 cleartext-credentials http-basic:admin high',
      '172.31.105.20 cleartext-credentials http-basic:tech high',
      '172.31.105.20 default-credentials http:admin critical',
    ]);
  });

  it('snmp: net-snmp answering public is a default community on the agent; another community is only "not default"', async () => {
    const { records } = await recordsOf(fixture('snmp/fixtures/snmp-peers.pcap'));
    const hs: Hit[] = [];
    const book = new SnmpCommunityBook();
    for (const r of records) {
      recordHits(asWireRecord(r), hs);
      book.observe(asWireRecord(r), hs);
    }
    expect(brief(hs)).toEqual(['127.0.0.1 cleartext-credentials snmp:v1 medium', '127.0.0.1 snmp-default-community snmp:public high']);
    expect(JSON.stringify(hs)).not.toContain('wrongcommunity');
    // Only the requests: nobody answered, nothing proven.
    const asked: Hit[] = [];
    const alone = new SnmpCommunityBook();
    for (const r of records) if (r.kind !== 'response') alone.observe(asWireRecord(r), asked);
    expect(asked).toEqual([]);
  });

  it('smb1: the server that chose NT LM 0.12 and the client that offered only SMB1', async () => {
    const hs = await hitsOf('smb/fixtures/smb1-ntlmssp.pcap');
    expect([...new Set(hs.filter((h) => h.kind === 'smbv1').map((h) => `${h.key} ${h.severity}`))].sort()).toEqual(['smbv1:client medium', 'smbv1:server high']);
    expect(await hitsOf('smb/fixtures/smb2-ntlmssp.pcap')).toEqual([]);
  });

  it('tls: servers and clients on TLS 1.0 / 1.1; 1.2 and 1.3 are fine', async () => {
    const keys = brief((await hitsOf('tls/fixtures/tls-versions.pcap')).filter((h) => h.kind === 'weak-tls'));
    expect(keys).toEqual([
      '172.31.104.10 weak-tls client:TLS 1.0 medium',
      '172.31.104.10 weak-tls client:TLS 1.1 medium',
      '172.31.104.20 weak-tls server:TLS 1.0 medium',
      '172.31.104.20 weak-tls server:TLS 1.1 medium',
    ]);
  });

  it('dicom: a user identity with passcode in clear; C-STORE data sets with patient attributes on both ends', async () => {
    const ui = await hitsOf('dicom/fixtures/user-identity.pcap');
    expect(ui.filter((h) => h.kind === 'cleartext-credentials').map((h) => `${h.key} ${h.severity}`)).toEqual(['dicom:techuser high']);
    const store = await hitsOf('dicom/fixtures/store-explicit.pcap');
    const phi = store.filter((h) => h.kind === 'cleartext-phi');
    expect([...new Set(phi.map((h) => h.key))].sort()).toEqual(['dicom:received', 'dicom:sent']);
    expect(phi[0]?.evidence).toMatch(/C-STORE-RQ .* patient attributes \(0010,0010\)/);
  });

  it('hl7: messages with PID fields are cleartext PHI, named by field, never by value', async () => {
    const hs = await hitsOf('hl7/fixtures/hl7-mllp.pcap');
    const phi = hs.filter((h) => h.kind === 'cleartext-phi');
    expect(phi.length).toBeGreaterThan(0);
    expect(phi.some((h) => /PID-5/.test(h.evidence))).toBe(true);
    expect(JSON.stringify(hs)).not.toMatch(/SYNTHETIC\^TEST|MRN0001|19700101|000-00-0000/);
  });
});
