// The findings each seventh-family device should raise, derived from what it does on the wire (docs/architecture.md's
// finding kinds): a careful analyst reading the capture would report exactly these; anything else reported is a false
// positive. `maybe` ones are true but not shown by the wire (a category the wire does not name): found, they are
// neither right nor wrong. No site file: RFC 1918 space is the inside.
import { deviceBasics, findingLists, snmpAndHl7Findings } from '../truth-record.mjs';

/** `devices`: generated devices (kind, eol, knowEol); `hosts`: name -> device or internet host. */
export function expectFindings(devices, hosts) {
  const { out, slot, add, host } = findingLists(hosts, 'seventh');
  for (const d of devices) slot(d.name);
  for (const d of devices) {
    const { medical, medList } = deviceBasics(d, add);
    for (const t of d.kind.talk) {
      if (snmpAndHl7Findings(d, t, add, host)) continue;
      if (t.kind === 'dicom') {
        // The C-STORE data set carries the patient's name and MRN, in clear.
        add(d, 'cleartext-phi', 'dicom:sent');
        add(host(t.to), 'cleartext-phi', 'dicom:received');
      } else if (t.kind === 'telnet-server') {
        add(d, 'cleartext-credentials', `telnet:${t.user}`);
        if (medical) add(d, 'exposed-management', 'telnet/23', medList);
      } else if ((t.kind === 'http-server' || t.kind === 'ssh-server') && medical) add(d, 'exposed-management', t.kind === 'ssh-server' ? 'ssh/22' : 'http/80', medList);
      else if (t.kind === 'tls-client' && host(t.to).internet === true && medical) add(d, 'internet-egress', 'tcp/443', medList);
    }
  }
  return out;
}
