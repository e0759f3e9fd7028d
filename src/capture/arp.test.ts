/** ARP senders: the MAC-IP bindings that put silent devices (pumps, monitors) in the inventory. */
import { describe, expect, it } from 'vitest';
import { arpSender } from './arp.js';
import { ipv4, mac } from './synth/addr.js';
import { buildArpFrame } from './synth/frame-builder.js';

function arpFrame(senderIp: string): Uint8Array {
  const buf = new Uint8Array(64);
  const len = buildArpFrame(buf, {
    srcMac: mac('00:d0:75:12:00:42'),
    dstMac: mac('ff:ff:ff:ff:ff:ff'),
    vlan: null,
    vlanPriority: 0,
    op: 1,
    senderMac: mac('00:d0:75:12:00:42'),
    senderIp: ipv4(senderIp),
    targetMac: new Uint8Array(6),
    targetIp: ipv4('10.20.10.2'),
  });
  return buf.subarray(0, len);
}

describe('arpSender', () => {
  it('reads the sender MAC and IP of an Ethernet/IPv4 ARP', () => {
    expect(arpSender(arpFrame('10.20.30.142'), 14, 60)).toEqual({ mac: '00:d0:75:12:00:42', ip: '10.20.30.142' });
  });
  it('an ARP probe (sender 0.0.0.0) gives the MAC only', () => {
    expect(arpSender(arpFrame('0.0.0.0'), 14, 60)).toEqual({ mac: '00:d0:75:12:00:42', ip: null });
  });
  it('short or non-Ethernet/IPv4 ARP gives nothing', () => {
    const f = arpFrame('10.0.0.1');
    expect(arpSender(f, 14, 30)).toBeNull();
    const odd = f.slice();
    odd[15] = 6; // hardware type 6 (IEEE 802)
    expect(arpSender(odd, 14, 60)).toBeNull();
  });
});
