// The findings each eval device should raise, derived from what it does in the scenario — the same facts
// a careful analyst reading the capture would report — plus the catalogue's known vulnerabilities. Each is a kind and
// a key fragment (matched as a case-insensitive substring of wardwatch's key; no key: any key of that kind).
// `maybe` ones are true but not shown by the wire (a version never sent): found, they are neither right nor wrong.

/** docs/architecture.md categories that are not clinical equipment: exposure and egress are findings on the others only. */
const NON_MEDICAL = new Set(['it', 'network', 'iot', 'unknown']);
const isMedical = (d) => d.truth !== undefined && !NON_MEDICAL.has(d.truth[1]);
/** A finding only a medical device gets is expected when the wire shows what the device is; else it is a `maybe`. */
const medicalList = (d) => (d.know.includes('c') ? 'findings' : 'maybe');

/** Factory communities (CVE-1999-0517 names public and private); RFC 1635 guest FTP users, who send no secret. */
const DEFAULT_COMMUNITIES = new Set(['public', 'private']);
const ANONYMOUS = new Set(['anonymous', 'ftp']);
const DCMTK_CVES = ['CVE-2022-2119', 'CVE-2022-2120', 'CVE-2022-2121'];

/** DCMTK before 3.6.7 (ICSMA-22-174-01; CVE-2022-2119, -2120, -2121): its version name says so. */
function outdatedDcmtk(name) {
  const m = /^OFFIS_DCMTK_(\d)(\d)(\d+)$/.exec(name);
  if (m === null) return false;
  const v = [Number(m[1]), Number(m[2]), Number(m[3])];
  return v[0] < 3 || (v[0] === 3 && (v[1] < 6 || (v[1] === 6 && v[2] < 7)));
}

/**
 * `devices`: generate-scenario's devices (with `says`, `truth`, `eol`, `knowEol`, `extra`); `hosts`: name -> device or
 * extra host; `inManagement(host)`: the host sits in the site's management zone. Returns name -> { findings, maybe }.
 */
export function expectFindings(devices, hosts, inManagement) {
  const out = new Map();
  const slot = (name) => {
    if (!out.has(name)) out.set(name, { findings: [], maybe: [] });
    return out.get(name);
  };
  const add = (host, kind, key = null, list = 'findings') => {
    const s = slot(host.name)[list];
    if (!s.some((f) => f.kind === kind && f.key === key)) s.push({ kind, key });
  };
  const host = (name) => {
    const h = hosts.get(name);
    if (h === undefined) throw new Error(`expect-findings: unknown host ${name}`);
    return h;
  };
  const [PACS, IE] = ['PACS01', 'HL7IE01'].map(host);
  for (const d of devices) {
    slot(d.name);
    if (d.eol === true) add(d, 'eol-os', null, d.knowEol ? 'findings' : 'maybe');
    for (const [kind, key] of d.extra?.known ?? []) add(d, kind, key);
    for (const [kind, key] of d.extra?.maybe ?? []) add(d, kind, key, 'maybe');
    for (const t of d.says) {
      if (t.kind === 'dicom') {
        // A C-STORE data set carries patient attributes; a C-ECHO carries none.
        if (t.ds !== null) {
          add(d, 'cleartext-phi', 'dicom:sent');
          add(PACS, 'cleartext-phi', 'dicom:received');
        }
        if (outdatedDcmtk(t.implVersion)) {
          add(d, 'outdated-dicom', t.implVersion);
          // The same CVEs as a component match of ICSMA-22-174-01 would be right too, but outdated-dicom carries them.
          for (const cve of DCMTK_CVES) add(d, 'known-vulnerability', cve, 'maybe');
        }
      } else if (t.kind === 'hl7') {
        add(d, 'cleartext-phi', 'hl7:sent');
        add(IE, 'cleartext-phi', 'hl7:received');
      } else if (t.kind === 'hl7-forward') {
        add(d, 'cleartext-phi', 'hl7:sent');
        add(PACS, 'cleartext-phi', 'hl7:received');
      } else if (t.kind === 'smb' && t.dialect === 1) add(d, 'smbv1', 'client');
      else if (t.kind === 'snmp' || (t.kind === 'snmp-get' && DEFAULT_COMMUNITIES.has(t.community))) add(d, 'snmp-default-community', t.community ?? 'public');
      else if (t.kind === 'snmp-get') add(d, 'cleartext-credentials', 'snmp:v2c'); // a site community, sent in clear
      else if (t.kind === 'login' && !(t.proto === 'ftp' && ANONYMOUS.has(t.user))) {
        add(d, 'cleartext-credentials', `${t.proto}:${t.user}`);
        if (t.isDefault) add(d, 'default-credentials', `${t.proto}:${t.user}`);
        // Telnet and FTP are management services: a medical device's, used from outside the management zone, is exposed.
        if (isMedical(d) && !inManagement(host(t.from))) add(d, 'exposed-management', t.proto === 'telnet' ? 'telnet/23' : 'ftp/21', medicalList(d));
      } else if (t.kind === 'http-basic') {
        add(d, 'cleartext-credentials', `http-basic:${t.user}`);
        if (t.isDefault) add(d, 'default-credentials', `http:${t.user}`);
        if (isMedical(d) && !inManagement(host(t.from))) add(d, 'exposed-management', 'http/80', medicalList(d));
      } else if (t.kind === 'http-server') {
        if (isMedical(d)) add(d, 'exposed-management', 'http/80', medicalList(d)); // browsed from user workstations
      } else if (t.kind === 'tls-client') {
        const server = host(t.to);
        if (t.version === '1.0' || t.version === '1.1') {
          add(d, 'weak-tls', `client:TLS ${t.version}`);
          add(server, 'weak-tls', `server:TLS ${t.version}`);
        }
        if (server.external && isMedical(d)) add(d, 'internet-egress', `tcp/${t.port}`, medicalList(d));
        if (server.vendor) add(d, 'remote-access', 'vendor-tcp'); // any session with a vendor network
      } else if (t.kind === 'teamviewer') {
        add(d, 'remote-access', 'teamviewer');
        if (isMedical(d)) add(d, 'internet-egress', 'tcp/5938', medicalList(d));
      } else if (t.kind === 'rdp' || t.kind === 'vnc') {
        const service = t.kind === 'rdp' ? 'rdp/3389' : 'vnc/5900';
        if (isMedical(d) && !inManagement(host(t.from))) add(d, 'exposed-management', service, medicalList(d));
      }
    }
  }
  return out;
}
