/** Test helper: observations of a capture (records + flows), grouped per device (MAC, else IP), classified. */
import { flowToJson, type FlowJson } from '../../capture/flow-json.js';
import { decodeHooks } from '../../pipeline/decode-hooks.js';
import { ingestCaptures } from '../../pipeline/ingest.js';
import { defaultDecodeOptions } from '../../pipeline/sessions/session-types.js';
import type { ProtocolRecord } from '../../decode/types.js';
import { classifyDevice } from '../classify.js';
import { observationsFromFlow, observationsFromRecord } from '../extract-evidence.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { DeviceProfile, Evidence, Observation } from '../types.js';

export async function recordsAndFlows(file: string): Promise<{ records: ProtocolRecord[]; flows: FlowJson[] }> {
  const records: ProtocolRecord[] = [];
  const flows: FlowJson[] = [];
  await ingestCaptures([file], {
    ...decodeHooks(defaultDecodeOptions, { record: (r) => records.push(r), issue: () => undefined }),
    flowEnded: (f) => {
      flows.push(flowToJson(f));
    },
  });
  return { records, flows };
}

export function observationsOf(data: { records: ProtocolRecord[]; flows: FlowJson[] }, kb: KnowledgeBase): Observation[] {
  return [...data.records.flatMap((r) => observationsFromRecord(r, kb)), ...data.flows.flatMap((f) => observationsFromFlow(f, kb))];
}

/** Groups by MAC; an IP-only observation joins the device that has been seen with that IP, else its own. */
export function evidenceByDevice(obs: readonly Observation[]): Map<string, Evidence[]> {
  const ipToMac = new Map<string, string>();
  for (const o of obs) if (o.key.mac !== null && o.key.ip !== null) ipToMac.set(o.key.ip, o.key.mac);
  const m = new Map<string, Evidence[]>();
  for (const o of obs) {
    const id = o.key.mac ?? (o.key.ip !== null ? (ipToMac.get(o.key.ip) ?? o.key.ip) : null);
    if (id === null) continue;
    const list = m.get(id) ?? [];
    list.push(o.evidence);
    m.set(id, list);
  }
  return m;
}

export function profilesOf(obs: readonly Observation[], kb: KnowledgeBase, asOf: Date): Map<string, DeviceProfile> {
  const out = new Map<string, DeviceProfile>();
  for (const [id, ev] of evidenceByDevice(obs)) out.set(id, classifyDevice(ev, kb, { asOf }));
  return out;
}
