/** Text shared by the segmentation commands (mission §5). */
/** `tcp/104 (dicom)`, `icmp`. */
export function serviceText(c: { proto: string; port: number | null; app: string | null }): string {
  const where = c.port === null ? c.proto : `${c.proto}/${String(c.port)}`;
  return c.app === null ? where : `${where} (${c.app})`;
}

/** Segmentation tables: columns up to 40 wide, the last one whole. */
export const SEGMENT_TABLE = { maxWidth: 40, lastMaxWidth: Number.POSITIVE_INFINITY } as const;
