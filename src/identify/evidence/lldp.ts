/** LLDP (IEEE 802.1AB, LLDP-MED inventory TLVs) and CDP evidence about the announcing station. */
import type { RecordOf } from '../../decode/records.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import type { Observation } from '../types.js';
import { clean, cleanList, Emitter, tsMsOf, unicastMac } from './common.js';
import { freeText } from './free-text.js';

export function lldpObservations(rec: RecordOf<'lldp'> | RecordOf<'cdp'>, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  const mac = unicastMac(rec.srcMac ?? rec.src);
  if (mac === null) return out;
  const mgmt = clean(rec.managementAddress);
  const e = new Emitter(out, { mac, ip: mgmt !== null && /^[\d.]+$/.test(mgmt) ? mgmt : null }, tsMsOf(rec));
  const src = rec.proto; // 'lldp' or 'cdp'
  const name = clean(rec.systemName) ?? (rec.proto === 'cdp' ? clean(rec.deviceId) : null);
  e.add('hostname', name, `${src}.systemName`, name ?? '', 0.85);
  e.rules(kb, 'device-types', 'hostname', name, `${src}.systemName`);
  freeText(e, kb, src === 'cdp' ? 'cdp.systemName' : 'lldp.systemName', name);
  const descr = clean(rec.systemDescription);
  e.rules(kb, 'snmp-sysdescr', 'sysDescr', descr, `${src}.systemDescription`);
  freeText(e, kb, src === 'cdp' ? 'cdp.systemDescription' : 'lldp.systemDescription', descr);
  // LLDP-MED inventory TLVs (ANSI/TIA-1057 §10.2.6) are the device's own statement of maker, model and versions;
  // they are LLDP's, and CDP names the model in its platform field.
  const med = rec.proto === 'lldp' ? rec : null;
  const manufacturer = clean(med?.manufacturer);
  e.add('vendor', manufacturer, `${src}.manufacturer`, manufacturer ?? '', 0.85);
  const model = med === null ? (rec.proto === 'cdp' ? clean(rec.platform) : null) : clean(med.model);
  e.add('model', model, `${src}.model`, model ?? '', 0.8);
  const serial = clean(med?.serialNumber);
  e.add('serial', serial, `${src}.serialNumber`, serial ?? '', 0.85);
  const fw = clean(med?.firmwareRevision) ?? clean(med?.softwareRevision);
  e.add('firmware', fw, `${src}.firmwareRevision`, fw ?? '', 0.7);
  // The port ID is the announcer's own port: for a switch, the port of the link this frame was sent on.
  const port = clean(rec.portId);
  e.add('switchPort', port, `${src}.portId`, `${port ?? ''} (announcer's port on the link the frame arrived on)`, 0.7);
  e.add('switchName', name, `${src}.systemName`, `${name ?? ''} (announcer)`, 0.7);
  const caps = rec.proto === 'lldp' ? cleanList(rec.enabledCapabilities) : cleanList(rec.capabilities);
  for (const cap of primaryCapabilities(caps)) e.rules(kb, 'device-types', 'lldpCapability', cap, `${src}.capabilities`);
  return out;
}

/** CDP capability names (Cisco CDP specification, capabilities TLV bits) in IEEE 802.1AB §8.5.8 terms. */
const CDP_AS_LLDP: Readonly<Record<string, string>> = { switch: 'bridge', 'transparent-bridge': 'bridge', 'source-route-bridge': 'bridge', phone: 'telephone' };

/**
 * The capabilities that say what the device is. A phone or an access point also bridges (its PC port, its radio to
 * the wire) and a layer-3 switch also routes, so the more specific capability wins: telephone, then WLAN access
 * point, then bridge; a router is a router only when it announces no bridging (IEEE 802.1AB §8.5.8 lists each
 * capability as a separate bit that a station sets for every function it performs).
 */
export function primaryCapabilities(caps: readonly string[]): string[] {
  const set = new Set(caps.map((c) => c.toLowerCase()).map((c) => CDP_AS_LLDP[c] ?? c));
  for (const first of ['telephone', 'wlan-access-point', 'bridge']) if (set.has(first)) return [first];
  return [...set];
}
