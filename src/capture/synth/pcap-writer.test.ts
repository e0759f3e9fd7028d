import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PCAP_MAGIC_NSEC, PCAP_MAGIC_USEC, PcapWriter } from './pcap-writer.js';
import { fields, writeTempCapture } from './test-support/temp-capture.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

function collect(options: ConstructorParameters<typeof PcapWriter>[1]): { writer: PcapWriter; chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  return { writer: new PcapWriter((c) => chunks.push(c), options), chunks };
}

function joined(chunks: readonly Uint8Array[]): DataView {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) { all.set(c, at); at += c.length; }
  return new DataView(all.buffer);
}

describe('PcapWriter', () => {
  it('writes a little-endian 2.4 header with the link type and snap length', () => {
    const { writer, chunks } = collect({ linkType: 113, snapLen: 1500 });
    writer.close();
    const v = joined(chunks);
    expect(v.byteLength).toBe(24);
    expect(v.getUint32(0, true)).toBe(PCAP_MAGIC_USEC);
    expect([v.getUint16(4, true), v.getUint16(6, true)]).toEqual([2, 4]);
    expect(v.getUint32(16, true)).toBe(1500);
    expect(v.getUint32(20, true)).toBe(113);
  });

  it('stores microseconds or nanoseconds according to the magic', () => {
    for (const nanosecond of [false, true]) {
      const { writer, chunks } = collect({ nanosecond });
      writer.writePacket(new Uint8Array(60), 0, 60, 1_700_000_000, 123_456_789);
      writer.close();
      const v = joined(chunks);
      expect(v.getUint32(0, true)).toBe(nanosecond ? PCAP_MAGIC_NSEC : PCAP_MAGIC_USEC);
      expect(v.getUint32(24, true)).toBe(1_700_000_000);
      expect(v.getUint32(28, true)).toBe(nanosecond ? 123_456_789 : 123_456);
    }
  });

  it('cuts frames at the snap length but keeps the original length', () => {
    const { writer, chunks } = collect({ snapLen: 100 });
    const frame = new Uint8Array(300).map((_, i) => i & 0xff);
    writer.writePacket(frame, 50, 200, 1, 0);
    writer.close();
    const v = joined(chunks);
    expect(v.getUint32(32, true)).toBe(100);
    expect(v.getUint32(36, true)).toBe(200);
    expect(v.byteLength).toBe(24 + 16 + 100);
    expect(v.getUint8(40)).toBe(50);
    expect(writer.bytes).toBe(v.byteLength);
  });

  it('batches output into buffer-sized chunks rather than one write per packet', () => {
    const { writer, chunks } = collect({ bufferBytes: 4096, snapLen: 1600 });
    for (let i = 0; i < 1000; i++) writer.writePacket(new Uint8Array(100), 0, 100, i, 0);
    writer.close();
    expect(writer.packets).toBe(1000);
    expect(chunks.length).toBeLessThan(40);
    expect(joined(chunks).byteLength).toBe(24 + 1000 * 116);
  });

  it('refuses writes after close and closes only once', () => {
    const { writer } = collect({});
    writer.close();
    writer.close();
    expect(() => { writer.writePacket(new Uint8Array(1), 0, 1, 0, 0); }).toThrow();
  });

  it.skipIf(tshark.skip)(tshark.title('produces a file tshark reads with the same timestamps'), () => {
    const path = writeTempCapture('w.pcap', (w) => {
      const f = new Uint8Array(60);
      f[12] = 0x88; f[13] = 0xb5; // IEEE local experimental EtherType: no dissector complaints
      w.writePacket(f, 0, 60, 1_709_539_200, 5_000);
      w.writePacket(f, 0, 60, 1_709_539_201, 999_999_000);
    });
    expect(readFileSync(path).length).toBe(24 + 2 * 76);
    expect(fields(path, ['frame.time_epoch', 'frame.len'])).toEqual([
      ['1709539200.000005000', '60'],
      ['1709539201.999999000', '60'],
    ]);
  });
});
