/** A record's MACs are its own packet's: DHCP clients sharing one broadcast flow are told apart. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../capture/engine.js';
import { LinkType } from '../capture/link-types.js';
import { newPacketRef } from '../capture/packet.js';
import { ipv4, mac } from '../capture/synth/addr.js';
import { buildUdpFrame, newUdpSpec } from '../capture/synth/frame-builder.js';
import { DHCP_DISCOVER, dhcpMessage, textOption } from '../capture/synth/payloads/dhcp.js';
import { defaultDecodeOptions } from './sessions/session-types.js';
import type { ProtocolRecord } from '../decode/types.js';
import { decodeHooks } from './decode-hooks.js';

describe('record MACs', () => {
  it('come from the datagram, not from the first client of a shared broadcast flow', () => {
    const records: ProtocolRecord[] = [];
    const engine = new Engine(decodeHooks(defaultDecodeOptions, { record: (r) => records.push(r) }));
    const buf = new Uint8Array(1500);
    const p = newPacketRef();
    p.linkType = LinkType.Ethernet;
    p.data = buf;
    const clients = ['00:d0:75:12:00:42', '08:00:19:4a:21:07', '00:a0:37:4a:21:07'];
    clients.forEach((client, i) => {
      const s = newUdpSpec();
      s.srcMac = mac(client);
      s.dstMac = mac('ff:ff:ff:ff:ff:ff');
      s.srcIp = ipv4('0.0.0.0');
      s.dstIp = ipv4('255.255.255.255');
      s.srcPort = 68;
      s.dstPort = 67;
      const payload = dhcpMessage({ op: 1, xid: 0x1000 + i, chaddr: mac(client), messageType: DHCP_DISCOVER, options: [textOption(12, `HOST-${i}`)] });
      p.capLen = p.origLen = buildUdpFrame(buf, s, payload);
      p.tsSec = 1_700_000_000 + i;
      engine.packet(p);
    });
    engine.finish();
    expect(records.map((r) => [r.srcMac, r.clientMac, r.hostname])).toEqual(clients.map((c, i) => [c, c, `HOST-${i}`]));
    expect(engine.stats.flows).toBe(1);
  });
});
