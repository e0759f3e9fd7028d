/** pcapng reader step: SHB, IDB, EPB, SPB and the obsolete PB; other blocks skipped (draft-ietf-opsawg-pcapng §4). */
import type { PacketRef } from '../packet.js';
import { corrupt, notCapture } from './capture-errors.js';
import { PcapngClock } from './pcapng-clock.js';
import { MAX_RECORD_BYTES, NEED_MORE, type RecordParser } from './record-parser.js';

// Block types, pcapng §4 and §11.1.
const SHB = 0x0a0d0d0a;
const IDB = 0x00000001;
const PB_OBSOLETE = 0x00000002; // Appendix A
const SPB = 0x00000003;
const EPB = 0x00000006;
const BYTE_ORDER_MAGIC = 0x1a2b3c4d; // §4.1
const BYTE_ORDER_MAGIC_SWAPPED = 0x4d3c2b1a;
// Smallest legal block of each kind: type + length + fixed body + trailing length.
const MIN_BLOCK = 12;
const MIN_SHB = 28;
const MIN_IDB = 20;
const MIN_SPB = 16;
const MIN_EPB = 32; // also the obsolete PB, which has the same layout with a 16-bit interface id
const OPT_ENDOFOPT = 0;
const IF_TSRESOL = 9; // §4.2
const IF_TSOFFSET = 14;
/** More interfaces than a 16-bit PB id can name means a damaged file; the cap keeps memory bounded. */
const MAX_INTERFACES = 65_536;

interface PcapngInterface {
  linkType: number;
  snapLen: number;
  clock: PcapngClock;
}

export class PcapngParser implements RecordParser {
  need = 0;
  isPacket = false;
  private littleEndian = true;
  private sectionSeen = false;
  /** Interfaces of the current section, by id. */
  private interfaces: PcapngInterface[] = [];

  constructor(private readonly file: string) {}

  parse(buf: Uint8Array, view: DataView, pos: number, end: number, fileOffset: number, packet: PacketRef): number {
    if (end - pos < MIN_BLOCK) {
      this.need = MIN_BLOCK;
      return NEED_MORE;
    }
    // The SHB type reads the same in both byte orders; its byte-order magic sets the order of everything after.
    const isShb = view.getUint32(pos, true) === SHB;
    let le = this.littleEndian;
    if (isShb) {
      const bom = view.getUint32(pos + 8, true);
      if (bom === BYTE_ORDER_MAGIC) le = true;
      else if (bom === BYTE_ORDER_MAGIC_SWAPPED) le = false;
      else if (!this.sectionSeen) throw notCapture(this.file);
      else throw corrupt(this.file, fileOffset, 'bad byte-order magic in section header');
    } else if (!this.sectionSeen) {
      throw notCapture(this.file);
    }
    const total = view.getUint32(pos + 4, le);
    if (total < MIN_BLOCK || total % 4 !== 0 || total > MAX_RECORD_BYTES) {
      throw corrupt(this.file, fileOffset, `impossible block length ${total}`);
    }
    if (end - pos < total) {
      this.need = total;
      return NEED_MORE;
    }
    if (view.getUint32(pos + total - 4, le) !== total) {
      throw corrupt(this.file, fileOffset, 'block length at the end differs from the one at the start');
    }
    this.isPacket = false;
    if (isShb) {
      this.startSection(view, pos, total, le, fileOffset);
      return total;
    }
    const type = view.getUint32(pos, le);
    if (type === EPB || type === PB_OBSOLETE) {
      if (total < MIN_EPB) throw corrupt(this.file, fileOffset, 'packet block too short');
      const ifId = type === EPB ? view.getUint32(pos + 8, le) : view.getUint16(pos + 8, le);
      const iface = this.interfaces[ifId];
      if (iface === undefined) throw corrupt(this.file, fileOffset, `packet on undefined interface ${ifId}`);
      const capLen = view.getUint32(pos + 20, le);
      if (capLen > total - MIN_EPB) throw corrupt(this.file, fileOffset, `packet length ${capLen} exceeds its block`);
      iface.clock.apply(view.getUint32(pos + 12, le), view.getUint32(pos + 16, le), packet);
      packet.linkType = iface.linkType;
      packet.data = buf;
      packet.offset = pos + 28;
      packet.capLen = capLen;
      packet.origLen = view.getUint32(pos + 24, le);
      packet.interfaceId = ifId;
      this.isPacket = true;
    } else if (type === SPB) {
      const iface = this.interfaces[0];
      if (iface === undefined) throw corrupt(this.file, fileOffset, 'simple packet block before any interface');
      if (total < MIN_SPB) throw corrupt(this.file, fileOffset, 'simple packet block too short');
      const origLen = view.getUint32(pos + 8, le);
      // §4.4: captured length = min(original length, snaplen), and at most the block's data area.
      let capLen = Math.min(total - MIN_SPB, origLen);
      if (iface.snapLen > 0 && capLen > iface.snapLen) capLen = iface.snapLen;
      // An SPB has no timestamp: tsSec/tsNsec keep the previous packet's values (0 before any).
      packet.linkType = iface.linkType;
      packet.data = buf;
      packet.offset = pos + 12;
      packet.capLen = capLen;
      packet.origLen = origLen;
      packet.interfaceId = 0;
      this.isPacket = true;
    } else if (type === IDB) {
      this.addInterface(buf, view, pos, total, le, fileOffset);
    }
    // Any other block (NRB, ISB, DSB, custom, journal ...) carries nothing the engine reads: skipped whole.
    return total;
  }

  private startSection(view: DataView, pos: number, total: number, le: boolean, fileOffset: number): void {
    if (total < MIN_SHB) throw corrupt(this.file, fileOffset, 'section header block too short');
    const major = view.getUint16(pos + 12, le);
    if (major !== 1) {
      throw corrupt(this.file, fileOffset, `unsupported pcapng version ${major}.${view.getUint16(pos + 14, le)}`);
    }
    this.littleEndian = le;
    this.sectionSeen = true;
    this.interfaces = [];
  }

  private addInterface(buf: Uint8Array, view: DataView, pos: number, total: number, le: boolean, fileOffset: number): void {
    if (total < MIN_IDB) throw corrupt(this.file, fileOffset, 'interface description block too short');
    if (this.interfaces.length >= MAX_INTERFACES) throw corrupt(this.file, fileOffset, 'too many interfaces');
    let tsresol = 6;
    let tsoffset = 0n;
    const optEnd = pos + total - 4;
    let o = pos + 16;
    while (o + 4 <= optEnd) {
      const code = view.getUint16(o, le);
      const len = view.getUint16(o + 2, le);
      if (code === OPT_ENDOFOPT) break;
      const value = o + 4;
      if (value + len > optEnd) throw corrupt(this.file, fileOffset, `interface option ${code} runs past its block`);
      if (code === IF_TSRESOL && len >= 1) tsresol = buf[value] ?? 6;
      else if (code === IF_TSOFFSET && len === 8) tsoffset = view.getBigInt64(value, le);
      o = value + ((len + 3) & ~3);
    }
    this.interfaces.push({
      linkType: view.getUint16(pos + 8, le),
      snapLen: view.getUint32(pos + 12, le),
      clock: new PcapngClock(tsresol, tsoffset),
    });
  }
}
