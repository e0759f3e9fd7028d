/**
 * Syslog to real receivers on loopback: UDP datagrams (RFC 5426), TCP octet counting (RFC 6587) and TLS (RFC 5425)
 * with CA and name checks and a client certificate. The exact bytes received must parse as RFC 5424 with a CEF MSG.
 * util-linux `logger`, where installed, checks that our test receiver reads what a real syslog client sends.
 */
import { spawnSync } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { device, NOW_MS } from '../risk/test-support/fixtures.js';
import { requires } from '../test-support/tools.js';
import { buildAlertEvent } from './build-event.js';
import type { SyslogDestinationConfig } from './config.js';
import { SyslogDestination } from './syslog-destination.js';
import { makeTestPki, type TestPki } from './test-support/certs.js';
import { parseCef } from './test-support/cef-parse.js';
import { streamReceiver, udpReceiver } from './test-support/receivers.js';
import { parse5424 } from './test-support/rfc5424.js';
import type { AlertEvent } from './types.js';

const ID = { hostname: 'sensor-1', procId: '999', productVersion: '0.1.0' };

function cfg(over: Partial<SyslogDestinationConfig>): SyslogDestinationConfig {
  return { name: 'siem', type: 'syslog', transport: 'udp', host: '127.0.0.1', port: 514, facility: 'local0', maxMessageBytes: 8192, maxQueue: 1000, ...over };
}

function ev(n: number, hostname = `CT${String(n).padStart(2, '0')}`): AlertEvent {
  return buildAlertEvent({ kind: 'device-new', device: device({ id: `dev-${n}`, hostnames: [hostname], risk: { score: 50, level: 'medium', reasons: [] } }) }, { nowMs: NOW_MS + n }) as AlertEvent;
}

function expectAlert(bytes: Buffer, n: number): void {
  const m = parse5424(bytes);
  expect(m).toMatchObject({ facility: 16, severity: 4, appName: 'wardwatch', hostname: 'sensor-1', procId: '999', msgId: 'device-new' });
  const cef = parseCef(m.msg);
  expect(cef.signatureId).toBe('device-new');
  expect(cef.ext.get('cs1')).toBe(`dev-${n}`);
}

describe('syslog over UDP', () => {
  it('one RFC 5424 message per datagram, in order', async () => {
    const rx = await udpReceiver();
    const d = new SyslogDestination(cfg({ port: rx.port }), ID);
    for (let i = 1; i <= 5; i++) d.send(ev(i));
    const got = await rx.waitFor(5);
    got.forEach((b, i) => { expectAlert(b, i + 1); });
    await d.close();
    await rx.close();
  });

  it('a message over the size limit is cut to it and still parses as RFC 5424', async () => {
    const rx = await udpReceiver();
    const d = new SyslogDestination(cfg({ port: rx.port, maxMessageBytes: 480 }), ID);
    d.send(buildAlertEvent({ kind: 'device-new', device: device({ hostnames: ['h'.repeat(100_000)], vendor: '=\\'.repeat(50_000), model: '😀'.repeat(50_000) }) }, { nowMs: NOW_MS }) as AlertEvent);
    const [b] = await rx.waitFor(1);
    expect(b?.length).toBeLessThanOrEqual(480);
    expect(parse5424(b ?? Buffer.alloc(0)).msg.startsWith('CEF:0|wardwatch|')).toBe(true);
    await d.close();
    await rx.close();
  });

  it('a receiver that is not there costs nothing: no throw, the test message still reports it sent', async () => {
    const d = new SyslogDestination(cfg({ port: 9 }), ID);
    for (let i = 0; i < 100; i++) d.send(ev(i));
    expect((await d.test(ev(0), 2000)).ok).toBe(true);
    await d.close();
  });
});

describe('syslog over TCP (octet counting)', () => {
  it('every message framed by its length in octets, including multi-byte text', async () => {
    const rx = await streamReceiver();
    const d = new SyslogDestination(cfg({ transport: 'tcp', port: rx.port }), ID);
    for (let i = 1; i <= 50; i++) d.send(ev(i, i === 7 ? 'Station Ü 医療' : undefined));
    const got = await rx.waitFor(50);
    got.forEach((b, i) => { expectAlert(b, i + 1); });
    expect(parseCef(parse5424(got[6] ?? Buffer.alloc(0)).msg).ext.get('shost')).toBe('Station Ü 医療');
    await d.close();
    await rx.close();
  });

  it('hostile inventory text arrives escaped and bounded, and reads back as sent (cut to its bound)', async () => {
    const rx = await streamReceiver();
    const d = new SyslogDestination(cfg({ transport: 'tcp', port: rx.port }), ID);
    const hostile = `A|B=C\\D\nE\u2028F ☢ 😀 ${'z'.repeat(100_000)}`;
    d.send(ev(1, hostile));
    const [b] = await rx.waitFor(1);
    expect(b?.length).toBeLessThan(8192);
    const shost = parseCef(parse5424(b ?? Buffer.alloc(0)).msg).ext.get('shost') ?? '';
    expect(shost.startsWith('A|B=C\\D E F ☢ 😀 zzz')).toBe(true);
    expect(Array.from(shost)).toHaveLength(128);
    await d.close();
    await rx.close();
  });

  it('reconnects after the receiver goes away and comes back; queued messages then arrive', async () => {
    const first = await streamReceiver();
    const port = first.port;
    const d = new SyslogDestination(cfg({ transport: 'tcp', port }), ID);
    d.send(ev(1));
    await first.waitFor(1);
    await first.close();
    await new Promise((r) => setTimeout(r, 100));
    d.send(ev(2));
    d.send(ev(3));
    await new Promise((r) => setTimeout(r, 300));
    const second = await streamReceiver({ port });
    const got = await second.waitFor(2, 10_000);
    expect(got.map((b) => parseCef(parse5424(b).msg).ext.get('cs1'))).toContain('dev-3');
    await d.close();
    await second.close();
  });

  it('a dead receiver never blocks nor crashes the caller: the queue stays bounded and drops the oldest', async () => {
    const d = new SyslogDestination(cfg({ transport: 'tcp', port: 9, maxQueue: 100 }), ID);
    for (let i = 0; i < 5000; i++) d.send(ev(i));
    const s = d.stats();
    expect(s.queued).toBeLessThanOrEqual(100);
    expect(s.dropped).toBeGreaterThanOrEqual(4900);
    const t = await d.test(ev(0), 1000);
    expect(t.ok).toBe(false);
    expect(t.detail).toMatch(/ECONNREFUSED|timed out/);
    await d.close();
  });

  it('a receiver that accepts but never reads cannot make the queue grow past its bound', async () => {
    const held: net.Socket[] = [];
    const stuck = net.createServer((s) => { s.pause(); held.push(s); });
    await new Promise<void>((r) => stuck.listen(0, '127.0.0.1', () => { r(); }));
    const port = (stuck.address() as net.AddressInfo).port;
    const d = new SyslogDestination(cfg({ transport: 'tcp', port, maxQueue: 50 }), ID);
    for (let i = 0; i < 20_000; i++) d.send(ev(i, 'x'.repeat(120)));
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 20_000; i++) d.send(ev(i, 'x'.repeat(120)));
    expect(d.stats().queued).toBeLessThanOrEqual(50);
    expect(d.stats().dropped).toBeGreaterThan(0);
    await d.close();
    for (const s of held) s.destroy();
    await new Promise<void>((r) => { stuck.close(() => { r(); }); });
  });
});

const tlsGate = requires({ tools: ['openssl'] });

describe.skipIf(tlsGate.skip)(tlsGate.title('syslog over TLS'), () => {
  let pki: TestPki;
  beforeAll(() => { pki = makeTestPki(); });
  afterAll(() => { pki.cleanup(); });

  it('verifies the server against the CA file and name, presents the client certificate, frames by octets', async () => {
    const rx = await streamReceiver({ tls: { key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true } });
    const d = new SyslogDestination(cfg({ transport: 'tls', host: '127.0.0.1', port: rx.port, tls: { caFile: pki.caFile, serverName: 'localhost', certFile: pki.clientCertFile, keyFile: pki.clientKeyFile } }), ID);
    for (let i = 1; i <= 10; i++) d.send(ev(i));
    const got = await rx.waitFor(10);
    got.forEach((b, i) => { expectAlert(b, i + 1); });
    expect(rx.clientSubjects).toContain('wardwatch-sensor');
    await d.close();
    await rx.close();
  });

  it('checks an IP address against the certificate when no server name is given', async () => {
    const rx = await streamReceiver({ tls: { key: pki.serverKey, cert: pki.serverCert } });
    const d = new SyslogDestination(cfg({ transport: 'tls', port: rx.port, tls: { caFile: pki.caFile } }), ID);
    expect((await d.test(ev(1), 5000)).ok).toBe(true);
    await rx.waitFor(1);
    await d.close();
    await rx.close();
  });

  it('refuses a server its CA did not sign, and one whose certificate names another host', async () => {
    const rx = await streamReceiver({ tls: { key: pki.serverKey, cert: pki.serverCert } });
    const wrongCa = new SyslogDestination(cfg({ transport: 'tls', port: rx.port, tls: { caFile: pki.otherCaFile, serverName: 'localhost' } }), ID);
    const wrongName = new SyslogDestination(cfg({ transport: 'tls', port: rx.port, tls: { caFile: pki.caFile, serverName: 'siem.example.org' } }), ID);
    const a = await wrongCa.test(ev(1), 2000);
    const b = await wrongName.test(ev(2), 2000);
    expect(a.ok).toBe(false);
    expect(a.detail).toMatch(/certificate/i);
    expect(b.ok).toBe(false);
    expect(b.detail).toMatch(/siem\.example\.org|altnames/i);
    expect(rx.messages).toHaveLength(0);
    await wrongCa.close();
    await wrongName.close();
    await rx.close();
  });
});

const loggerGate = requires({ tools: ['logger'] });

describe.skipIf(loggerGate.skip)(loggerGate.title('the test receivers read what util-linux logger sends'), () => {
  it('logger --rfc5424 --octet-count over TCP parses, as does our own message on the same receiver', async () => {
    const rx = await streamReceiver();
    const r = spawnSync('logger', ['--rfc5424', '--octet-count', '-T', '-n', '127.0.0.1', '-P', String(rx.port), '-t', 'wardwatch', '--msgid', 'device-new', '-p', 'local0.warning', 'CEF:0|wardwatch|wardwatch|0.1.0|device-new|New device|5|cs1=dev-1 msg=a\\=b'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [b] = await rx.waitFor(1);
    const m = parse5424(b ?? Buffer.alloc(0));
    expect(m).toMatchObject({ facility: 16, severity: 4, appName: 'wardwatch', msgId: 'device-new' });
    expect(parseCef(m.msg).ext.get('msg')).toBe('a=b');
    await rx.close();
  });

  it('logger --rfc5424 over UDP parses', async () => {
    const rx = await udpReceiver();
    const r = spawnSync('logger', ['--rfc5424', '-d', '-n', '127.0.0.1', '-P', String(rx.port), '-t', 'wardwatch', 'CEF:0|a|b|c|d|e|1|'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [b] = await rx.waitFor(1);
    expect(parse5424(b ?? Buffer.alloc(0)).msg).toBe('CEF:0|a|b|c|d|e|1|');
    await rx.close();
  });
});
