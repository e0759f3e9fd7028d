/** The per-format step a capture cursor drives: one classic-pcap record or one pcapng block at a time. */
import type { PacketRef } from '../packet.js';

/** `parse` result when the record at `pos` is not complete in the buffer yet. */
export const NEED_MORE = 0;

/**
 * Longest record any reader accepts (pcapng block, or pcap caplen when the header's snaplen is huge). Larger means
 * a damaged length field; the cursor's buffer only grows as bytes actually arrive, so a lying length costs no memory.
 */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

/** libpcap's MAXIMUM_SNAPLEN: what tcpdump -s 0 writes, and what a pcap record may hold when the header says less. */
export const PCAP_MAX_SNAPLEN = 262_144;

/**
 * A parser for one capture format. The cursor owns the buffer and hands the parser a window of it; the parser keeps
 * only per-file state (byte order, interfaces). It never allocates per packet.
 */
export interface RecordParser {
  /** After `parse` returned NEED_MORE: how many bytes from `pos` the record needs (always > the bytes present). */
  need: number;
  /** After `parse` returned a length: whether that record was a packet (then `packet` has been filled in). */
  isPacket: boolean;
  /**
   * Looks at the record starting at `buf[pos]`; `buf[pos, end)` is valid and `fileOffset` is `pos`'s offset in the
   * (decompressed) file, for error messages. Returns NEED_MORE or the record's length in bytes (always > 0, so every
   * step advances). Throws `CaptureError` (corrupt) for a record that can never be valid.
   */
  parse(buf: Uint8Array, view: DataView, pos: number, end: number, fileOffset: number, packet: PacketRef): number;
}
