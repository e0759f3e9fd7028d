/**
 * SNMP v1/v2c default communities (CVE-1999-0517) proven by an answer (RFC 1157 §4.1, RFC 3416 §4.2): a device
 * "accepts" a community only when it answers a request carrying it. A poller asking with `public` proves nothing
 * about the device (an agent silently drops a wrong community, RFC 1157 §4.1 / snmpInBadCommunityNames), and a trap
 * only shows what the device sends with. Requests are matched to responses by request-id on the reversed 5-tuple;
 * a response whose request was not captured still counts when it comes from the agent port 161 (RFC 3417 §3), so a
 * manager acknowledging an inform (from 162) is never taken for an agent.
 */
import type { RecordEnvelope, RecordOf, WireRecord } from '../../decode/records.js';
import type { Severity } from '../types.js';
import { at, sender, tsOf, type Hit } from './hit.js';

/** Requests waiting for their answer; the oldest go first past this (answers come within seconds). */
export const MAX_PENDING_REQUESTS = 4096;
/** RFC 3417 §3: the agent listens on UDP 161; notifications go to 162. */
const AGENT_PORT = 161;

const REQUEST_KINDS: ReadonlySet<string> = new Set(['get', 'get-next', 'get-bulk', 'set']);

type RequestKind = 'read' | 'write' | 'inform';

function requestKind(rec: RecordOf<'snmp'>): RequestKind | null {
  if (REQUEST_KINDS.has(rec.kind)) return rec.kind === 'set' ? 'write' : 'read';
  return rec.kind === 'trap' && rec.pduType === 'inform' ? 'inform' : null;
}

const exchangeKey = (agent: string, agentPort: number | null, manager: string, managerPort: number | null, id: number): string =>
  `${agent}|${agentPort ?? ''}|${manager}|${managerPort ?? ''}|${id}`;

/** Pairs requests and responses of default-community exchanges and reports the devices that answered. */
export class SnmpCommunityBook {
  private readonly pending = new Map<string, RequestKind>();

  /** Appends a hit when `rec` is a device's answer with a default community. */
  observe(rec: WireRecord, out: Hit[]): void {
    if (rec.proto !== 'snmp' || rec.defaultCommunity !== true || typeof rec.community !== 'string') return;
    const version = rec.version;
    if (version !== '1' && version !== '2c') return;
    const id = rec.requestId ?? null;
    const asked = requestKind(rec);
    if (asked !== null) {
      if (id === null) return;
      if (this.pending.size >= MAX_PENDING_REQUESTS) this.pending.delete(this.pending.keys().next().value ?? '');
      this.pending.set(exchangeKey(rec.dst, rec.dport, rec.src, rec.sport, id), asked);
      return;
    }
    if (rec.kind !== 'response') return;
    let answered: RequestKind | null = null;
    if (id !== null) {
      const k = exchangeKey(rec.src, rec.sport, rec.dst, rec.dport, id);
      answered = this.pending.get(k) ?? null;
      if (answered !== null) this.pending.delete(k);
    }
    if (answered === null && rec.sport === AGENT_PORT) answered = 'read';
    if (answered === null || answered === 'inform') return;
    // A set answered without error changed the device; an error answer still proves the community was accepted.
    const wrote = answered === 'write' && (rec.errorStatus ?? 0) === 0;
    out.push(acceptedHit(rec, version, rec.community, wrote));
  }
}

function acceptedHit(rec: RecordEnvelope, version: string, community: string, wrote: boolean): Hit {
  // A default community names itself ("public"): it is the published value, not a secret.
  const name = community === '' ? '(empty)' : community.toLowerCase();
  const severity: Severity = wrote ? 'critical' : 'high';
  return {
    ...sender(rec), tsMs: tsOf(rec), peer: rec.dst, kind: 'snmp-default-community', key: `snmp:${name}`, severity,
    title: `SNMP v${version} ${wrote ? 'accepts writes with' : 'answers to'} default community '${name}'`,
    detail: `The device answered an SNMP v1/v2c ${wrote ? 'set' : 'request'} made with the factory-default community (CVE-1999-0517): anyone on the network can read${wrote ? ' and change' : ''} its configuration. Change the community or move to SNMPv3 with authPriv.`,
    evidence: `${at(rec.src, rec.sport)} answered ${rec.dst}${wrote ? "'s set" : ''} with the default community '${name}'`,
    facts: { service: `snmp/${rec.sport ?? '?'}`, automatable: true, technicalImpact: wrote ? 'total' : 'partial' },
  };
}
