// The findings each held-out device should raise, derived from what it does on the wire (docs/architecture.md's finding kinds):
// a careful analyst reading the capture would report exactly these. `maybe` ones are true but not shown by the wire
// (a model or version never sent, a role the wire does not name): found, they are neither right nor wrong.
// No site file: exposure is judged with RFC 1918 space as the inside and every workstation as a user's.

import { findingLists } from '../truth-record.mjs';

const NON_MEDICAL = new Set(['it', 'network', 'iot', 'unknown']);
const DEFAULT_COMMUNITIES = new Set(['public', 'private']); // CVE-1999-0517
const DCMTK_CVES = ['CVE-2022-2119', 'CVE-2022-2120', 'CVE-2022-2121']; // ICSMA-22-174-01: DCMTK before 3.6.7

function outdatedDcmtk(name) {
  const m = /^OFFIS_DCMTK_(\d)(\d)(\d+)$/.exec(name ?? '');
  return m !== null && (Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3])) < 30607;
}

/** `devices`: generated devices (truth, know, talk, eol); `hosts`: name -> device or internet host. */
export function expectFindings(devices, hosts) {
  const { out, slot, add, host } = findingLists(hosts, 'heldout');
  for (const d of devices) {
    slot(d.name);
    const medical = !NON_MEDICAL.has(d.kind.truth[1]);
    // A finding only a medical device gets is certain only when the wire shows what the device is.
    const medList = d.kind.know.includes('c') ? 'findings' : 'maybe';
    // Management of clinical IT (an interface engine, an information system) from IT's own workstations is its job,
    // not a medical device's exposure: reported or not, it is not scored.
    const exposureList = d.kind.truth[1] === 'clinical-system' ? 'maybe' : medList;
    if (d.eol === true) add(d, 'eol-os', null, d.knowEol ? 'findings' : 'maybe');
    for (const cve of d.kind.maybe ?? []) add(d, 'known-vulnerability', cve, 'maybe');
    for (const t of d.kind.talk) {
      if (t.kind === 'snmp-descr') add(d, 'snmp-default-community', t.community);
      else if (t.kind === 'snmp' && t.answers) add(d, DEFAULT_COMMUNITIES.has(t.community) ? 'snmp-default-community' : 'cleartext-credentials', DEFAULT_COMMUNITIES.has(t.community) ? t.community : 'snmp');
      else if (t.kind === 'hl7') {
        add(d, 'cleartext-phi', 'hl7:sent');
        add(host(t.to), 'cleartext-phi', 'hl7:received');
      } else if (t.kind === 'dicom' && t.ds !== null) {
        add(d, 'cleartext-phi', 'dicom:sent');
        add(host('NW-PACS01'), 'cleartext-phi', 'dicom:received');
      } else if (t.kind === 'astm') {
        // The P record names the patient: PHI in clear from the analyser; the LIS received it.
        add(d, 'cleartext-phi');
        add(host('NW-LIS01'), 'cleartext-phi', null, 'maybe');
      } else if (t.kind === 'smb' && t.smb1 !== null) add(d, 'smbv1', 'client');
      else if (t.kind === 'ftp-server') {
        add(d, 'cleartext-credentials', `ftp:${t.user}`);
        if (medical) add(d, 'exposed-management', 'ftp/21', exposureList);
      } else if (t.kind === 'http-server') {
        if (t.basic) add(d, 'cleartext-credentials', `http-basic:${t.basic.user}`);
        if (t.basic?.isDefault) add(d, 'default-credentials', `http:${t.basic.user}`);
        if (medical) add(d, 'exposed-management', 'http/80', exposureList);
      } else if (t.kind === 'tls-server') {
        if (medical) add(d, 'exposed-management', '443', exposureList);
      } else if (t.kind === 'vnc' || t.kind === 'rdp') {
        if (medical) add(d, 'exposed-management', t.kind === 'vnc' ? 'vnc/5900' : 'rdp/3389', exposureList);
      } else if (t.kind === 'tls-client') {
        const server = host(t.to);
        if (server.internet === true) {
          if (medical) add(d, 'internet-egress', 'tcp/443', medList);
          if (server.vendorRemote) add(d, 'remote-access');
        }
        if (t.version === '1.0') add(d, 'weak-tls', 'client:TLS 1.0');
      }
    }
    for (const t of d.kind.talk) {
      if (t.kind === 'dicom' && outdatedDcmtk(t.implVersion)) {
        add(d, 'outdated-dicom', t.implVersion);
        for (const cve of DCMTK_CVES) add(d, 'known-vulnerability', cve, 'maybe');
      }
    }
  }
  return out;
}
