// The fourth scenario family's devices: "Harbourside General" (hgh.example), a mid-size hospital on one core switch
// whose departments are 802.1Q VLANs, seen on a SPAN of the trunk. Written by someone who had not read wardwatch's
// rules or knowledge files, with makers none of the other three families use. Each device says only what such a
// device says on the wire; every product string cites the public source it was taken from, and where no source gives
// a string the device does not send one (most of this hospital's clinical devices only talk to their own vendor's
// gateway in a protocol no decoder knows). `know` lists the attributes a careful analyst could infer from the wire:
// v(endor) c(ategory) t(ype) o(s family) e(nd of life) — the held-out family's definition. `also`: other right vendor
// answers (the maker of a network module inside the device); `typeAlso`: a correct generic type. A null truth value
// is one this catalogue cannot vouch for: answers there are listed, not scored.
//
// Sources (cited by key below):
//  [oui]      IEEE MA-L registry (data/oui.json), for every MAC prefix.
//  [satori]   xnih/satori fingerprints (shared corpus fingerprints/satori, 2022): dhcp.xml "Windows 10" (vendor class
//             "MSFT 5.0", option 55 1,3,6,15,31,33,43,44,46,47,119,121,249,252), "Epson Printer" (option 55
//             1,3,6,12,15,28,51,54,58,59, no vendor class); smb.xml "Windows Embedded 7 SP1" (NativeOS "Windows
//             Embedded Standard 7601 Service Pack 1", NativeLanMan "Windows Embedded Standard 6.1") and "Windows
//             Server 2012 R2" (NativeOS "Windows Server 2012 R2 Standard 9600", NativeLanMan "Windows Server 2012 R2
//             Standard 6.3"); web.xml "Sharp Printer" (Server "Rapid Logic/1.1").
//  [bacnet]   nDPI test capture tests/cfgs/default/pcap/bacnet.pcap (ntop/nDPI 3b1286ab03b0): BVLC original-broadcast
//             Who-Is "810b000c0120ffff00ff1008" and I-Am "810b001501001000c4023fffff2205c49103220104" (vendor id
//             260, "BACnet Stack at SourceForge"), UDP 47808 both ways; the bytes are used verbatim.
//  [hl7-adt]  nDPI test capture hl7.pcap, extracted as ndpi_hl7pcap_adt_a01_and_ack.hl7 in the shared corpus: ADT^A01
//             v2.3 with MSH-3 "SENDING_APPLICATION", MSH-4 "SENDING_FACILITY", MSH-5 "RECEIVING_APPLICATION",
//             MSH-6 "RECEIVING_FACILITY".
//  [dcm-obs]  DICOM associations quoted in public logs: DCMTK 3.6.2 storescu "1.2.276.0.7230010.3.0.3.6.2" /
//             "OFFIS_DCMTK_362" (aflnet/aflnet tutorials/dcmqrscp/in-dicom); pynetdicom 2.1.0 as SCP
//             "1.2.826.0.1.3680043.9.3811.2.1.0" / "PYNETDICOM_210" (pydicom/pynetdicom#1006).
//  [ftp]      Zeek test trace ftp/ipv4.pcap (zeek/zeek a13de64fbbdb): greeting "ftp.NetBSD.org FTP server
//             (NetBSD-ftpd 20100320) ready."
//  [ms]       Microsoft lifecycle: Windows Embedded Standard 7 ended 2020-10-13 (ESU to 2023-10-10); Windows Server 2012
//             R2 ended 2023-10-10 (ESU year 3 to 2026-10-13); Windows 11 24H2 Home/Pro 2026-10-13, Enterprise
//             2027-10-12 (the edition, never on the wire, decides); Server 2019 2029-01-09 (10.0.17763 is also
//             Windows 10 1809, long ended: the NTLM build alone does not decide).
//  [rfc]      Protocol behaviour only: IEEE 802.1Q tags on a trunk SPAN, DHCP (RFC 2131), Telnet (RFC 854) login,
//             BACnet/IP (ASHRAE 135 Annex J) on UDP 47808, TeamViewer on TCP 5938, TLS 1.0 (RFC 2246).

/** OS as the truth knows it; supportEnd per [ms] (absent: the wire cannot tell the edition that decides it). */
export const OS = {
  win7e: { family: 'Windows', version: '6.1.7601', label: 'Windows Embedded Standard 7', supportEnd: '2023-10-10' },
  srv2012r2: { family: 'Windows', version: '6.3.9600', label: 'Windows Server 2012 R2', supportEnd: '2026-10-13' },
  win11_24h2: { family: 'Windows', version: '10.0.26100', label: 'Windows 11 24H2' },
  srv2019: { family: 'Windows', version: '10.0.17763', label: 'Windows Server 2019' },
  linux: { family: 'Linux' },
};

/** VLANs on the trunk: id, subnet; the core switch (one MAC for every VLAN interface) is each one's gateway (.1). */
export const VLANS = {
  clinical: { vid: 110, prefix: '10.61.10', first: 21 },
  theatre: { vid: 120, prefix: '10.61.20', first: 21 },
  imaging: { vid: 130, prefix: '10.61.30', first: 21 },
  server: { vid: 200, prefix: '10.61.200', first: 10 },
  office: { vid: 300, prefix: '10.61.100', first: 50 },
  building: { vid: 400, prefix: '10.61.140', first: 30 },
  facility: { vid: 410, prefix: '10.61.150', first: 30 },
};

const PRL_WIN10 = [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252]; // [satori] Windows 10, MSFT 5.0
const PRL_EPSON = [1, 3, 6, 12, 15, 28, 51, 54, 58, 59]; // [satori] Epson Printer
const dhcp = (prl, vendorClass = null) => ({ kind: 'dhcp', prl, vendorClass });
const smb = (os, user, smb1 = null) => ({ kind: 'smb', os, user, smb1 });
const tcpTo = (to, port) => ({ kind: 'tcp-stream', to, port });
const udpTo = (to, port) => ({ kind: 'udp-stream', to, port });
const snmp = (community, answers) => ({ kind: 'snmp', community, answers });
const CT = '1.2.840.10008.5.1.4.1.1.2';

/**
 * name, OUI owner [oui] (null: a server whose NIC this catalogue does not vouch for, 'local': locally administered),
 * count, truth [vendor, category, type, OS key], know, vlan (VLANS key), stack, talk.
 */
export const KINDS = [
  // ---- network: the core switch routes between the VLANs; its LLDP names only itself (no product string sourced).
  { name: 'hgh-core-sw01', oui: 'Extreme Networks', count: 1, truth: ['Extreme Networks', 'network', 'network switch', null], typeAlso: ['switch', 'router'], aliases: ['Extreme'], know: 'vct', vlan: 'server', stack: 'embedded', gateway: true,
    talk: [{ kind: 'lldp' }] }, // [rfc] LLDP bridge+router capabilities, chassis MAC [oui]
  // ---- dialysis (clinical VLAN): serial dialysis machines behind Lantronix device servers, talking only to the
  // dialysis data gateway; biomed logs into one bridge over Telnet.
  { name: 'dia-hd', oui: 'Lantronix', count: 4, truth: ['Nipro', null, null, null], also: ['Lantronix'], know: '', vlan: 'clinical', stack: 'embedded',
    talk: [tcpTo('srv-diagw01', 10001)] }, // port illustrative (a device server's raw TCP port); no product string sourced
  { name: 'dia-hd-tn', oui: 'Lantronix', count: 1, truth: ['Nipro', null, null, null], also: ['Lantronix'], know: '', vlan: 'clinical', stack: 'embedded',
    talk: [tcpTo('srv-diagw01', 10001), { kind: 'telnet-server', from: 'ofc-biomed01', user: 'admin', password: 'Hgh-bio7' }] }, // [rfc] generic login prompts only
  // ---- operating theatre: integration and endoscopy towers to their vendors' servers; one tower calls its vendor's
  // cloud over TLS 1.0.
  { name: 'or-int', oui: 'Stryker', count: 2, truth: ['Stryker', null, null, null], know: 'v', vlan: 'theatre', stack: 'embedded',
    talk: [tcpTo('srv-orint01', 9100)] }, // port illustrative
  { name: 'or-endo', oui: 'OLYMPUS', count: 2, truth: ['Olympus', null, null, null], aliases: ['OLYMPUS'], know: 'v', vlan: 'theatre', stack: 'embedded',
    talk: [tcpTo('srv-endo01', 11112)] }, // port illustrative
  { name: 'or-endo-cl', oui: 'OLYMPUS', count: 1, truth: ['Olympus', null, null, null], aliases: ['OLYMPUS'], know: 'v', vlan: 'theatre', stack: 'embedded',
    talk: [tcpTo('srv-endo01', 11112), { kind: 'tls-client', to: 'VENDOR-CLOUD', version: '1.0', sni: null }] },
  // ---- radiotherapy bunker (imaging VLAN): the linac console on Windows Embedded 7 (SMBv1 to the file server, a
  // vendor's TeamViewer session), the planning workstation exporting CT with DCMTK 3.6.2's storescu, the RT archive.
  { name: 'rt-linac01', oui: 'local', count: 1, truth: ['Elekta', null, null, 'win7e'], know: 'oe', vlan: 'imaging', stack: 'win',
    talk: [smb('win7e', 'linac', { nativeOs: 'Windows Embedded Standard 7601 Service Pack 1', nativeLanMan: 'Windows Embedded Standard 6.1' }), { kind: 'teamviewer' }] }, // [satori] smb.xml
  { name: 'rt-plan01', oui: 'local', count: 1, truth: [null, null, null, null], know: '', vlan: 'imaging', stack: 'linux',
    talk: [{ kind: 'dicom', implUid: '1.2.276.0.7230010.3.0.3.6.2', implVersion: 'OFFIS_DCMTK_362', sop: CT, ds: { modality: 'CT' }, ae: 'STORESCU' }], maybe: ['CVE-2022-2119', 'CVE-2022-2120', 'CVE-2022-2121'] }, // [dcm-obs]
  { name: 'rt-arch01', oui: 'local', count: 1, truth: [null, 'imaging-infrastructure', 'PACS', null], know: 'ct', vlan: 'imaging', stack: 'linux',
    dicomScp: { ae: 'RTARCHIVE', implUid: '1.2.826.0.1.3680043.9.3811.2.1.0', implVersion: 'PYNETDICOM_210' }, // [dcm-obs]
    talk: [{ kind: 'ftp-server', from: 'ofc-biomed01', greeting: 'ftp.NetBSD.org FTP server (NetBSD-ftpd 20100320) ready.', user: 'rtexport', password: 'Export2019' }] }, // [ftp]
  // ---- servers (server VLAN)
  { name: 'srv-dc01', oui: null, count: 1, truth: [null, 'it', 'server', 'srv2019'], know: 'cto', vlan: 'server', stack: 'win', talk: [], dhcpServer: true }, // Windows DHCP server and DC; answers NTLM with its build
  { name: 'srv-pharm01', oui: null, count: 1, truth: [null, 'clinical-system', null, 'srv2012r2'], know: 'oe', vlan: 'server', stack: 'win',
    talk: [smb('srv2012r2', 'svc-pharm', { nativeOs: 'Windows Server 2012 R2 Standard 9600', nativeLanMan: 'Windows Server 2012 R2 Standard 6.3' })] }, // [satori] smb.xml; pharmacy dispensing server
  { name: 'srv-his01', oui: null, count: 1, truth: [null, 'clinical-system', null, null], know: '', vlan: 'server', stack: 'linux', talk: [{ kind: 'hl7', to: 'srv-orint01' }] }, // [hl7-adt]
  { name: 'srv-orint01', oui: null, count: 1, truth: [null, null, null, null], know: '', vlan: 'server', stack: 'win', talk: [] },
  { name: 'srv-endo01', oui: null, count: 1, truth: [null, null, null, null], know: '', vlan: 'server', stack: 'win', talk: [] },
  { name: 'srv-diagw01', oui: null, count: 1, truth: [null, null, null, null], know: '', vlan: 'server', stack: 'win', talk: [] },
  { name: 'srv-nc01', oui: null, count: 1, truth: [null, null, null, null], know: '', vlan: 'server', stack: 'linux', talk: [] },
  { name: 'srv-rtls01', oui: null, count: 1, truth: [null, null, null, null], know: '', vlan: 'server', stack: 'linux', talk: [] },
  { name: 'srv-nms01', oui: null, count: 1, truth: [null, 'it', null, null], know: '', vlan: 'server', stack: 'linux', talk: [] },
  { name: 'srv-bms01', oui: null, count: 1, truth: [null, null, null, null], know: '', vlan: 'building', stack: 'win', talk: [{ kind: 'bacnet-whois' }] }, // [bacnet]
  // ---- nurse call and RTLS (facility VLAN)
  { name: 'fac-nc', oui: 'Ascom Danmark A/S', count: 2, truth: ['Ascom', null, null, null], aliases: ['Ascom Danmark', 'Ascom Danmark A/S'], know: 'v', vlan: 'facility', stack: 'embedded',
    talk: [tcpTo('srv-nc01', 7070), snmp('public', false)] }, // port illustrative; polled with public, never answers
  { name: 'fac-rtls', oui: 'Centrak', count: 3, truth: ['CenTrak', null, null, null], aliases: ['Centrak'], know: 'v', vlan: 'facility', stack: 'embedded',
    talk: [udpTo('srv-rtls01', 9009), snmp('public', true)] }, // port illustrative; answers public (sysName only)
  // ---- building automation (building VLAN): BACnet/IP controllers answering the BMS's Who-Is
  { name: 'bld-ahu', oui: 'ALERTON TECHNOLOGIES', count: 2, truth: ['Alerton', 'iot', null, null], aliases: ['ALERTON TECHNOLOGIES', 'Honeywell'], know: 'vc', vlan: 'building', stack: 'embedded',
    talk: [{ kind: 'bacnet-iam' }] }, // [bacnet]
  // ---- office and pharmacy (office VLAN): Windows 11 24H2 PCs on ASUS boards (DHCP from the Windows server),
  // the biomed engineer's PC, printers
  { name: 'ofc-pc', oui: 'ASUSTek COMPUTER', count: 4, truth: ['ASUS', 'it', 'workstation', 'win11_24h2'], aliases: ['ASUSTek COMPUTER', 'ASUSTeK'], know: 'vcto', vlan: 'office', stack: 'win',
    talk: [dhcp(PRL_WIN10, 'MSFT 5.0'), smb('win11_24h2', 'clerk'), { kind: 'tls-client', to: 'WIN-UPDATE', version: '1.2', sni: 'settings-win.data.microsoft.example' }] }, // [satori]
  { name: 'ofc-biomed01', oui: 'ASUSTek COMPUTER', count: 1, truth: ['ASUS', 'it', 'workstation', 'win11_24h2'], aliases: ['ASUSTek COMPUTER', 'ASUSTeK'], know: 'vcto', vlan: 'office', stack: 'win',
    talk: [dhcp(PRL_WIN10, 'MSFT 5.0'), smb('win11_24h2', 'biomed')] }, // [satori]
  { name: 'ofc-prn-sh', oui: 'SHARP', count: 1, truth: ['Sharp', 'it', 'printer', null], aliases: ['SHARP'], know: 'v', vlan: 'office', stack: 'embedded',
    talk: [{ kind: 'http-server', from: 'ofc-biomed01', server: 'Rapid Logic/1.1', title: null }] }, // [satori] web.xml
  { name: 'ofc-prn-ep', oui: 'Seiko Epson', count: 2, truth: ['Epson', 'it', 'printer', null], aliases: ['Seiko Epson'], know: 'v', vlan: 'office', stack: 'embedded',
    talk: [dhcp(PRL_EPSON)] }, // [satori] dhcp.xml; no vendor class: the source gives none
];

/** Internet servers (behind the core switch's default route; illustrative .example names, no vendor strings). */
export const INTERNET = [
  { name: 'WIN-UPDATE', ip: '20.42.65.92', cert: { subject: [['CN', 'settings-win.data.microsoft.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2022']] } },
  { name: 'VENDOR-CLOUD', ip: '52.174.33.18', cert: { subject: [['CN', 'service.endoscopy-vendor.example']], issuer: [['CN', 'Example Device CA']] } },
  { name: 'TV-ROUTER', ip: '37.252.250.117', vendorRemote: true },
];
