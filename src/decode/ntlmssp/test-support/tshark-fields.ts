/** Test helper: tshark (Wireshark 4.x) field extraction, the reference the NTLMSSP, SMB and SNMP decoders are checked against. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const hasTshark = spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;

/** A corpus capture's absolute path (the corpus lives beside the repo; never copied into it). */
export function corpusPath(rel: string): string {
  return fileURLToPath(new URL(`../../../../../shared/corpus/pcaps/${rel}`, import.meta.url));
}

/** Joins the occurrences of one field in a row (a character no SMB/SNMP name holds, unlike tshark's default ','). */
export const OCCURRENCE_SEPARATOR = '\u001f';

/**
 * Rows of `tshark -r file [-Y filter] -T fields -e …` split on tabs; several occurrences of one field in a frame
 * are joined with OCCURRENCE_SEPARATOR.
 */
export function tsharkFields(file: string, fields: readonly string[], filter?: string, extra: readonly string[] = []): string[][] {
  const args = ['-r', file, ...extra, '-T', 'fields', '-E', 'separator=/t', '-E', 'occurrence=a', '-E', `aggregator=${OCCURRENCE_SEPARATOR}`];
  if (filter !== undefined) args.push('-Y', filter);
  for (const f of fields) args.push('-e', f);
  const r = spawnSync('tshark', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`tshark ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split('\t'));
}

export function hexBytes(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}
