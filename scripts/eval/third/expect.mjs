// The findings each third-family device should raise, derived from what it does on the wire (docs/architecture.md's finding
// kinds): a careful analyst reading the capture would report exactly these; anything else reported is a false
// positive. `maybe` ones are true but not shown by the wire (a version never sent, a non-standard protocol's
// contents, a role the wire does not name): found, they are neither right nor wrong. No site file: RFC 1918 space is
// the inside and every workstation a user's.

import { findingLists } from '../truth-record.mjs';

const NON_MEDICAL = new Set(['it', 'network', 'iot', 'unknown']);
const DEFAULT_COMMUNITIES = new Set(['public', 'private']); // CVE-1999-0517

/** DCMTK before 3.6.7 (CISA ICSMA-22-174-01). */
function outdatedDcmtk(name) {
  const m = /^OFFIS_DCMTK_(\d)(\d)(\d+)$/.exec(name ?? '');
  return m !== null && Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) < 30607;
}

/** `devices`: generated devices (kind, eol, knowEol); `hosts`: name -> device or internet host. */
export function expectFindings(devices, hosts) {
  const { out, slot, add, host } = findingLists(hosts, 'third');
  for (const d of devices) {
    slot(d.name);
    const category = d.kind.truth[1];
    const medical = category !== null && !NON_MEDICAL.has(category);
    const medList = d.kind.know.includes('c') ? 'findings' : 'maybe';
    if (d.eol === true) add(d, 'eol-os', null, d.knowEol ? 'findings' : 'maybe');
    for (const cve of d.kind.maybe ?? []) add(d, 'known-vulnerability', cve, 'maybe');
    for (const t of d.kind.talk) {
      if (t.kind === 'snmp-sys') add(d, 'snmp-default-community', t.community);
      else if (t.kind === 'snmp' && t.answers && DEFAULT_COMMUNITIES.has(t.community)) add(d, 'snmp-default-community', t.community);
      else if (t.kind === 'hl7') {
        add(d, 'cleartext-phi', 'hl7:sent');
        add(host(t.to), 'cleartext-phi', 'hl7:received');
      } else if (t.kind === 'dicom') {
        add(d, 'cleartext-phi', 'dicom:sent');
        add(host('c0-srv-pacs01'), 'cleartext-phi', 'dicom:received');
        if (outdatedDcmtk(t.implVersion)) add(d, 'outdated-dicom', t.implVersion);
      } else if (t.kind === 'dicom-mwl') {
        // The worklist answer carries the patient's name from the PACS to the modality.
        add(d, 'cleartext-phi', 'dicom:received', 'maybe');
        add(host('c0-srv-pacs01'), 'cleartext-phi', 'dicom:sent', 'maybe');
      } else if (t.kind === 'astm') {
        add(d, 'cleartext-phi');
        add(host('c0-srv-lis01'), 'cleartext-phi', null, 'maybe');
      } else if (t.kind === 'raw-text') {
        // A vendor's own result format: PHI-bearing fields (VIDAS "pn", a SPOTCHEM sample ID) no decoder can know.
        add(d, 'cleartext-phi', null, 'maybe');
      } else if (t.kind === 'http-server' && medical) add(d, 'exposed-management', 'http/80', medList);
    }
  }
  return out;
}
