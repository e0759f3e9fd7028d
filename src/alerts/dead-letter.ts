/**
 * Where an alert goes when its last delivery attempt failed, so a person can see and replay what a receiver missed.
 * A record holds the event (already free of PHI and secrets by construction) and where it was going, never the
 * destination's secret; a URL keeps only scheme, host, port and path (a token in the query or user-info stays out).
 */
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { AlertEvent } from './types.js';

export interface DeadLetter {
  /** ISO time the last attempt failed. */
  failedAt: string;
  destination: string;
  /** `https://siem.example:8443/hook` or `tcp://host:6514`. */
  target: string;
  attempts: number;
  lastError: string;
  event: AlertEvent;
}

export interface DeadLetterSink {
  record(entry: DeadLetter): Promise<void>;
}

/** A URL without user-info, query or fragment. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return 'invalid-url';
  }
}

/** One JSON object a line, appended; writes are serialised so lines never interleave. */
export class JsonlDeadLetterFile implements DeadLetterSink {
  private chain: Promise<void> = Promise.resolve();
  private madeDir = false;

  constructor(readonly file: string) {}

  record(entry: DeadLetter): Promise<void> {
    const line = `${JSON.stringify(entry)}\n`;
    const next = this.chain.then(async () => {
      if (!this.madeDir) {
        await mkdir(path.dirname(this.file), { recursive: true });
        this.madeDir = true;
      }
      await appendFile(this.file, line, { encoding: 'utf8', mode: 0o600 });
    });
    // A failed write must not wedge the chain for the next record; the caller still sees this one's error.
    this.chain = next.catch(() => undefined);
    return next;
  }
}
