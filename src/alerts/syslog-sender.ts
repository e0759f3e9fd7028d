/**
 * Sends syslog messages to one receiver over UDP (RFC 5426: one message per datagram), TCP (RFC 6587 §3.4.1 octet
 * counting) or TLS (RFC 5425 §4.3: octet counting, TLS 1.2 or later, the server's certificate checked against a CA and
 * a name). `send` only queues: it never blocks and never throws; a dead receiver costs reconnect attempts with backoff
 * and, once the bounded queue is full, the oldest messages (counted in `stats().dropped`).
 */
import dgram from 'node:dgram';
import net from 'node:net';
import tls from 'node:tls';

export type SyslogTransport = 'udp' | 'tcp' | 'tls';

/** PEM contents (the config layer reads the files once). */
export interface SyslogTlsSettings {
  ca?: string | Buffer;
  /** The name the certificate must carry; defaults to the host when that is a name. */
  serverName?: string;
  cert?: string | Buffer;
  key?: string | Buffer;
}

export interface SyslogTarget {
  transport: SyslogTransport;
  host: string;
  port: number;
  tls?: SyslogTlsSettings;
  maxQueue?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  connectTimeoutMs?: number;
}

export interface SenderStats {
  sent: number;
  dropped: number;
  errors: number;
  queued: number;
  connected: boolean;
  lastError: string | null;
}

const DEFAULTS = { maxQueue: 10_000, reconnectMinMs: 250, reconnectMaxMs: 30_000, connectTimeoutMs: 10_000 } as const;

/** RFC 6587 §3.4.1 / RFC 5425 §4.3: `MSG-LEN SP SYSLOG-MSG`, the length in octets. */
export function octetFrame(msg: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${String(msg.length)} `, 'ascii'), msg]);
}

export class SyslogSender {
  private readonly t: Required<Omit<SyslogTarget, 'tls'>> & Pick<SyslogTarget, 'tls'>;
  private readonly queue: Buffer[] = [];
  private udp: dgram.Socket | null = null;
  private udpInFlight = 0;
  private stream: net.Socket | null = null;
  private connected = false;
  private blocked = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoffMs: number;
  private readonly counts = { sent: 0, dropped: 0, errors: 0 };
  private lastError: string | null = null;

  constructor(target: SyslogTarget) {
    this.t = { ...DEFAULTS, ...target };
    this.backoffMs = this.t.reconnectMinMs;
  }

  /** Queues one syslog message (unframed); false when it could not be queued (sender closed). */
  send(msg: Buffer): boolean {
    if (this.closed) return false;
    if (this.queue.length >= this.t.maxQueue) {
      this.queue.shift();
      this.counts.dropped++;
    }
    this.queue.push(msg);
    this.pump();
    return true;
  }

  stats(): SenderStats {
    return { ...this.counts, queued: this.queue.length, connected: this.connected || this.udp !== null, lastError: this.lastError };
  }

  /** Resolves true once everything queued has been handed to the network, false if `timeoutMs` passes first. */
  async drain(timeoutMs: number): Promise<boolean> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const idle = this.queue.length === 0 && this.udpInFlight === 0 && (this.stream === null || this.stream.writableLength === 0);
      if (idle) return true;
      await new Promise((r) => setTimeout(r, 10));
    }
    return false;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    const udp = this.udp;
    const stream = this.stream;
    this.udp = null;
    this.stream = null;
    if (udp !== null) await new Promise<void>((r) => { udp.close(() => { r(); }); });
    if (stream !== null) await new Promise<void>((r) => { stream.once('close', () => { r(); }); stream.end(); setTimeout(() => { stream.destroy(); }, 1000).unref(); });
  }

  private fail(err: unknown): void {
    this.counts.errors++;
    this.lastError = err instanceof Error ? err.message : String(err);
  }

  private pump(): void {
    if (this.closed) return;
    if (this.t.transport === 'udp') this.pumpUdp();
    else this.pumpStream();
  }

  private pumpUdp(): void {
    if (this.udp === null) {
      const sock = dgram.createSocket(net.isIPv6(this.t.host) ? 'udp6' : 'udp4');
      sock.on('error', (e) => { this.fail(e); });
      sock.unref();
      this.udp = sock;
    }
    const sock = this.udp;
    for (let msg = this.queue.shift(); msg !== undefined; msg = this.queue.shift()) {
      this.udpInFlight++;
      sock.send(msg, this.t.port, this.t.host, (err) => {
        this.udpInFlight--;
        if (err === null) this.counts.sent++;
        else this.fail(err);
      });
    }
  }

  private pumpStream(): void {
    if (this.stream === null) {
      // Connect only with something to send: an idle sender does not keep knocking on a dead receiver.
      if (this.retryTimer === null && this.queue.length > 0) this.connect();
      return;
    }
    if (!this.connected || this.blocked) return;
    const sock = this.stream;
    for (let msg = this.queue.shift(); msg !== undefined; msg = this.queue.shift()) {
      this.counts.sent++;
      if (!sock.write(octetFrame(msg))) {
        this.blocked = true;
        sock.once('drain', () => { this.blocked = false; this.pump(); });
        return;
      }
    }
  }

  private connect(): void {
    const { host, port } = this.t;
    const onUp = (): void => {
      sock.setTimeout(0);
      this.connected = true;
      this.backoffMs = this.t.reconnectMinMs;
      this.pump();
    };
    let sock: net.Socket;
    if (this.t.transport === 'tls') {
      const s = this.t.tls ?? {};
      const servername = s.serverName ?? (net.isIP(host) === 0 ? host : undefined);
      sock = tls.connect({
        host, port, minVersion: 'TLSv1.2', rejectUnauthorized: true,
        ...(servername !== undefined ? { servername } : {}),
        ...(s.ca !== undefined ? { ca: s.ca } : {}),
        ...(s.cert !== undefined && s.key !== undefined ? { cert: s.cert, key: s.key } : {}),
      }, onUp);
    } else {
      sock = net.connect({ host, port }, onUp);
    }
    sock.setTimeout(this.t.connectTimeoutMs, () => { sock.destroy(new Error(`connect to ${host}:${String(port)} timed out`)); });
    sock.on('error', (e) => { this.fail(e); });
    // A receiver never talks back in syslog: whatever it sends is read and dropped so its buffers cannot fill ours.
    sock.on('data', () => undefined);
    sock.on('close', () => { this.onClosed(sock); });
    sock.unref();
    this.stream = sock;
  }

  private onClosed(sock: net.Socket): void {
    if (this.stream !== sock) return;
    this.stream = null;
    this.connected = false;
    this.blocked = false;
    if (this.closed) return;
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.t.reconnectMaxMs);
    this.retryTimer = setTimeout(() => { this.retryTimer = null; this.pump(); }, wait);
    this.retryTimer.unref();
  }
}
