/** Classic libpcap savefile reader step (draft-ietf-opsawg-pcap §4 file header, §5 packet record). */
import type { PacketRef } from '../packet.js';
import { corrupt } from './capture-errors.js';
import { MAX_RECORD_BYTES, NEED_MORE, PCAP_MAX_SNAPLEN, type RecordParser } from './record-parser.js';

const FILE_HEADER_BYTES = 24; // draft-ietf-opsawg-pcap §4
const RECORD_HEADER_BYTES = 16; // §5
/** Alexey Kuznetzov's patched format (magic a1b2cd34) adds ifindex, protocol, pkt_type and a pad byte. */
const MODIFIED_RECORD_HEADER_BYTES = 24;
/** §4: LinkType is the low 16 bits; bits 16-31 carry reserved bits and the FCS length (libpcap LT_LINKTYPE). */
const LINKTYPE_MASK = 0xffff;

/** What a 4-byte file start says: byte order and sub-second unit, or null when it is no pcap magic. */
export interface PcapMagic {
  littleEndian: boolean;
  nanoseconds: boolean;
  modified: boolean;
}

/** Reads the magic from its bytes, so one table covers both byte orders. */
export function pcapMagic(b0: number, b1: number, b2: number, b3: number): PcapMagic | null {
  const be = ((b0 << 24) | (b1 << 16) | (b2 << 8) | b3) >>> 0;
  const le = ((b3 << 24) | (b2 << 16) | (b1 << 8) | b0) >>> 0;
  for (const [value, littleEndian] of [
    [be, false],
    [le, true],
  ] as const) {
    if (value === 0xa1b2c3d4) return { littleEndian, nanoseconds: false, modified: false };
    if (value === 0xa1b23c4d) return { littleEndian, nanoseconds: true, modified: false };
    if (value === 0xa1b2cd34) return { littleEndian, nanoseconds: false, modified: true };
  }
  return null;
}

/** libpcap's handling of files from before version 2.4, whose caplen/len fields may be in the other order. */
const LengthOrder = { Normal: 0, Swapped: 1, MaybeSwapped: 2 } as const;
type LengthOrder = (typeof LengthOrder)[keyof typeof LengthOrder];

export class PcapParser implements RecordParser {
  need = 0;
  isPacket = false;
  private headerDone = false;
  private littleEndian = true;
  private fracPerSec = 1_000_000;
  private nsPerFrac = 1000;
  private recordHeaderBytes = RECORD_HEADER_BYTES;
  private linkType = 1;
  private maxCapLen = PCAP_MAX_SNAPLEN;
  private lengthOrder: LengthOrder = LengthOrder.Normal;

  constructor(private readonly file: string) {}

  parse(buf: Uint8Array, view: DataView, pos: number, end: number, fileOffset: number, packet: PacketRef): number {
    if (!this.headerDone) return this.parseFileHeader(buf, view, pos, end, fileOffset);
    const headerBytes = this.recordHeaderBytes;
    if (end - pos < headerBytes) {
      this.need = headerBytes;
      return NEED_MORE;
    }
    const le = this.littleEndian;
    let capLen = view.getUint32(pos + 8, le);
    let origLen = view.getUint32(pos + 12, le);
    if (this.lengthOrder !== LengthOrder.Normal && (this.lengthOrder === LengthOrder.Swapped || capLen > origLen)) {
      const t = capLen;
      capLen = origLen;
      origLen = t;
    }
    if (capLen > this.maxCapLen) {
      throw corrupt(this.file, fileOffset, `packet length ${capLen} exceeds the maximum of ${this.maxCapLen}`);
    }
    const total = headerBytes + capLen;
    if (end - pos < total) {
      this.need = total;
      return NEED_MORE;
    }
    const sec = view.getUint32(pos, le);
    const frac = view.getUint32(pos + 4, le);
    if (frac < this.fracPerSec) {
      packet.tsSec = sec;
      packet.tsNsec = frac * this.nsPerFrac;
    } else {
      // Out-of-range fractions exist in the wild; carry them into the seconds as libpcap-based tools display them.
      const carry = Math.floor(frac / this.fracPerSec);
      packet.tsSec = sec + carry;
      packet.tsNsec = (frac - carry * this.fracPerSec) * this.nsPerFrac;
    }
    packet.linkType = this.linkType;
    packet.data = buf;
    packet.offset = pos + headerBytes;
    packet.capLen = capLen;
    packet.origLen = origLen;
    packet.interfaceId = 0;
    this.isPacket = true;
    return total;
  }

  private parseFileHeader(buf: Uint8Array, view: DataView, pos: number, end: number, fileOffset: number): number {
    if (end - pos < FILE_HEADER_BYTES) {
      this.need = FILE_HEADER_BYTES;
      return NEED_MORE;
    }
    const magic = pcapMagic(buf[pos] ?? 0, buf[pos + 1] ?? 0, buf[pos + 2] ?? 0, buf[pos + 3] ?? 0);
    if (magic === null) throw corrupt(this.file, fileOffset, 'bad pcap magic');
    const le = magic.littleEndian;
    const major = view.getUint16(pos + 4, le);
    const minor = view.getUint16(pos + 6, le);
    if (major !== 2) throw corrupt(this.file, fileOffset, `unsupported pcap version ${major}.${minor}`);
    this.lengthOrder = minor < 3 ? LengthOrder.Swapped : minor === 3 ? LengthOrder.MaybeSwapped : LengthOrder.Normal;
    const snapLen = view.getUint32(pos + 16, le);
    this.maxCapLen = Math.min(MAX_RECORD_BYTES, Math.max(snapLen, PCAP_MAX_SNAPLEN));
    this.linkType = view.getUint32(pos + 20, le) & LINKTYPE_MASK;
    this.littleEndian = le;
    this.fracPerSec = magic.nanoseconds ? 1_000_000_000 : 1_000_000;
    this.nsPerFrac = magic.nanoseconds ? 1 : 1000;
    this.recordHeaderBytes = magic.modified ? MODIFIED_RECORD_HEADER_BYTES : RECORD_HEADER_BYTES;
    this.headerDone = true;
    this.isPacket = false;
    return FILE_HEADER_BYTES;
  }
}
