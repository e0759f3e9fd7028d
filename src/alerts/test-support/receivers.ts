/**
 * Test support: real syslog receivers on loopback (UDP datagrams, TCP and TLS octet-counted streams) and a webhook
 * receiver whose answer each test scripts. They keep the exact bytes they got.
 */
import dgram from 'node:dgram';
import http from 'node:http';
import net from 'node:net';
import tls from 'node:tls';
import type { AddressInfo } from 'node:net';
import { splitOctetCounted } from './rfc5424.js';

export interface SyslogReceiver {
  port: number;
  messages: Buffer[];
  /** Peer certificate subjects (TLS with requestCert). */
  clientSubjects: string[];
  waitFor(count: number, timeoutMs?: number): Promise<Buffer[]>;
  /** Drops every open connection (the receiver "restarts"). */
  dropConnections(): void;
  close(): Promise<void>;
}

async function waitFor(messages: Buffer[], count: number, timeoutMs: number): Promise<Buffer[]> {
  const until = Date.now() + timeoutMs;
  while (messages.length < count) {
    if (Date.now() > until) throw new Error(`got ${messages.length} of ${count} messages`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return messages.slice(0, count);
}

export async function udpReceiver(): Promise<SyslogReceiver> {
  const sock = dgram.createSocket('udp4');
  const messages: Buffer[] = [];
  sock.on('message', (m) => messages.push(Buffer.from(m)));
  await new Promise<void>((r) => { sock.bind(0, '127.0.0.1', () => { r(); }); });
  return {
    port: (sock.address()).port, messages, clientSubjects: [],
    waitFor: (n, t = 5000) => waitFor(messages, n, t),
    dropConnections: () => undefined,
    close: () => new Promise<void>((r) => { sock.close(() => { r(); }); }),
  };
}

export interface StreamReceiverOptions {
  tls?: tls.TlsOptions;
  /** Fixed port (to restart a receiver where a sender expects it); 0 picks one. */
  port?: number;
}

export async function streamReceiver(opts: StreamReceiverOptions = {}): Promise<SyslogReceiver> {
  const messages: Buffer[] = [];
  const clientSubjects: string[] = [];
  const open = new Set<net.Socket>();
  const onSocket = (sock: net.Socket): void => {
    open.add(sock);
    let buf = Buffer.alloc(0);
    if (sock instanceof tls.TLSSocket) {
      const cert = sock.getPeerCertificate();
      if (typeof cert.subject === 'object' && typeof cert.subject.CN === 'string') clientSubjects.push(cert.subject.CN);
    }
    sock.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const { messages: got, rest } = splitOctetCounted(buf);
      messages.push(...got.map((m) => Buffer.from(m)));
      buf = Buffer.from(rest);
    });
    sock.on('error', () => undefined);
    sock.on('close', () => open.delete(sock));
  };
  const server = opts.tls !== undefined ? tls.createServer(opts.tls, onSocket) : net.createServer(onSocket);
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', () => { r(); }));
  return {
    port: (server.address() as AddressInfo).port, messages, clientSubjects,
    waitFor: (n, t = 5000) => waitFor(messages, n, t),
    dropConnections: () => { for (const s of open) s.destroy(); },
    close: () => new Promise<void>((r) => { for (const s of open) s.destroy(); server.close(() => { r(); }); }),
  };
}

export interface WebhookRequest {
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface WebhookReceiver {
  url: string;
  requests: WebhookRequest[];
  close(): Promise<void>;
}

/** `answer` gets each request (numbered from 1) and returns a status; `'hang'` never answers. */
export async function webhookReceiver(answer: (req: WebhookRequest, n: number) => number | 'hang'): Promise<WebhookReceiver> {
  const requests: WebhookRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks) };
      requests.push(r);
      const status = answer(r, requests.length);
      if (status === 'hang') return;
      res.writeHead(status, status === 429 ? { 'retry-after': '0' } : {});
      res.end();
    });
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => { r(); }));
  return {
    url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/hooks/wardwatch?token=not-for-logs`,
    requests,
    close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => { r(); }); }),
  };
}
