// The findings each fourth-family device should raise, derived from what it does on the wire (docs/architecture.md's finding
// kinds): a careful analyst reading the capture would report exactly these; anything else reported is a false
// positive. `maybe` ones are true but not shown by the wire (a role or category the wire does not name, a toolkit's
// CVEs): found, they are neither right nor wrong. No site file: RFC 1918 space is the inside and every workstation a
// user's.
import { DEFAULT_COMMUNITIES, NON_MEDICAL, findingLists, outdatedDcmtk } from '../truth-record.mjs';

/** `devices`: generated devices (kind, eol, knowEol); `hosts`: name -> device or internet host. */
export function expectFindings(devices, hosts) {
  const { out, slot, add, host } = findingLists(hosts, 'fourth');
  for (const d of devices) {
    slot(d.name);
    const category = d.kind.truth[1];
    // A null category is unknown, not non-medical: a finding only a medical device gets is then a maybe.
    const medical = !NON_MEDICAL.has(category);
    const medList = d.kind.know.includes('c') ? 'findings' : 'maybe';
    if (d.eol === true) add(d, 'eol-os', null, d.knowEol ? 'findings' : 'maybe');
    for (const cve of d.kind.maybe ?? []) add(d, 'known-vulnerability', cve, 'maybe');
    for (const t of d.kind.talk) {
      if (t.kind === 'snmp' && t.answers && DEFAULT_COMMUNITIES.has(t.community)) add(d, 'snmp-default-community', t.community);
      else if (t.kind === 'hl7') {
        add(d, 'cleartext-phi', 'hl7:sent');
        add(host(t.to), 'cleartext-phi', 'hl7:received');
      } else if (t.kind === 'dicom') {
        add(d, 'cleartext-phi', 'dicom:sent');
        add(host('rt-arch01'), 'cleartext-phi', 'dicom:received');
        if (outdatedDcmtk(t.implVersion)) add(d, 'outdated-dicom', t.implVersion);
      } else if (t.kind === 'smb' && t.smb1 !== null) add(d, 'smbv1', 'client');
      else if (t.kind === 'ftp-server') {
        add(d, 'cleartext-credentials', `ftp:${t.user}`);
        if (medical) add(d, 'exposed-management', 'ftp/21', medList);
      } else if (t.kind === 'telnet-server') {
        add(d, 'cleartext-credentials', `telnet:${t.user}`);
        if (medical) add(d, 'exposed-management', 'telnet/23', medList);
      } else if (t.kind === 'http-server' && medical) add(d, 'exposed-management', 'http/80', medList);
      else if (t.kind === 'tls-client') {
        if (host(t.to).internet === true && medical) add(d, 'internet-egress', 'tcp/443', medList);
        if (t.version === '1.0') add(d, 'weak-tls', 'client:TLS 1.0');
      } else if (t.kind === 'teamviewer') {
        add(d, 'remote-access');
        if (medical) add(d, 'internet-egress', 'tcp/5938', medList);
      }
    }
  }
  return out;
}
