/** Flows and VLANs: a routed conversation on a trunk SPAN (each side in its own VLAN) is one flow; copies are not merged. */
import { describe, expect, it } from 'vitest';
import { Engine, defaultEngineOptions } from './engine.js';
import { flowToJson, type FlowJson } from './flow-json.js';
import { feedFrame } from './test-support/feed-frame.js';
import { buildTcpFrame, newTcpSpec, TCP_ACK, TCP_PSH, TCP_SYN } from './synth/frame-builder.js';
import { ipv4, mac } from './synth/addr.js';

const CLIENT = { ip: '10.20.0.5', mac: '02:00:00:00:20:05' };
const SERVER = { ip: '10.30.0.9', mac: '02:00:00:00:30:09' };
const ROUTER_MAC = '02:00:00:00:00:01';

class Trunk {
  readonly flows: FlowJson[] = [];
  private readonly engine = new Engine({ flowEnded: (f) => this.flows.push(flowToJson(f)) }, defaultEngineOptions);
  private readonly buf = new Uint8Array(2048);
  private t = 1_700_000_000;

  /** A frame of the client (or server) as it enters the router: own source MAC, the router's as destination. */
  send(fromClient: boolean, vlan: number, flags: number, seq: number, payload = 0, srcMac?: string, dstMac?: string): void {
    const s = newTcpSpec();
    s.vlan = vlan;
    s.srcMac = mac(srcMac ?? (fromClient ? CLIENT.mac : SERVER.mac));
    s.dstMac = mac(dstMac ?? ROUTER_MAC);
    s.srcIp = ipv4(fromClient ? CLIENT.ip : SERVER.ip);
    s.dstIp = ipv4(fromClient ? SERVER.ip : CLIENT.ip);
    s.srcPort = fromClient ? 40000 : 21;
    s.dstPort = fromClient ? 21 : 40000;
    s.seq = seq;
    s.flags = flags;
    feedFrame(this.engine, this.buf, buildTcpFrame(this.buf, s, new Uint8Array(payload)), this.t);
    this.t += 0.001;
  }

  finish(): FlowJson[] {
    this.engine.finish();
    return this.flows;
  }
}

describe('flows across VLANs', () => {
  it('client frames tagged 20 and server frames tagged 30 make one flow with both directions and each side its own MAC', () => {
    const w = new Trunk();
    w.send(true, 20, TCP_SYN, 100);
    w.send(false, 30, TCP_SYN | TCP_ACK, 500);
    w.send(true, 20, TCP_ACK, 101);
    w.send(false, 30, TCP_ACK | TCP_PSH, 501, 40);
    w.send(true, 20, TCP_ACK | TCP_PSH, 101, 12);
    const flows = w.finish();
    expect(flows).toHaveLength(1);
    const [f] = flows;
    expect(f?.vlan).toBe(20);
    expect([f?.packetsOut, f?.packetsIn]).toEqual([3, 2]);
    expect([f?.srcMac, f?.dstMac]).toEqual([CLIENT.mac, SERVER.mac]);
  });

  it('must not merge: each frame seen twice (entering on its VLAN, leaving on the other) stays two whole flows', () => {
    const w = new Trunk();
    w.send(true, 20, TCP_SYN, 100);
    w.send(true, 30, TCP_SYN, 100, 0, ROUTER_MAC, SERVER.mac);
    w.send(false, 30, TCP_SYN | TCP_ACK, 500);
    w.send(false, 20, TCP_SYN | TCP_ACK, 500, 0, ROUTER_MAC, CLIENT.mac);
    w.send(true, 20, TCP_ACK, 101);
    w.send(true, 30, TCP_ACK, 101, 0, ROUTER_MAC, SERVER.mac);
    const flows = w.finish();
    expect(flows.map((f) => [f.vlan, f.packetsOut, f.packetsIn]).sort()).toEqual([
      [20, 2, 1],
      [30, 2, 1],
    ]);
  });

  it('must not merge: the same 5-tuple sent the same way on two VLANs (overlapping address plans) is two flows', () => {
    const w = new Trunk();
    w.send(true, 20, TCP_SYN, 100);
    w.send(true, 40, TCP_SYN, 900);
    w.send(false, 20, TCP_SYN | TCP_ACK, 500);
    w.send(false, 40, TCP_SYN | TCP_ACK, 700);
    const flows = w.finish();
    expect(flows.map((f) => [f.vlan, f.packetsOut, f.packetsIn]).sort()).toEqual([
      [20, 1, 1],
      [40, 1, 1],
    ]);
  });
});
