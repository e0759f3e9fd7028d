/** Interactive-use signals from records (host-signals.ts): browsers, host announcements, SMB client logons. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../decode/types.js';
import { recordsOf } from '../pipeline/test-support/records-of.js';
import { SIGNAL_BROWSER_ANNOUNCEMENT, SIGNAL_BROWSER_UA, SIGNAL_SMB_CLIENT } from './computer-role.js';
import { isDesktopBrowser, signalObservations } from './host-signals.js';

const env = { ts: '2026-03-02T08:00:00Z', src: '10.0.0.7', sport: 50000, dst: '10.0.0.2', dport: 80, srcMac: '02:00:00:00:00:07', dstMac: '02:00:00:00:00:02' };
const rec = (proto: string, body: Record<string, unknown>): ProtocolRecord => ({ ...env, proto, kind: 'request', ...body });
const signals = (r: ProtocolRecord): string[] => signalObservations(r).map((o) => `${o.key.ip ?? ''} ${o.evidence.source} ${o.evidence.value}`);

describe('desktop browser User-Agents', () => {
  it.each([
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0',
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36',
    'Mozilla/5.0 (Windows NT 6.1; Trident/7.0; rv:11.0) like Gecko',
  ])('%s is one', (ua) => {
    expect(isDesktopBrowser(ua)).toBe(true);
  });

  it.each([
    'Microsoft-CryptoAPI/10.0',
    'Windows-Update-Agent/10.0.10011.16384 Client-Protocol/2.50',
    'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
    'Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
    'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) SomeApp/2.3.1 Chrome/118.0 Electron/27.0.0 Safari/537.36',
    'curl/8.4.0',
  ])('%s is not', (ua) => {
    expect(isDesktopBrowser(ua)).toBe(false);
  });
});

describe('signalObservations', () => {
  it('a browser request is a signal about its sender; a response and a non-browser client are none', () => {
    expect(signals(rec('http', { userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:121.0) Gecko/20100101 Firefox/121.0' }))).toEqual([`10.0.0.7 ${SIGNAL_BROWSER_UA} workstation`]);
    expect(signals(rec('http', { kind: 'response', userAgent: 'Mozilla/5.0 (Windows NT 10.0; rv:121.0) Gecko/20100101 Firefox/121.0' }))).toEqual([]);
    expect(signals(rec('http', { userAgent: 'Microsoft-CryptoAPI/10.0' }))).toEqual([]);
    expect(signals(rec('http', { userAgent: 42 }))).toEqual([]);
  });

  it('host announcements carry the product type of their server bits (MS-SRVS SV_TYPE_SERVER_NT, domain controllers)', () => {
    const announce = (roles: unknown, command = 'host-announcement'): ProtocolRecord => rec('nbdgm', { kind: 'browser-announce', browserCommand: command, hostname: 'PC1', serverType: '00011003', serverRoles: roles });
    expect(signals(announce(['workstation', 'server', 'nt-workstation', 'potential-browser']))).toEqual([`10.0.0.7 ${SIGNAL_BROWSER_ANNOUNCEMENT} workstation`]);
    expect(signals(announce(['workstation', 'server', 'nt-workstation', 'nt-server']))).toEqual([`10.0.0.7 ${SIGNAL_BROWSER_ANNOUNCEMENT} server`]);
    expect(signals(announce(['workstation', 'server', 'domain-controller', 'nt-workstation']))).toEqual([`10.0.0.7 ${SIGNAL_BROWSER_ANNOUNCEMENT} server`]);
    // A domain announcement is about the workgroup; bits without SV_TYPE_NT say no Windows NT; odd fields say nothing.
    expect(signals(announce(['workstation', 'nt-workstation'], 'domain-announcement'))).toEqual([]);
    expect(signals(announce(['workstation', 'server']))).toEqual([]);
    expect(signals(announce('nt-server'))).toEqual([]);
  });

  it('an SMB client\'s NTLMSSP AUTHENTICATE (real capture) marks the client, never the file server', async () => {
    const { records } = await recordsOf(fileURLToPath(new URL('../decode/smb/fixtures/smb2-ntlmssp.pcap', import.meta.url)));
    const auth = records.filter((r) => r.proto === 'smb' && r.kind === 'ntlmssp' && r.ntlmMessageType === 3);
    expect(auth.length).toBeGreaterThan(0);
    const out = records.flatMap((r) => signalObservations(r));
    expect(out.length).toBeGreaterThan(0);
    // The fixture runs over loopback (one address): the client is told apart by its port.
    expect(out).toHaveLength(auth.length);
    expect(auth.every((a) => a.dport === 4445)).toBe(true);
    expect(out.every((o) => o.evidence.source === SIGNAL_SMB_CLIENT && o.evidence.value === 'workstation')).toBe(true);
    const challenge = records.filter((r) => r.proto === 'smb' && r.kind === 'ntlmssp' && r.ntlmMessageType === 2);
    expect(challenge.length).toBeGreaterThan(0);
    expect(challenge.flatMap((r) => signalObservations(r))).toEqual([]);
  });
});
