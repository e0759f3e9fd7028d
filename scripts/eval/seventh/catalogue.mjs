// The seventh scenario family's devices: "Harrow Fen Dialysis and Outpatient Centre" (hfd.example), a renal dialysis
// and outpatient clinic on ONE /24 (10.61.40.0/24) with STATIC addressing and no DHCP at all: every address is typed
// into the device by the installer, so no device announces a vendor class, a host name or an option list. The clinic
// is seen on a SPAN of its access switch. Written by someone who had not read wardwatch's rules or knowledge files,
// with makers none of the other six families use. Each device says only what such a device says on the wire; every
// product string cites the public source it was taken from, and where no source gives a string the device does not
// send one. `know` lists what a careful analyst could infer from the wire: v(endor) c(ategory) t(ype) o(s family)
// e(nd of life) — the held-out family's definition. `typeAlso`: a correct generic type. A null truth value is one this
// catalogue cannot vouch for: answers there are listed, not scored.
//
// Sources (cited by key below; URLs in README.md):
//  [oui]     IEEE MA-L registry (data/oui.json), for every MAC prefix (owner names exactly as the registry spells them).
//  [satori]  xnih/satori fingerprints, commit 73fa88fe6549 (https://github.com/xnih/satori, fingerprints/web.xml):
//            "PowerCommand iWatch 100" (Server "WindWeb/1.0.3"), "Oracle Micros" (Server "myMicros"), "EFI Printer"
//            (Server "gSOAP/2.7", device_vendor "EFI"), "CommVault" (Server "Commvault WebServer"), "Nessus
//            Professional" (Server "NessusWWW"), "Windows Server 2019" (Server "Microsoft-IIS/10.0");
//            ssh.xml "Ubuntu - OpenSSH 8.2p1" ("SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.11"), "PuTTY 0.80"
//            ("SSH-2.0-PuTTY_Release_0.80").
//  [hl7-ghh] The HL7 v2.4 ORU^R01 example "MSH|^~\&|GHH LAB|ELAB-3|GHH OE|BLDG4|200202150930||ORU^R01|CNTRL-3456|P|2.4"
//            with its PID/OBR/OBX (glucose) segments, as reproduced at
//            http://www.mustmodify.com/2012/09/11/hl7-for-developers (patient fields replaced by this family's own).
//  [fo-dicom] fo-dicom's DicomImplementation: Implementation Class UID "1.3.6.1.4.1.30071.8", Implementation Version
//            Name "fo-dicom {major}.{minor}.{build}" (https://github.com/fo-dicom/fo-dicom, FO-DICOM.Core/DicomImplementation.cs);
//            "fo-dicom 4.0.0" exactly as NVIDIA Clara DICOM Adapter's conformance page states it for its SCP and SCU
//            (https://github.com/NVIDIA/clara-dicom-adapter/blob/main/docs/compliance/dicom.md).
//  [ms]      Microsoft lifecycle (https://learn.microsoft.com/lifecycle/products/): Windows 10 22H2 (10.0.19045, all
//            editions) ended 2025-10-14; Windows 11 Enterprise 24H2 (10.0.26100) 2027-10-12, Home/Pro 2026-10-13 (the
//            edition, not on the wire, decides); Windows Server 2019 (10.0.17763) 2029-01-09.
//  [rfc]     Protocol behaviour only: static IPv4 addressing (no RFC 2131 traffic), DNS (RFC 1035), LLDP (IEEE
//            802.1AB) router capability, Telnet (RFC 854) login, SNMP v2c (RFC 3416), TLS 1.2 (RFC 5246).
// Ports marked "illustrative" are made up: no public source gives the maker's port, the number is this family's own.

/** OS as the truth knows it; supportEnd per [ms] (absent: the wire cannot tell the edition that decides it). */
export const OS = {
  win10_22h2: { family: 'Windows', version: '10.0.19045', label: 'Windows 10 22H2', supportEnd: '2025-10-14' },
  win11_24h2: { family: 'Windows', version: '10.0.26100', label: 'Windows 11 24H2' },
  srv2019: { family: 'Windows', version: '10.0.17763', label: 'Windows Server 2019', supportEnd: '2029-01-09' },
  ubuntu2004: { family: 'Linux', label: 'Ubuntu 20.04' },
};

/** The one /24, statically addressed: the firewall is the gateway at .1. */
export const LAN = { net: '10.61.40', mask: '255.255.255.0', gateway: '10.61.40.1' };

const http = (from, server) => ({ kind: 'http-server', from, server, title: null });
const tcpTo = (to, port) => ({ kind: 'tcp-stream', to, port });
const udpTo = (to, port) => ({ kind: 'udp-stream', to, port });
const snmp = (community, answers) => ({ kind: 'snmp', community, answers });
const winClient = (user, dnsName, peer) => [{ kind: 'smb', user }, { kind: 'dns', name: dnsName, answer: peer }, { kind: 'tls-client', to: peer, version: '1.2', sni: dnsName }];
const SC = '1.2.840.10008.5.1.4.1.1.7'; // Secondary Capture Image Storage (PS3.4 B.5)

/**
 * name, OUI owner [oui] ('local': locally administered, a VM's), count, truth [vendor, category, type, OS key], know,
 * ttl stack ('win' / 'linux' / 'embedded'), talk.
 */
export const KINDS = [
  // ---- network: the firewall is the gateway and says so in LLDP (router capability, its name only); an access switch
  // managed over Telnet; Aruba access points that answer SNMP with the factory write community.
  { name: 'hfd-fw01', oui: 'Palo Alto Networks', count: 1, truth: ['Palo Alto Networks', 'network', 'firewall', null], typeAlso: ['router', 'gateway'], aliases: ['Palo Alto'], know: 'vct', stack: 'embedded', router: true,
    talk: [{ kind: 'lldp' }] }, // [rfc] router capability only, chassis MAC [oui]
  { name: 'hfd-sw01', oui: 'ALLIED TELESIS INTERNATIONAL', count: 1, truth: ['Allied Telesis', 'network', 'switch', null], typeAlso: ['network switch'], aliases: ['ALLIED TELESIS INTERNATIONAL', 'Allied Telesis International'], know: 'v', stack: 'embedded',
    talk: [{ kind: 'telnet-server', from: 'hfd-biomed01', user: 'manager', password: 'HarrowFen-sw1' }] }, // [rfc] generic prompts
  { name: 'hfd-ap', oui: 'Aruba, a Hewlett Packard Enterprise', count: 2, truth: ['Aruba', 'network', 'wireless access point', null], typeAlso: ['access point'], aliases: ['Aruba, a Hewlett Packard Enterprise', 'Aruba Networks', 'Hewlett Packard Enterprise', 'HPE'], know: 'v', stack: 'embedded',
    talk: [snmp('private', true)] },
  // ---- servers (VMs: locally administered MACs), known by their software or only by their role in the traffic.
  { name: 'hfd-dc01', oui: 'local', count: 1, truth: [null, 'it', 'server', 'srv2019'], know: 'co', stack: 'win',
    talk: [http('hfd-biomed01', 'Microsoft-IIS/10.0')] }, // [satori]
  { name: 'hfd-nms01', oui: 'local', count: 1, truth: [null, 'it', null, null], know: '', stack: 'linux', talk: [] },
  { name: 'hfd-dms01', oui: 'local', count: 1, truth: [null, 'clinical-system', null, null], know: '', stack: 'win',
    dicomScp: { ae: 'HFDDMS', implUid: '1.3.6.1.4.1.30071.8', implVersion: 'fo-dicom 4.0.0' }, // [fo-dicom]; AE title site-assigned
    talk: [{ kind: 'tls-client', to: 'VENDOR-REMOTE', version: '1.2', sni: 'remote-service.dialysis-vendor.example' }] }, // the dialysis data server; SNI made up (labelled)
  { name: 'hfd-vsgw01', oui: 'local', count: 1, truth: [null, null, null, null], know: '', stack: 'win', talk: [] }, // vitals gateway: role only
  { name: 'hfd-pumpsrv01', oui: 'local', count: 1, truth: [null, null, null, null], know: '', stack: 'win', talk: [] }, // pump server: role only
  { name: 'hfd-lis01', oui: 'local', count: 1, truth: [null, 'laboratory', null, null], know: '', stack: 'linux',
    talk: [{ kind: 'hl7', to: 'hfd-ie01' }] }, // [hl7-ghh] sends the point-of-care lab results
  { name: 'hfd-ie01', oui: 'local', count: 1, truth: [null, 'clinical-system', null, 'ubuntu2004'], know: 'o', stack: 'linux',
    talk: [{ kind: 'ssh-server', from: 'hfd-biomed01', server: 'SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.11', client: 'SSH-2.0-PuTTY_Release_0.80' }] }, // [satori]
  { name: 'hfd-backup01', oui: 'local', count: 1, truth: ['Commvault', 'it', 'server', null], typeAlso: ['backup server'], know: 'vc', stack: 'win',
    talk: [http('hfd-biomed01', 'Commvault WebServer')] }, // [satori]
  { name: 'hfd-scan01', oui: 'local', count: 1, truth: ['Tenable', 'it', null, null], aliases: ['Nessus'], know: 'v', stack: 'linux',
    talk: [http('hfd-biomed01', 'NessusWWW')] }, // [satori]
  { name: 'hfd-nas01', oui: 'Synology', count: 1, truth: ['Synology', 'it', 'NAS', null], typeAlso: ['storage', 'file server'], know: 'v', stack: 'linux', talk: [] },
  // ---- dialysis: Fresenius and Nikkiso machines stream treatment data to the dialysis data server and are polled with
  // public (they never answer); Welch Allyn vital-signs monitors to their gateway; Smiths pumps to their server.
  { name: 'hfd-hd', oui: 'Fresenius Medical Care Deutschland', count: 5, truth: ['Fresenius Medical Care', null, null, null], aliases: ['Fresenius Medical Care Deutschland', 'Fresenius'], know: 'v', stack: 'embedded',
    talk: [tcpTo('hfd-dms01', 50505), snmp('public', false)] }, // port illustrative
  { name: 'hfd-nk', oui: 'NIKKISO', count: 3, truth: ['Nikkiso', null, null, null], aliases: ['NIKKISO'], know: 'v', stack: 'embedded',
    talk: [tcpTo('hfd-dms01', 50506)] }, // port illustrative
  { name: 'hfd-vs', oui: 'Welch Allyn', count: 3, truth: ['Welch Allyn', 'patient-monitoring', null, null], aliases: ['Hillrom', 'Baxter'], know: 'v', stack: 'embedded',
    talk: [udpTo('hfd-vsgw01', 7711)] }, // port illustrative
  { name: 'hfd-pump', oui: 'Smiths Medical', count: 2, truth: ['Smiths Medical', 'infusion', 'infusion pump', null], aliases: ['ICU Medical'], know: 'v', stack: 'embedded',
    talk: [tcpTo('hfd-pumpsrv01', 51515)] }, // port illustrative
  // ---- a vascular-access photo station of no stated maker, storing Secondary Capture with fo-dicom to the dialysis data
  // server's DICOM service; a Moxa serial server carrying a legacy analyser, managed over Telnet.
  { name: 'hfd-photo01', oui: 'local', count: 1, truth: [null, 'imaging', null, null], know: '', stack: 'win',
    talk: [{ kind: 'dicom', to: 'hfd-dms01', ae: 'HFDPHOTO1', implUid: '1.3.6.1.4.1.30071.8', implVersion: 'fo-dicom 4.0.0', sop: SC, ds: { modality: 'XC' } }] }, // [fo-dicom]; AE title site-assigned
  { name: 'hfd-serial01', oui: 'MOXA TECHNOLOGIES', count: 1, truth: ['Moxa', 'network', null, null], aliases: ['MOXA TECHNOLOGIES', 'MOXA'], know: 'v', stack: 'embedded',
    talk: [{ kind: 'telnet-server', from: 'hfd-biomed01', user: 'admin', password: 'fen-moxa-22' }] }, // [rfc] generic prompts
  // ---- clinic IT: Windows 10 22H2 PCs (ended), Windows 11 24H2 nurse stations, a biomed PC; facilities and retail.
  { name: 'hfd-ws10-', oui: 'Lenovo', count: 3, truth: ['Lenovo', 'it', 'workstation', 'win10_22h2'], know: 'vctoe', stack: 'win',
    talk: winClient('clinic', 'settings-win.data.microsoft.example', 'WIN-UPDATE') },
  { name: 'hfd-ws11-', oui: 'Lenovo', count: 2, truth: ['Lenovo', 'it', 'workstation', 'win11_24h2'], know: 'vcto', stack: 'win',
    talk: winClient('nurse', 'login.microsoftonline.example', 'SAAS') },
  { name: 'hfd-biomed01', oui: 'Lenovo', count: 1, truth: ['Lenovo', 'it', 'workstation', 'win11_24h2'], know: 'vcto', stack: 'win',
    talk: [{ kind: 'smb', user: 'biomed' }] },
  { name: 'hfd-phone', oui: 'XIAMEN YEALINK NETWORK TECHNOLOGY CO.,LTD', count: 3, truth: ['Yealink', 'it', 'IP phone', null], typeAlso: ['VoIP phone', 'phone'], aliases: ['XIAMEN YEALINK NETWORK TECHNOLOGY CO.,LTD'], know: 'v', stack: 'embedded', talk: [] },
  { name: 'hfd-label', oui: 'Zebra Technologies', count: 2, truth: ['Zebra Technologies', 'it', 'printer', null], typeAlso: ['label printer'], aliases: ['Zebra'], know: 'v', stack: 'embedded',
    talk: [snmp('public', true)] },
  { name: 'hfd-prn', oui: 'ELECTRONICS FOR IMAGING', count: 2, truth: ['EFI', 'it', 'printer', null], typeAlso: ['print server'], aliases: ['ELECTRONICS FOR IMAGING', 'Electronics for Imaging'], know: 'v', stack: 'embedded',
    talk: [http('hfd-ws10-01', 'gSOAP/2.7')] }, // [satori]
  { name: 'hfd-genmon01', oui: 'local', count: 1, truth: ['Cummins', 'iot', null, null], know: '', stack: 'embedded',
    talk: [http('hfd-biomed01', 'WindWeb/1.0.3')] }, // [satori] PowerCommand iWatch 100; the string names only Wind River's server
  { name: 'hfd-pos01', oui: 'local', count: 1, truth: ['Oracle', 'it', null, null], aliases: ['Oracle MICROS', 'MICROS'], know: 'v', stack: 'win',
    talk: [http('hfd-ws10-02', 'myMicros')] }, // [satori] Oracle Micros
];

/** Internet servers, reached through the firewall: two SaaS / update names (example.* domains) and the dialysis vendor's remote service (name made up; every address arbitrary public space). */
export const INTERNET = [
  { name: 'WIN-UPDATE', ip: '20.42.65.92', cert: { subject: [['CN', 'settings-win.data.microsoft.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2022']] } },
  { name: 'SAAS', ip: '40.126.32.74', cert: { subject: [['CN', 'login.microsoftonline.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2022']] } },
  { name: 'VENDOR-REMOTE', ip: '52.28.140.11', cert: { subject: [['CN', 'remote-service.dialysis-vendor.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2022']] } },
];
