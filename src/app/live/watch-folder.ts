/**
 * Which capture files in a watched folder are ready to read, in order. A file is ready once it has stopped changing:
 * the same size and modification time on two scans, and that time at least `settleMs` old. Rotating writers
 * (tcpdump -G / -C, dumpcap's ring buffer) write each file in place and never rename it in, so "renamed in" cannot be
 * the rule; a file still growing fails the test at the next scan. Writers that do rename in are also covered: their
 * temporary names (dot files, *.tmp, *.part) are never read.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FileSighting {
  name: string;
  sizeBytes: number;
  mtimeMs: number;
}

/** Names a writer uses while a file is incomplete. */
const IN_PROGRESS = /^\.|\.(tmp|part|partial|filepart)$/i;
const byName = new Intl.Collator('en', { numeric: true }).compare;

/** The identity of a file version: a name reused with new bytes (a ring of rotated files) is a new file. */
export function fileKey(f: FileSighting): string {
  return `${f.name}\u0000${String(f.sizeBytes)}\u0000${String(Math.trunc(f.mtimeMs))}`;
}

export class WatchFolder {
  /** What the previous scan saw, by name: a file is ready only when this scan sees the same. */
  private previous = new Map<string, FileSighting>();

  constructor(readonly dir: string, private readonly settleMs: number) {}

  /**
   * Files ready to read and not in `done` (fileKey values), oldest modification first, then by name with numbers
   * compared as numbers (`cap9` before `cap10`, as tcpdump -C names them).
   */
  async ready(done: ReadonlySet<string>, nowMs: number = Date.now()): Promise<FileSighting[]> {
    const seen = new Map<string, FileSighting>();
    for (const entry of await readdir(this.dir, { withFileTypes: true })) {
      if (!entry.isFile() || IN_PROGRESS.test(entry.name)) continue;
      try {
        const st = await stat(path.join(this.dir, entry.name));
        seen.set(entry.name, { name: entry.name, sizeBytes: st.size, mtimeMs: Math.trunc(st.mtimeMs) });
      } catch {
        // Removed between listing and stat: it is simply not there.
      }
    }
    const out: FileSighting[] = [];
    for (const f of seen.values()) {
      const before = this.previous.get(f.name);
      const stable = before !== undefined && before.sizeBytes === f.sizeBytes && before.mtimeMs === f.mtimeMs && nowMs - f.mtimeMs >= this.settleMs;
      if (stable && !done.has(fileKey(f))) out.push(f);
    }
    this.previous = seen;
    return out.sort((a, b) => a.mtimeMs - b.mtimeMs || byName(a.name, b.name));
  }
}
