/** Wires the decoder registry into the engine: sessions for TCP/UDP flows, link decoders, the record envelope. */
import { isoTime, macText, readMac } from '../capture/addr.js';
import type { Engine, EngineHooks } from '../capture/engine.js';
import type { Flow } from '../capture/flow.js';
import { flowDstText, flowSrcText } from '../capture/flow-json.js';
import { IpProto } from '../capture/link-types.js';
import type { PacketInfo } from '../capture/packet-info.js';
import type { PacketRef } from '../capture/packet.js';
import { ReassemblyBudget } from '../capture/reassembly/index.js';
import { decoders as registry } from '../decode/registry.js';
import type { DecodeOptions, DecodeSink } from '../decode/session-types.js';
import { TcpProbeSession } from '../decode/tcp-probe-session.js';
import { TcpSession } from '../decode/tcp-session.js';
import type { Decoder, DecodeIssue, ProtocolRecord, RecordBody } from '../decode/types.js';
import { UdpSession } from '../decode/udp-session.js';

export interface RecordListener {
  record(rec: ProtocolRecord): void;
  issue?(where: string, decoder: string, issue: DecodeIssue): void;
}

/**
 * MACs for a record's envelope. UDP records take them from the datagram itself (one broadcast flow can carry many
 * DHCP clients); TCP records from the flow, whose PDU may complete at the flow's end when no packet is current.
 */
function recordMacs(engine: Engine, flow: Flow, out: boolean): { srcMac: string | null; dstMac: string | null } {
  if (flow.proto === IpProto.Udp) {
    const [src, dst] = engine.currentMacs();
    if (src >= 0) return { srcMac: macText(src), dstMac: macText(dst) };
  }
  return { srcMac: macText(out ? flow.macA : flow.macB), dstMac: macText(out ? flow.macB : flow.macA) };
}

/** Engine hooks that decode flows with the registry's decoders and pass records to `listener`. */
export function decodeHooks(engineRef: () => Engine, options: DecodeOptions, listener: RecordListener | null, decoderList: readonly Decoder[] = registry): EngineHooks {
  const chosen = options.only === null ? decoderList : decoderList.filter((d) => options.only?.includes(d.name));
  const tcp = chosen.filter((d) => d.transport === 'tcp');
  const udp = chosen.filter((d) => d.transport === 'udp');
  const link = chosen.filter((d) => d.transport === 'link');
  const budget = new ReassemblyBudget(options.reassemblyMemoryBytes);
  const probeOnly = options.mode === 'probe';

  const sink: DecodeSink = {
    nowMs: () => engineRef().nowMs,
    record(flow: Flow, out: boolean, decoder: string, body: RecordBody) {
      const engine = engineRef();
      engine.countRecord();
      if (listener === null) return;
      const a = flowSrcText(flow);
      const b = flowDstText(flow);
      listener.record({
        ...body,
        ts: isoTime(engine.nowSec, engine.nowNsec),
        proto: decoder,
        kind: body.kind,
        src: out ? a : b,
        sport: out ? flow.aPort : flow.bPort,
        dst: out ? b : a,
        dport: out ? flow.bPort : flow.aPort,
        ...recordMacs(engine, flow, out),
      });
    },
    issue(flow: Flow, decoder: string, issue: DecodeIssue) {
      engineRef().countIssue();
      listener?.issue?.(`${flowSrcText(flow)}:${flow.aPort}-${flowDstText(flow)}:${flow.bPort}`, decoder, issue);
    },
  };

  return {
    createSession(flow: Flow) {
      if (flow.proto === IpProto.Tcp) {
        if (tcp.length === 0) return null;
        return probeOnly ? new TcpProbeSession(tcp) : new TcpSession(tcp, budget, options, sink);
      }
      if (flow.proto === IpProto.Udp) return udp.length > 0 ? new UdpSession(udp, probeOnly, sink) : null;
      return null;
    },
    linkFrame(p: PacketRef, info: PacketInfo) {
      if (link.length === 0) return;
      const payload = p.data.subarray(info.l3Offset, info.l3End);
      const d = link.find((x) => (x.etherTypes ?? []).includes(info.etherType) && x.probe(payload, 'out') !== 'no');
      if (d === undefined) return;
      const engine = engineRef();
      const src = info.macSrcOffset >= 0 ? (macText(readMac(p.data, info.macSrcOffset)) ?? '') : '';
      const dst = info.macDstOffset >= 0 ? (macText(readMac(p.data, info.macDstOffset)) ?? '') : '';
      try {
        const result = d.decode(payload, { tsMs: engine.nowMs, direction: 'out', src, sport: null, dst, dport: null, state: undefined });
        for (const body of result.records) {
          engine.countRecord();
          listener?.record({ ...body, ts: isoTime(engine.nowSec, engine.nowNsec), proto: d.name, kind: body.kind, src, sport: null, dst, dport: null, srcMac: src, dstMac: dst });
        }
        for (const issue of result.issues) {
          engine.countIssue();
          listener?.issue?.(src, d.name, issue);
        }
      } catch (e) {
        engine.countIssue();
        listener?.issue?.(src, d.name, { code: 'decoder-threw', offset: 0, message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}
