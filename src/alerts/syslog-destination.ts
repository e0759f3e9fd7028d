/** A syslog destination: each event as RFC 5424 with a CEF MSG (syslog-format.ts, cef.ts), bounded, over one sender. */
import { readFileSync } from 'node:fs';
import { AppError, ErrorCode } from '../util/app-error.js';
import { formatCef } from './cef.js';
import type { SyslogDestinationConfig } from './config.js';
import type { AlertDestination, TestOutcome } from './destination.js';
import { encodeBounded, formatSyslog } from './syslog-format.js';
import { SyslogSender, type SyslogTlsSettings } from './syslog-sender.js';
import type { AlertEvent } from './types.js';

export interface SyslogIdentity {
  hostname: string;
  procId: string;
  productVersion: string;
}

/** RFC 5424 §7.3.1: sequenceId runs 1 … 2147483647, then starts again at 1. */
const MAX_SEQUENCE = 2_147_483_647;

function readPem(file: string | undefined, what: string): Buffer | undefined {
  if (file === undefined) return undefined;
  try {
    return readFileSync(file);
  } catch (e) {
    throw new AppError(ErrorCode.Io, `cannot read the syslog TLS ${what} ${file}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function tlsSettings(c: SyslogDestinationConfig): SyslogTlsSettings | undefined {
  if (c.tls === undefined) return undefined;
  const ca = readPem(c.tls.caFile, 'CA file');
  const cert = readPem(c.tls.certFile, 'certificate');
  const key = readPem(c.tls.keyFile, 'key');
  return { ...(ca !== undefined ? { ca } : {}), ...(cert !== undefined ? { cert } : {}), ...(key !== undefined ? { key } : {}), ...(c.tls.serverName !== undefined ? { serverName: c.tls.serverName } : {}) };
}

export class SyslogDestination implements AlertDestination {
  readonly name: string;
  private readonly sender: SyslogSender;
  private sequence = 0;

  constructor(private readonly config: SyslogDestinationConfig, private readonly id: SyslogIdentity) {
    this.name = config.name;
    const tls = tlsSettings(config);
    this.sender = new SyslogSender({ transport: config.transport, host: config.host, port: config.port, maxQueue: config.maxQueue, ...(tls !== undefined ? { tls } : {}) });
  }

  /** The exact bytes one event becomes (before octet-count framing). */
  render(event: AlertEvent): Buffer {
    this.sequence = this.sequence >= MAX_SEQUENCE ? 1 : this.sequence + 1;
    const cef = formatCef(event, { productVersion: this.id.productVersion });
    const text = formatSyslog(event, cef, { facility: this.config.facility, hostname: this.id.hostname, procId: this.id.procId, productVersion: this.id.productVersion, sequenceId: this.sequence });
    return encodeBounded(text, this.config.maxMessageBytes);
  }

  send(event: AlertEvent): void {
    this.sender.send(this.render(event));
  }

  async test(event: AlertEvent, timeoutMs: number): Promise<TestOutcome> {
    const before = this.sender.stats();
    this.sender.send(this.render(event));
    const drained = await this.sender.drain(timeoutMs);
    const after = this.sender.stats();
    const where = `${this.config.transport}://${this.config.host}:${String(this.config.port)}`;
    if (drained && after.errors === before.errors) {
      // UDP has no answer: "sent" is all a sender can know.
      return { destination: this.name, ok: true, detail: `${this.config.transport === 'udp' ? 'sent' : 'written'} to ${where}` };
    }
    return { destination: this.name, ok: false, detail: `not delivered to ${where}: ${after.lastError ?? 'timed out'}` };
  }

  stats(): Record<string, number | boolean | string | null> {
    return { ...this.sender.stats() };
  }

  close(): Promise<void> {
    return this.sender.close();
  }
}
