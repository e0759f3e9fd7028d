// Ground-truth pieces the scenario families (heldout/, third/, fourth/) share: end of life as of the capture's date, one
// device's truth record with its `knowable` flags (the held-out family's definition: only what the wire shows counts),
// and the per-device finding lists their expect.mjs files fill.

/** Sets `eol` (null when the OS or its end date is unknown) and `knowEol` on each generated device. */
export function markEol(devices, OS, asOf) {
  for (const d of devices) {
    const os = d.kind.truth[3] === null ? null : OS[d.kind.truth[3]];
    d.eol = os?.supportEnd === undefined ? null : os.supportEnd < asOf;
    d.knowEol = d.kind.know.includes('e') && d.eol !== null;
  }
}

/** A device's ground-truth record: truth [vendor, category, type, OS key], `know` letters, expected findings. */
export function truthRecord(d, OS, expected, mac = d.mac) {
  const [vendor, category, type, osKey] = d.kind.truth;
  const os = osKey === null ? null : OS[osKey];
  const k = (c) => d.kind.know.includes(c);
  return {
    name: d.name, mac, ip: d.ip, hostname: d.hostname, vendor, vendorAliases: d.kind.aliases ?? [], vendorAlso: d.kind.also ?? [], category, type, typeAlso: d.kind.typeAlso ?? [],
    osFamily: os?.family ?? null, osVersion: os?.version ?? null, osLabel: os?.label ?? null, endOfLife: d.eol,
    knowable: { vendor: k('v') && vendor !== null, category: k('c') && category !== null, type: k('t') && type !== null, osFamily: k('o') && os !== null, endOfLife: d.knowEol },
    findings: expected.get(d.name).findings, maybeFindings: expected.get(d.name).maybe,
  };
}

/**
 * Per-device finding lists: `add(host, kind, key, list)` records a finding once ('findings' or 'maybe'), `host(name)`
 * resolves a name (throws on an unknown one, naming `family`), `out` maps device name -> { findings, maybe }.
 */
export function findingLists(hosts, family) {
  const out = new Map();
  const slot = (name) => {
    if (!out.has(name)) out.set(name, { findings: [], maybe: [] });
    return out.get(name);
  };
  const add = (h, kind, key = null, list = 'findings') => {
    const s = slot(h.name)[list];
    if (!s.some((f) => f.kind === kind && f.key === key)) s.push({ kind, key });
  };
  const host = (n) => {
    const h = hosts.get(n);
    if (h === undefined) throw new Error(`${family} expect: unknown host ${n}`);
    return h;
  };
  return { out, slot, add, host };
}

/** Categories whose devices are not medical (docs/architecture.md's category vocabulary); a null category is unknown, not one. */
export const NON_MEDICAL = new Set(['it', 'network', 'iot', 'unknown']);
/** SNMP communities that are a default (CVE-1999-0517). */
export const DEFAULT_COMMUNITIES = new Set(['public', 'private']);

/** A DICOM implementation version name of DCMTK before 3.6.7 (CISA ICSMA-22-174-01). */
export function outdatedDcmtk(name) {
  const m = /^OFFIS_DCMTK_(\d)(\d)(\d+)$/.exec(name ?? '');
  return m !== null && Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) < 30607;
}

/**
 * What every device of an expect.mjs starts with: its end-of-life finding (a maybe when the wire cannot show it), and
 * whether a finding only a medical device gets applies (`medical`: a null category is unknown, not non-medical) and
 * where it goes (`medList`: 'findings' when the wire shows the category, else 'maybe').
 */
export function deviceBasics(d, add) {
  if (d.eol === true) add(d, 'eol-os', null, d.knowEol ? 'findings' : 'maybe');
  return { medical: !NON_MEDICAL.has(d.kind.truth[1]), medList: d.kind.know.includes('c') ? 'findings' : 'maybe' };
}

/**
 * The talk items whose findings the families derive alike: an SNMP poll (a finding only when a factory community is
 * answered) and HL7 sent to `peer(t.to)` (PHI in clear at both ends). Returns whether `t` was one of them.
 */
export function snmpAndHl7Findings(d, t, add, peer) {
  if (t.kind === 'snmp') {
    if (t.answers && DEFAULT_COMMUNITIES.has(t.community)) add(d, 'snmp-default-community', t.community);
    return true;
  }
  if (t.kind !== 'hl7') return false;
  add(d, 'cleartext-phi', 'hl7:sent');
  add(peer(t.to), 'cleartext-phi', 'hl7:received');
  return true;
}
