/**
 * Test support: the one way tests run tshark (Wireshark's CLI): `runTshark` for any arguments, `-T fields` rows,
 * `-T json` frames, expert warnings, and a counter of field agreement with our records.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';

/** How tshark's output is read and how much of it is kept. */
export interface TsharkRun {
  /** HL7 segments are read as Latin-1; everything else as UTF-8. */
  encoding?: 'utf8' | 'latin1';
  /** Output bytes kept (conversation tables of the large captures run to hundreds of MB). */
  maxBuffer?: number;
}

const DEFAULT_MAX_BUFFER = 64 << 20;

/** tshark's stdout for `args`; a failure throws with the command line and tshark's stderr. */
export function runTshark(args: readonly string[], o: TsharkRun = {}): string {
  const r = spawnSync('tshark', args, { encoding: o.encoding ?? 'utf8', maxBuffer: o.maxBuffer ?? DEFAULT_MAX_BUFFER });
  if (r.status !== 0) throw new Error(`tshark ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

/** `runTshark` without blocking, for tests that decode the same capture meanwhile. */
export async function runTsharkAsync(args: readonly string[], o: TsharkRun = {}): Promise<string> {
  const { stdout } = await promisify(execFile)('tshark', args, { encoding: o.encoding ?? 'utf8', maxBuffer: o.maxBuffer ?? DEFAULT_MAX_BUFFER });
  return stdout;
}

/** Wireshark leaves IP, TCP and UDP checksum validation off; these options turn it on. */
export const CHECKSUM_OPTIONS: readonly string[] = ['-o', 'ip.check_checksum:TRUE', '-o', 'tcp.check_checksum:TRUE', '-o', 'udp.check_checksum:TRUE'];

/**
 * Expert items of severity warning or error ("Protocol  Summary" lines of `-z expert,warn`, checksums validated),
 * minus the TCP "Connection reset (RST)" warning that a deliberate RST always raises.
 */
export function expertWarnings(file: string): string[] {
  return runTshark([...CHECKSUM_OPTIONS, '-r', file, '-q', '-z', 'expert,warn'])
    .split('\n')
    .filter((l) => /^\s+\d+\s+\S+\s+\S+\s+\S/.test(l))
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter((l) => !l.includes('Connection reset (RST)'));
}

/** `-T json` frames of `file` matching the display filter, with `extra` options (e.g. `-x` for raw bytes). */
export function tsharkJson(file: string, filter: string, extra: readonly string[] = [], o: TsharkRun = {}): unknown {
  return JSON.parse(runTshark(['-r', file, ...extra, '-Y', filter, '-T', 'json'], o)) as unknown;
}

/** How a `tshark -T fields` run is asked for; each option maps to the one tshark flag named. */
export interface TsharkFieldsOptions {
  /** `-Y` display filter. */
  filter?: string;
  /** `-d` decode-as rules, e.g. `tcp.port==104,dicom` (see `decodeAs`). */
  decodeAs?: readonly string[];
  /** `-E occurrence=`: `a` all (tshark's default), `f` first, `l` last. */
  occurrence?: 'a' | 'f' | 'l';
  /** `-E aggregator=`: what joins several occurrences of one field (tshark's default ','). */
  aggregator?: string;
  /** Further tshark options (e.g. `-o` preferences), placed after `-r file`. */
  extra?: readonly string[];
  /** How tshark's output is read (HL7 segments are read as Latin-1). */
  encoding?: 'utf8' | 'latin1';
}

/** `-d` rules mapping each TCP port to `proto`. */
export function decodeAs(ports: readonly number[], proto: string): string[] {
  return ports.map((p) => `tcp.port==${String(p)},${proto}`);
}

function fieldArgs(file: string, fields: readonly string[], o: TsharkFieldsOptions): string[] {
  const args = ['-r', file, ...(o.extra ?? []), '-T', 'fields', '-E', 'separator=/t'];
  if (o.occurrence !== undefined) args.push('-E', `occurrence=${o.occurrence}`);
  if (o.aggregator !== undefined) args.push('-E', `aggregator=${o.aggregator}`);
  if (o.filter !== undefined) args.push('-Y', o.filter);
  for (const d of o.decodeAs ?? []) args.push('-d', d);
  for (const f of fields) args.push('-e', f);
  return args;
}

/** One row per non-empty output line, split on tabs: column i is `fields[i]`. */
function splitRows(out: string): string[][] {
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

/** Rows of `fields` for each packet of `file` (tshark's failure throws, with its stderr). */
export function tsharkFields(file: string, fields: readonly string[], o: TsharkFieldsOptions = {}): string[][] {
  return splitRows(runTshark(fieldArgs(file, fields, o), o.encoding === undefined ? {} : { encoding: o.encoding }));
}

/** `tsharkFields` without blocking, for tests that decode the same capture meanwhile. */
export async function tsharkFieldsAsync(file: string, fields: readonly string[], o: TsharkFieldsOptions = {}): Promise<string[][]> {
  return splitRows(await runTsharkAsync(fieldArgs(file, fields, o), o.encoding === undefined ? {} : { encoding: o.encoding }));
}

/** Bytes of tshark's hex output (any separators dropped). */
export function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Counts of values compared with tshark's, and a line per value that differs. */
export interface Agreement {
  compared: number;
  mismatches: string[];
  /** Differences `explain` accounted for (listed, not counted as mismatches). */
  explained: string[];
  check: (where: string, field: string, ours: unknown, theirs: unknown) => void;
}

/**
 * A counter of values compared by their JSON form. `explain` may name a known cause for a difference, which then
 * lands in `explained` instead of `mismatches`.
 */
export function agreement(explain?: (ours: unknown, theirs: unknown) => string | null): Agreement {
  const a: Agreement = {
    compared: 0,
    mismatches: [],
    explained: [],
    check(where, field, ours, theirs) {
      a.compared++;
      if (JSON.stringify(ours) === JSON.stringify(theirs)) return;
      const why = explain?.(ours, theirs) ?? null;
      if (why !== null) a.explained.push(`${where} ${field}: ${why}`);
      else a.mismatches.push(`${where} ${field}: ours ${JSON.stringify(ours)} tshark ${JSON.stringify(theirs)}`);
    },
  };
  return a;
}
