/**
 * Bad bytes are data: mutated, truncated and relabelled packets (real frames from the sample and the corpus) go
 * through the whole engine with every decoder on; nothing may throw, and every packet is counted.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultDecodeOptions } from '../pipeline/sessions/session-types.js';
import { decodeHooks } from '../pipeline/decode-hooks.js';
import { Engine } from './engine.js';
import { LinkType } from './link-types.js';
import { newPacketRef } from './packet.js';
import { openCapture } from './readers/open-capture.js';
import { corpusPath } from '../test-support/test-data.js';

const repo = path.resolve(import.meta.dirname, '../..');
const sources = [
  path.join(repo, 'samples/hospital-sample.pcap'),
  path.join(repo, 'src/decode/dicom/fixtures/store-explicit.pcap'),
  path.join(repo, 'src/decode/hl7/fixtures/hl7-mllp.pcap'),
  corpusPath('pcaps/zeek/smb_smb3.pcap'),
  corpusPath('pcaps/zeek/tls_ecdhe.pcap'),
  corpusPath('pcaps/ndpi/syslog.pcap'),
  corpusPath('pcaps/zeek/lldp.pcap'),
  corpusPath('pcaps/zeek/cdp-v1.pcap'),
];

interface Frame {
  bytes: Uint8Array;
  linkType: number;
}

async function loadFrames(): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (const file of sources) {
    const cursor = await openCapture(file);
    for (;;) {
      const step = cursor.next();
      if (step === 'end') break;
      if (step === 'refill') {
        await cursor.refill();
        continue;
      }
      const p = cursor.packet;
      frames.push({ bytes: p.data.slice(p.offset, p.offset + p.capLen), linkType: p.linkType });
    }
    await cursor.close();
  }
  return frames;
}

const LINK_TYPES = [LinkType.Ethernet, LinkType.LinuxSll, LinkType.LinuxSll2, LinkType.Raw, LinkType.Null, LinkType.Loop, LinkType.Ipv4, LinkType.Ipv6, 147];

describe('engine fuzz', () => {
  it('survives 100,000 mutated, truncated and relabelled real frames with every decoder on', async () => {
    const frames = await loadFrames();
    expect(frames.length).toBeGreaterThan(100);
    // Sessions turn a decoder's throw into an issue so a capture goes on; here a throw is a bug to report.
    const threw: string[] = [];
    const engine = new Engine(
      decodeHooks({ ...defaultDecodeOptions, depthLimitBytes: 64 * 1024 }, {
        record: () => undefined,
        issue: (_where, decoder, issue) => {
          if (issue.code === 'decoder-threw' || issue.code === 'framing' && issue.message.includes('threw')) threw.push(`${decoder}: ${issue.message}`);
        },
      }),
    );
    const ref = newPacketRef();
    let fed = 0;
    const arbitrary = fc.record({
      index: fc.nat(),
      cut: fc.option(fc.nat(), { nil: null }),
      mutations: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
      relabel: fc.option(fc.constantFrom(...LINK_TYPES), { nil: null, freq: 8 }),
      ts: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ index, cut, mutations, relabel, ts }) => {
        const frame = frames[index % frames.length];
        if (frame === undefined) return;
        const bytes = frame.bytes.slice(0, cut === null ? frame.bytes.length : cut % (frame.bytes.length + 1));
        for (const [at, value] of mutations) if (bytes.length > 0) bytes[at % bytes.length] = value;
        ref.data = bytes;
        ref.offset = 0;
        ref.capLen = bytes.length;
        ref.origLen = bytes.length + (cut === null ? 0 : 3);
        ref.linkType = relabel ?? frame.linkType;
        ref.tsSec = 1_700_000_000 + Math.floor(fed / 1000) + ts;
        ref.tsNsec = (fed * 7919) % 1_000_000_000;
        engine.packet(ref);
        fed++;
      }),
      { numRuns: 100_000 },
    );
    engine.finish();
    expect(threw).toEqual([]);
    expect(engine.stats.packets).toBe(fed);
    expect(engine.stats.flows).toBeGreaterThan(0);
  });
});
