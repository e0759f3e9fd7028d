/** Test helper: hands `len` bytes of a built Ethernet frame to the engine as a packet captured at time `t` (seconds). */
import type { Engine } from '../engine.js';
import { LinkType } from '../link-types.js';
import { newPacketRef } from '../packet.js';

export function feedFrame(engine: Engine, buf: Uint8Array, len: number, t: number): void {
  const p = newPacketRef();
  p.data = buf;
  p.capLen = p.origLen = len;
  p.linkType = LinkType.Ethernet;
  p.tsSec = Math.floor(t);
  p.tsNsec = Math.round((t % 1) * 1e9);
  engine.packet(p);
}
