/**
 * Test helper: puts 802.1Q / 802.1ad tags on the Ethernet frames of real-peer captures and merges them by time, so a
 * test can have a routed conversation seen the way a router trunk's SPAN shows it (each side in its own VLAN) on a
 * kernel without 802.1Q support. The tag goes after the two MAC addresses (IEEE 802.1Q-2018 §9.3: TPID then TCI).
 */
import { readFileSync, writeFileSync } from 'node:fs';

/** One tag, outermost first: TPID 0x8100 (C-tag) or 0x88a8 (S-tag, QinQ) and the VLAN id. */
export interface VlanTag {
  tpid: number;
  vid: number;
}

export interface TaggedInput {
  file: string;
  tags: readonly VlanTag[];
}

interface Frame {
  sec: number;
  frac: number;
  data: Buffer;
}

const PCAP_USEC_LE = 0xa1b2c3d4;
const PCAP_NSEC_LE = 0xa1b23c4d;
const LINKTYPE_ETHERNET = 1;

function framesOf(file: string): { frames: Frame[]; nsec: boolean } {
  const buf = readFileSync(file);
  const magic = buf.readUInt32LE(0);
  if (magic !== PCAP_USEC_LE && magic !== PCAP_NSEC_LE) throw new Error(`${file}: not a little-endian classic pcap`);
  if (buf.readUInt32LE(20) !== LINKTYPE_ETHERNET) throw new Error(`${file}: link type is not Ethernet`);
  const frames: Frame[] = [];
  for (let o = 24; o + 16 <= buf.length; ) {
    const incl = buf.readUInt32LE(o + 8);
    frames.push({ sec: buf.readUInt32LE(o), frac: buf.readUInt32LE(o + 4), data: buf.subarray(o + 16, o + 16 + incl) });
    o += 16 + incl;
  }
  return { frames, nsec: magic === PCAP_NSEC_LE };
}

function tagged(frame: Buffer, tags: readonly VlanTag[]): Buffer {
  const head = Buffer.alloc(4 * tags.length);
  tags.forEach((t, i) => {
    head.writeUInt16BE(t.tpid, 4 * i);
    head.writeUInt16BE(t.vid & 0x0fff, 4 * i + 2);
  });
  return Buffer.concat([frame.subarray(0, 12), head, frame.subarray(12)]);
}

/** Writes one microsecond pcap at `out` holding every input's frames with that input's tags, in time order. */
export function tagAndMerge(inputs: readonly TaggedInput[], out: string): void {
  const all: Frame[] = [];
  for (const input of inputs) {
    const { frames, nsec } = framesOf(input.file);
    for (const f of frames) all.push({ sec: f.sec, frac: nsec ? Math.floor(f.frac / 1000) : f.frac, data: tagged(f.data, input.tags) });
  }
  all.sort((x, y) => x.sec - y.sec || x.frac - y.frac);
  const header = Buffer.alloc(24);
  header.writeUInt32LE(PCAP_USEC_LE, 0);
  header.writeUInt16LE(2, 4);
  header.writeUInt16LE(4, 6);
  header.writeUInt32LE(262144, 16);
  header.writeUInt32LE(LINKTYPE_ETHERNET, 20);
  const parts: Buffer[] = [header];
  for (const f of all) {
    const rec = Buffer.alloc(16);
    rec.writeUInt32LE(f.sec, 0);
    rec.writeUInt32LE(f.frac, 4);
    rec.writeUInt32LE(f.data.length, 8);
    rec.writeUInt32LE(f.data.length, 12);
    parts.push(rec, f.data);
  }
  writeFileSync(out, Buffer.concat(parts));
}
