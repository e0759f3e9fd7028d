// The findings each fifth-family device should raise, derived from what it does on the wire (docs/architecture.md's
// finding kinds): a careful analyst reading the capture would report exactly these; anything else reported is a false
// positive. `maybe` ones are true but not shown by the wire (a role or category the wire does not name, a sender hidden
// behind NAT): found, they are neither right nor wrong. No site file: RFC 1918 space is the inside.
import { deviceBasics, findingLists, outdatedDcmtk, snmpAndHl7Findings } from '../truth-record.mjs';

/** `devices`: generated devices (kind, eol, knowEol); `hosts`: name -> device, NAT address or internet host. */
export function expectFindings(devices, hosts) {
  const { out, slot, add, host } = findingLists(hosts, 'fifth');
  for (const d of devices) slot(d.name);
  // The satellite clinic's ADT reaches the interface engine from the router's NAT address: the engine received PHI
  // in clear (shown); the router "sent" it only as the NAT in front of the real, invisible sender.
  add(host('sbc-his01'), 'cleartext-phi', 'hl7:received');
  add(devices.find((d) => d.kind.router), 'cleartext-phi', 'hl7:sent', 'maybe');
  for (const d of devices) {
    const { medical, medList } = deviceBasics(d, add);
    for (const t of d.kind.talk) {
      if (snmpAndHl7Findings(d, t, add, host)) continue;
      if (t.kind === 'dicom') {
        add(d, 'cleartext-phi', 'dicom:sent');
        add(host(t.to), 'cleartext-phi', 'dicom:received');
        if (outdatedDcmtk(t.implVersion)) add(d, 'outdated-dicom', t.implVersion);
      } else if (t.kind === 'worklist') {
        // The worklist match carries the child's name and MRN from the broker to the CT simulator, in clear.
        add(d, 'cleartext-phi', 'dicom:received');
        add(host(t.to), 'cleartext-phi', 'dicom:sent');
      } else if (t.kind === 'smb' && t.smb1) add(d, 'smbv1', 'client');
      else if (t.kind === 'telnet-server') {
        add(d, 'cleartext-credentials', `telnet:${t.user}`);
        if (medical) add(d, 'exposed-management', 'telnet/23', medList);
      } else if (t.kind === 'http-server' && medical) add(d, 'exposed-management', 'http/80', medList);
      else if (t.kind === 'tls-client') {
        if (host(t.to).internet === true && medical) add(d, 'internet-egress', 'tcp/443', medList);
        if (t.version === '1.0') add(d, 'weak-tls', 'client:TLS 1.0');
      }
    }
  }
  return out;
}
