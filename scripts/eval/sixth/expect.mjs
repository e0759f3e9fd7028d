// The findings each sixth-family device should raise, derived from what it does on the wire (docs/architecture.md's
// finding kinds): a careful analyst reading the capture would report exactly these; anything else reported is a false
// positive. `maybe` ones are true but not shown by the wire (a category the wire does not name, a CVE a version only
// implies): found, they are neither right nor wrong. No site file: RFC 1918 and ULA space are the inside.
import { deviceBasics, findingLists, outdatedDcmtk, snmpAndHl7Findings } from '../truth-record.mjs';

/** ICSMA-22-174-01's CVEs: a known-vulnerability match of DCMTK before 3.6.7 is right too, outdated-dicom carries them. */
const DCMTK_CVES = ['CVE-2022-2119', 'CVE-2022-2120', 'CVE-2022-2121'];

/** `devices`: generated devices (kind, eol, knowEol); `hosts`: name -> device (any of its addresses) or other host. */
export function expectFindings(devices, hosts) {
  const { out, slot, add, host } = findingLists(hosts, 'sixth');
  // A host entry for one address of a device (name/v6, name/ll) stands for the device.
  const device = (n) => host(n.split('/')[0]);
  for (const d of devices) slot(d.name);
  for (const d of devices) {
    const { medical, medList } = deviceBasics(d, add);
    for (const t of d.kind.talk) {
      if (snmpAndHl7Findings(d, t, add, device)) continue;
      if (t.kind === 'dicom' && t.ds !== null) {
        // A C-STORE data set carries the patient's name and MRN; a C-ECHO (ds null) carries nothing.
        add(d, 'cleartext-phi', 'dicom:sent');
        add(device(t.to), 'cleartext-phi', 'dicom:received');
      }
      if (t.kind === 'dicom' && outdatedDcmtk(t.implVersion)) {
        add(d, 'outdated-dicom', t.implVersion);
        for (const cve of DCMTK_CVES) add(d, 'known-vulnerability', cve, 'maybe');
      } else if (t.kind === 'telnet-server') {
        add(d, 'cleartext-credentials', `telnet:${t.user}`);
        if (medical) add(d, 'exposed-management', 'telnet/23', medList);
      } else if ((t.kind === 'http-server' || t.kind === 'ssh-server') && medical) add(d, 'exposed-management', t.kind === 'ssh-server' ? 'ssh/22' : 'http/80', medList);
      else if (t.kind === 'tls-client' && host(t.to).internet === true && medical) add(d, 'internet-egress', 'tcp/443', medList);
    }
  }
  return out;
}
