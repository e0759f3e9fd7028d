/** Test support for the lldp and cdp tests: tshark's per-frame fields (all occurrences) beside our records. */
import { tsharkFieldsAsync, tsharkJson } from '../../../test-support/tshark.js';

/** One row per frame matching `filter`: each field's occurrences (empty list when absent). */
export async function tsharkFrames(file: string, filter: string, fields: readonly string[]): Promise<Record<string, string[]>[]> {
  const rows = await tsharkFieldsAsync(file, fields, { filter, occurrence: 'a', aggregator: '\u0001' });
  return rows.map((cols) => {
    return Object.fromEntries(fields.map((f, i) => [f, cols[i] ? (cols[i] ?? '').split('\u0001') : []]));
  });
}

/** Per frame matching `filter`: the raw bytes of the named protocol layers, concatenated (e.g. llc + cdp). */
export function rawLayers(file: string, filter: string, layers: readonly string[]): Uint8Array[] {
  const frames = tsharkJson(file, filter, ['-x']) as { _source: { layers: Record<string, unknown> } }[];
  return frames.map((f) => {
    const hex = layers.map((l) => {
      const raw = f._source.layers[`${l}_raw`];
      return Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
    });
    return new Uint8Array(Buffer.from(hex.join(''), 'hex'));
  });
}
