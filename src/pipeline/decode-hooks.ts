/**
 * Wires the decoder registry into the engine: sessions for TCP/UDP flows, link decoders, and the one record sink that
 * stamps each decoder's record with its envelope (time, addresses, MACs) from the packet the engine is processing.
 */
import { isoTime, macText, readMac } from '../capture/addr.js';
import type { EngineContext, EngineHooks } from '../capture/engine.js';
import type { Flow } from '../capture/flow.js';
import { flowDstText, flowSrcText } from '../capture/flow-json.js';
import { IpProto } from '../capture/link-types.js';
import type { PacketInfo } from '../capture/packet-info.js';
import type { PacketRef } from '../capture/packet.js';
import { ReassemblyBudget } from '../capture/reassembly/index.js';
import { decoders as registry } from '../decode/registry.js';
import { asWireRecord, type WireRecord } from '../decode/records.js';
import { loadDefaultCredentials } from '../decode/common/default-credentials-file.js';
import type { DecodeOptions, DecodeSink } from './sessions/session-types.js';
import { TcpProbeSession } from './sessions/tcp-probe-session.js';
import { TcpSession } from './sessions/tcp-session.js';
import type { Decoder, DecoderDeps, DecodeIssue, RecordBody } from '../decode/types.js';
import { UdpSession } from './sessions/udp-session.js';

export interface RecordListener {
  record(rec: WireRecord): void;
  issue?(where: string, decoder: string, issue: DecodeIssue): void;
}

/**
 * MACs for a record's envelope. UDP records take them from the datagram itself (one broadcast flow can carry many
 * DHCP clients); TCP records from the flow, whose PDU may complete at the flow's end when no packet is current.
 */
function recordMacs(engine: EngineContext, flow: Flow, out: boolean): { srcMac: string | null; dstMac: string | null } {
  if (flow.proto === IpProto.Udp) {
    const [src, dst] = engine.currentMacs();
    if (src >= 0) return { srcMac: macText(src), dstMac: macText(dst) };
  }
  return { srcMac: macText(out ? flow.macA : flow.macB), dstMac: macText(out ? flow.macB : flow.macA) };
}

/** The sink the sessions of one engine emit into: counts on the engine, envelopes from its current packet. */
function recordSink(engine: EngineContext, listener: RecordListener | null): DecodeSink {
  return {
    nowMs: () => engine.nowMs,
    record(flow: Flow, out: boolean, decoder: string, body: RecordBody) {
      engine.countRecord();
      if (listener === null) return;
      const a = flowSrcText(flow);
      const b = flowDstText(flow);
      listener.record(asWireRecord({
        ...body,
        ts: isoTime(engine.nowSec, engine.nowNsec),
        proto: decoder,
        kind: body.kind,
        src: out ? a : b,
        sport: out ? flow.aPort : flow.bPort,
        dst: out ? b : a,
        dport: out ? flow.bPort : flow.aPort,
        ...recordMacs(engine, flow, out),
      }));
    },
    issue(flow: Flow, decoder: string, issue: DecodeIssue) {
      engine.countIssue();
      listener?.issue?.(`${flowSrcText(flow)}:${flow.aPort}-${flowDstText(flow)}:${flow.bPort}`, decoder, issue);
    },
  };
}

/**
 * Engine hooks that decode flows with the registry's decoders and pass records to `listener`. `deps` is the data
 * decoders are given (default: the shipped tables, read on the first flow that needs them, not before).
 */
export function decodeHooks(options: DecodeOptions, listener: RecordListener | null, decoderList: readonly Decoder[] = registry, deps: DecoderDeps | null = null): EngineHooks {
  const chosen = options.only === null ? decoderList : decoderList.filter((d) => options.only?.includes(d.name));
  const tcp = chosen.filter((d) => d.transport === 'tcp');
  const udp = chosen.filter((d) => d.transport === 'udp');
  const link = chosen.filter((d) => d.transport === 'link');
  const budget = new ReassemblyBudget(options.reassemblyMemoryBytes);
  const probeOnly = options.mode === 'probe';
  let decoderDeps = deps;
  const depsNow = (): DecoderDeps => (decoderDeps ??= { credentials: loadDefaultCredentials() });
  // One engine runs these hooks; its sink is made on the first session, when the engine first shows itself.
  let sink: DecodeSink | null = null;
  let sinkEngine: EngineContext | null = null;
  const sinkOf = (engine: EngineContext): DecodeSink => {
    if (sink === null || sinkEngine !== engine) {
      sink = recordSink(engine, listener);
      sinkEngine = engine;
    }
    return sink;
  };

  return {
    createSession(flow: Flow, engine: EngineContext) {
      if (flow.proto === IpProto.Tcp) {
        if (tcp.length === 0) return null;
        return probeOnly ? new TcpProbeSession(tcp) : new TcpSession(tcp, budget, options, sinkOf(engine), depsNow());
      }
      if (flow.proto === IpProto.Udp) return udp.length > 0 ? new UdpSession(udp, probeOnly, sinkOf(engine), depsNow()) : null;
      return null;
    },
    linkFrame(p: PacketRef, info: PacketInfo, engine: EngineContext) {
      if (link.length === 0) return;
      const payload = p.data.subarray(info.l3Offset, info.l3End);
      const d = link.find((x) => (x.etherTypes ?? []).includes(info.etherType) && x.probe(payload, 'out') !== 'no');
      if (d === undefined) return;
      const src = info.macSrcOffset >= 0 ? (macText(readMac(p.data, info.macSrcOffset)) ?? '') : '';
      const dst = info.macDstOffset >= 0 ? (macText(readMac(p.data, info.macDstOffset)) ?? '') : '';
      try {
        const result = d.decode(payload, { tsMs: engine.nowMs, direction: 'out', src, sport: null, dst, dport: null, state: undefined });
        for (const body of result.records) {
          engine.countRecord();
          listener?.record(asWireRecord({ ...body, ts: isoTime(engine.nowSec, engine.nowNsec), proto: d.name, kind: body.kind, src, sport: null, dst, dport: null, srcMac: src, dstMac: dst }));
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
