// The sixth scenario family's devices: "Kestrel Valley University Hospital" (kvu.example), the imaging and acute-care
// wing of a university hospital on an IPv6-MOSTLY dual-stack segment: one VLAN carrying both a unique local /64
// (fd4b:7e1a:c03d:10::/64, RFC 4193; the edge does NPTv6/NAT64) and a legacy IPv4 /24, seen on a SPAN of the access
// switch. Servers and the interface engine speak IPv6 only; Windows PCs get IPv6 by stateful DHCPv6 from the domain
// controller and resolve names over IPv6; tablets and phones use SLAAC; the old bedside and imaging devices stay on
// IPv4. Written by someone who had not read wardwatch's rules or knowledge files, with makers none of the five other
// families use. Each device says only what such a device says on the wire; every product string cites the public
// source it was taken from, and where no source gives a string the device does not send one. `know` lists what a
// careful analyst could infer from the wire: v(endor) c(ategory) t(ype) o(s family) e(nd of life) — the held-out
// family's definition. `typeAlso`: a correct generic type. A null truth value is one this catalogue cannot vouch for:
// answers there are listed, not scored. `stack`: 'v4' (IPv4 only), 'v6' (IPv6 only), 'dual'.
//
// Sources (cited by key below):
//  [oui]     IEEE MA-L registry (data/oui.json), for every MAC prefix (owner names exactly as the registry spells them).
//  [satori]  xnih/satori fingerprints, commit 73fa88fe6549 (https://github.com/xnih/satori, fingerprints/*.xml):
//            dhcp.xml "Cisco IP Phone" (vendor class "Cisco Systems, Inc. IP Phone", option 55 1,3,6,15,42,66,150),
//            "Avaya IP Phone" (vendor class "ccp.avaya.com", option 55 1,3,6,15,66,69,43,176), "Meraki Indoor" (vendor
//            class "MERAKI", option 55 1,3,6,12,15,28,40,41,42), "Canon Printer" (option 55 1,3,6,15,44,47),
//            "iPad 13.5" (option 55 1,121,3,6,15,119,252, no vendor class), "Windows 10" (vendor class "MSFT 5.0",
//            option 55 1,3,6,15,31,33,43,44,46,47,119,121,249,252); dhcpv6.xml "Windows 7/8/8.1/Vista/Server 2008"
//            (Solicit options 8,1,3,39,16,6, Request 8,1,2,3,39,16,6, option request 24,23,17,39, vendor class
//            "MSFT 5.0"); web.xml "Canon Image Runner" (Server "CANON HTTP Server"), "Windows Server 2016/2019"
//            (Server "Microsoft-IIS/10.0"); ssh.xml "Cisco Router" ("SSH-2.0-Cisco-1.25"), "Ubuntu - OpenSSH 8.9p1"
//            ("SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6"), "PuTTY 0.80" ("SSH-2.0-PuTTY_Release_0.80").
//  [logiq]   dcm4che/dcm4che (https://github.com/dcm4che/dcm4che/issues/957), a user's storescp log of a GE
//            LOGIQ S8 ultrasound: calling AE "XY1US3", implClassUID "1.2.840.113619.6.323" (GE Medical Systems' root
//            1.2.840.113619), implVersionName "LOGIQS8_1", Ultrasound Image Storage.
//  [nx]      fo-dicom/fo-dicom (https://github.com/fo-dicom/fo-dicom/issues/1523): an Agfa NX workstation's
//            verification association, calling AE "NX_DEFAULT", Implementation Class UID "1.3.51.0.1.3" (Agfa's
//            root 1.3.51), version "AGFA DTF1.0.95", Verification SOP Class only.
//  [dcmtk]   fo-dicom/fo-dicom (https://github.com/fo-dicom/fo-dicom/issues/1222): an association from DCMTK
//            3.6.5, "1.2.276.0.7230010.3.0.3.6.5" / "OFFIS_DCMTK_365" (OFFIS's root); DCMTK before 3.6.7 is CISA
//            ICSMA-22-174-01 (CVE-2022-2119, -2120, -2121).
//  [dcm4che] dcm4che/dcm4chee-arc-light (https://github.com/dcm4che/dcm4chee-arc-light/issues/3541):
//            implVersionName "dcm4che-5.25.1"; dcm4che's own Implementation Class UID "1.2.40.0.13.1.3"
//            (dcm4che-core org/dcm4che3/net/Implementation.java, https://github.com/dcm4che/dcm4che).
//  [hl7wiki] The ADT^A01 example of the Wikipedia article "Health Level 7"
//            (https://en.wikipedia.org/wiki/Health_Level_7#Version_2_messaging): MSH-3 "MegaReg", MSH-4 "XYZHospC",
//            MSH-5 "SuperOE", MSH-6 "XYZImgCtr", "ADT^A01^ADT_A01", version 2.5.
//  [ms]      Microsoft lifecycle (https://learn.microsoft.com/lifecycle/products/): Windows 11 Enterprise and
//            Education 23H2 ended 2026-11-10 (Home/Pro 23H2 2025-11-11: every edition of build 22631 has ended);
//            Windows 11 Enterprise 24H2 2027-10-12 (Home/Pro 24H2 2026-10-13: the edition, not on the wire, decides);
//            Windows Server 2022 2031-10-14 (10.0.20348). The client dates are also tabulated, from those pages, in
//            altrhombus/DataForGeeks content/ms/mswin/lifecycle-client.json (which counts the day after the last update).
//  [rfc]     Protocol behaviour only: DHCPv6 (RFC 8415), DUID-LLT (§11.2), vendor class option 16 (§21.16) with
//            Microsoft's enterprise number 311 (IANA Private Enterprise Numbers); SLAAC modified EUI-64 (RFC 4291
//            App. A); ULA (RFC 4193; this family's Global ID is its own); NAT64 well-known prefix 64:ff9b::/96
//            (RFC 6052 §2.1); mDNS (RFC 6762) to ff02::fb; DNS AAAA (RFC 3596); SNMP v2c (RFC 3416); Telnet (RFC 854).

/** OS as the truth knows it; supportEnd per [ms] (absent: the wire cannot tell the edition that decides it). */
export const OS = {
  win11_23h2: { family: 'Windows', version: '10.0.22631', label: 'Windows 11 23H2', supportEnd: '2026-11-10' },
  win11_24h2: { family: 'Windows', version: '10.0.26100', label: 'Windows 11 24H2' },
  srv2022: { family: 'Windows', version: '10.0.20348', label: 'Windows Server 2022', supportEnd: '2031-10-14' },
  ubuntu2204: { family: 'Linux', label: 'Ubuntu 22.04' },
};

/** One VLAN, two address families: the IPv4 /24 and the ULA /64 (the router is .1 and ::1 on both). */
export const NET = {
  v4: '10.88.16', mask: '255.255.255.0', gateway: '10.88.16.1', broadcast: '10.88.16.255',
  v6: 'fd4b:7e1a:c03d:10', gateway6: 'fd4b:7e1a:c03d:10::1',
};

const PRL_CISCO_PHONE = [1, 3, 6, 15, 42, 66, 150]; // [satori] Cisco IP Phone
const PRL_AVAYA = [1, 3, 6, 15, 66, 69, 43, 176]; // [satori] Avaya IP Phone
const PRL_MERAKI = [1, 3, 6, 12, 15, 28, 40, 41, 42]; // [satori] Meraki Indoor
const PRL_CANON = [1, 3, 6, 15, 44, 47]; // [satori] Canon Printer
const PRL_IPAD = [1, 121, 3, 6, 15, 119, 252]; // [satori] iPad 13.5
const PRL_WIN10 = [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252]; // [satori] Windows 10 (Windows 11 sends the same)
const dhcp = (prl, vendorClass = null) => ({ kind: 'dhcp', prl, vendorClass });
const dhcp6 = { kind: 'dhcp6' }; // [satori] dhcpv6.xml Windows: options, option request list and "MSFT 5.0"
const http = (from, server, v6 = false) => ({ kind: 'http-server', from, server, title: null, v6 });
const tcpTo = (to, port) => ({ kind: 'tcp-stream', to, port });
const udpTo = (to, port) => ({ kind: 'udp-stream', to, port });
const snmp = (community, answers) => ({ kind: 'snmp', community, answers });
const US = '1.2.840.10008.5.1.4.1.1.6.1';
const CT = '1.2.840.10008.5.1.4.1.1.2';

/**
 * name, OUI owner [oui] ('local': locally administered, a VM's), count, truth [vendor, category, type, OS key], know,
 * stack ('v4' / 'v6' / 'dual'), ttl stack ('win' / 'linux' / 'embedded' / 'net'), talk.
 */
export const KINDS = [
  // ---- network: the core router is the default gateway of both families and the NAT64/NPTv6 edge; an access switch
  // managed over Telnet; Meraki access points.
  { name: 'kvu-core01', oui: 'Cisco Systems', count: 1, truth: ['Cisco', 'network', 'router', null], typeAlso: ['gateway', 'layer 3 switch'], aliases: ['Cisco Systems'], know: 'vct', stack: 'dual', ttl: 'net', router: true,
    talk: [{ kind: 'ssh-server', from: 'kvu-biomed01', server: 'SSH-2.0-Cisco-1.25', client: 'SSH-2.0-PuTTY_Release_0.80', v6: true }] }, // [satori] ssh.xml
  { name: 'kvu-acc01', oui: 'Cisco Systems', count: 1, truth: ['Cisco', 'network', 'switch', null], typeAlso: ['network switch'], aliases: ['Cisco Systems'], know: 'v', stack: 'v4', ttl: 'net',
    talk: [{ kind: 'telnet-server', from: 'kvu-biomed01', user: 'netops', password: 'Kestrel-acc1' }] }, // [rfc] generic prompts, no banner
  { name: 'kvu-ap', oui: 'Cisco Meraki', count: 4, truth: ['Cisco Meraki', 'network', 'wireless access point', null], typeAlso: ['access point'], aliases: ['Meraki', 'Cisco'], know: 'vct', stack: 'v4', ttl: 'embedded',
    talk: [dhcp(PRL_MERAKI, 'MERAKI')] }, // [satori]
  // ---- servers (VMs: locally administered MACs). The DC is dual-stack (DHCPv4, DHCPv6 and DNS); the interface engine,
  // the registration system and the research workstation are IPv6-only; the PACS is dual-stack (old modalities store
  // over IPv4, the engine and research over IPv6).
  { name: 'kvu-dc01', oui: 'local', count: 1, truth: [null, 'it', 'server', 'srv2022'], know: 'cto', stack: 'dual', ttl: 'win', dhcpServer: true,
    talk: [http('kvu-ws23-01', 'Microsoft-IIS/10.0', true)] }, // [satori] web.xml; answers NTLM with its build
  { name: 'kvu-hl7ie01', oui: 'local', count: 1, truth: [null, 'clinical-system', null, 'ubuntu2204'], know: 'o', stack: 'v6', ttl: 'linux',
    talk: [{ kind: 'ssh-server', from: 'kvu-biomed01', server: 'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6', client: 'SSH-2.0-PuTTY_Release_0.80', v6: true },
      { kind: 'hl7', to: 'kvu-pacs01', v6: true }] }, // [satori] ssh.xml; [hl7wiki] forwards the admissions to the imaging centre's RIS/PACS
  { name: 'kvu-reg01', oui: 'local', count: 1, truth: [null, 'clinical-system', null, 'srv2022'], know: 'o', stack: 'v6', ttl: 'win',
    talk: [{ kind: 'smb', user: 'svc-reg', v6: true }, { kind: 'hl7', to: 'kvu-hl7ie01', v6: true }] }, // [hl7wiki] the registration system
  { name: 'kvu-pacs01', oui: 'local', count: 1, truth: [null, 'imaging-infrastructure', 'PACS', 'ubuntu2204'], know: 'ct', stack: 'dual', ttl: 'linux',
    dicomScp: { ae: 'KVUPACS', implUid: '1.2.40.0.13.1.3', implVersion: 'dcm4che-5.25.1' }, talk: [] }, // [dcm4che]
  { name: 'kvu-nms01', oui: 'local', count: 1, truth: [null, 'it', null, null], know: '', stack: 'v4', ttl: 'linux', talk: [] },
  { name: 'kvu-pumpsrv01', oui: 'local', count: 1, truth: [null, null, null, null], know: '', stack: 'v4', ttl: 'win', talk: [] },
  { name: 'kvu-cstation01', oui: 'local', count: 1, truth: [null, null, null, null], know: '', stack: 'v4', ttl: 'win', talk: [] },
  // ---- imaging: GE LOGIQ ultrasounds (IPv4, store to the PACS), an Agfa NX workstation that only echoes, a research
  // workstation on DCMTK 3.6.5 storing CT over IPv6.
  { name: 'kvu-us', oui: 'GE Healthcare', count: 2, truth: ['GE HealthCare', 'imaging', 'ultrasound', null], typeAlso: ['ultrasound system', 'ultrasound scanner'], aliases: ['GE Healthcare', 'GE Medical Systems', 'GE'], know: 'vct', stack: 'v4', ttl: 'linux',
    talk: [{ kind: 'dicom', to: 'kvu-pacs01', ae: 'XY1US3', implUid: '1.2.840.113619.6.323', implVersion: 'LOGIQS8_1', sop: US, ds: { modality: 'US' } }] }, // [logiq]
  { name: 'kvu-nx01', oui: 'AGFA', count: 1, truth: ['Agfa', 'imaging', null, null], aliases: ['AGFA', 'Agfa HealthCare', 'Agfa-Gevaert'], know: 'v', stack: 'v4', ttl: 'win',
    talk: [{ kind: 'dicom', to: 'kvu-pacs01', ae: 'NX_DEFAULT', implUid: '1.3.51.0.1.3', implVersion: 'AGFA DTF1.0.95', sop: null, ds: null }] }, // [nx] C-ECHO only
  { name: 'kvu-research01', oui: 'local', count: 1, truth: [null, null, null, 'ubuntu2204'], know: '', stack: 'v6', ttl: 'linux',
    talk: [{ kind: 'dicom', to: 'kvu-pacs01', ae: 'RSRCH_WS1', implUid: '1.2.276.0.7230010.3.0.3.6.5', implVersion: 'OFFIS_DCMTK_365', sop: CT, ds: { modality: 'CT' }, v6: true }] }, // [dcmtk]
  // ---- bedside (IPv4 only): Spacelabs monitors stream to the central station (polled with public, never answer);
  // Baxter pumps talk to their server. No product string sourced: ports illustrative.
  { name: 'kvu-mon', oui: 'SPACELABS MEDICAL', count: 6, truth: ['Spacelabs', null, null, null], aliases: ['SPACELABS MEDICAL', 'Spacelabs Healthcare'], know: 'v', stack: 'v4', ttl: 'embedded',
    talk: [udpTo('kvu-cstation01', 7010), snmp('public', false)] }, // port illustrative
  { name: 'kvu-pump', oui: 'Baxter International', count: 5, truth: ['Baxter', null, null, null], aliases: ['Baxter International', 'Baxter Healthcare'], know: 'v', stack: 'v4', ttl: 'embedded',
    talk: [tcpTo('kvu-pumpsrv01', 51243)] }, // port illustrative
  // ---- clinical IT: ward PCs on Windows 11 23H2 (ended), clinicians' Surface laptops on 24H2, a biomed PC, iPads.
  { name: 'kvu-ws23-', oui: 'Acer', count: 4, truth: ['Acer', 'it', 'workstation', 'win11_23h2'], aliases: ['ACER'], know: 'vctoe', stack: 'dual', ttl: 'win',
    talk: [dhcp(PRL_WIN10, 'MSFT 5.0'), dhcp6, { kind: 'smb', user: 'ward', v6: true }, { kind: 'dns6', name: 'settings-win.data.microsoft.example' }, { kind: 'tls-client', to: 'NAT64-UPDATE', version: '1.2', sni: 'settings-win.data.microsoft.example', v6: true }] }, // [satori]
  { name: 'kvu-lt24-', oui: 'Microsoft', count: 4, truth: ['Microsoft', 'it', 'workstation', 'win11_24h2'], typeAlso: ['laptop'], know: 'vcto', stack: 'dual', ttl: 'win',
    talk: [dhcp(PRL_WIN10, 'MSFT 5.0'), dhcp6, { kind: 'smb', user: 'clin', v6: true }, { kind: 'dns6', name: 'login.microsoftonline.example' }, { kind: 'tls-client', to: 'V6-SAAS', version: '1.2', sni: 'login.microsoftonline.example', v6: true }] }, // [satori]
  { name: 'kvu-biomed01', oui: 'Acer', count: 1, truth: ['Acer', 'it', 'workstation', 'win11_24h2'], aliases: ['ACER'], know: 'vcto', stack: 'dual', ttl: 'win',
    talk: [dhcp(PRL_WIN10, 'MSFT 5.0'), dhcp6, { kind: 'smb', user: 'biomed', v6: true }] }, // [satori]
  { name: 'kvu-ipad', oui: 'Apple', count: 4, truth: ['Apple', 'it', 'tablet', null], typeAlso: ['mobile device', 'mobile'], know: 'vct', stack: 'dual', ttl: 'linux',
    talk: [dhcp(PRL_IPAD), { kind: 'mdns6', names: ['_airplay._tcp.local', '_ipp._tcp.local'] }, { kind: 'tls-client', to: 'V6-SAAS', version: '1.2', sni: 'login.microsoftonline.example', v6: true }] }, // [satori]
  // ---- phones, printers
  { name: 'kvu-ciscophone', oui: 'Cisco Systems', count: 4, truth: ['Cisco', 'it', 'IP phone', null], typeAlso: ['VoIP phone', 'phone'], aliases: ['Cisco Systems'], know: 'vct', stack: 'v4', ttl: 'embedded',
    talk: [dhcp(PRL_CISCO_PHONE, 'Cisco Systems, Inc. IP Phone')] }, // [satori]
  { name: 'kvu-avaya', oui: 'Avaya', count: 3, truth: ['Avaya', 'it', 'IP phone', null], typeAlso: ['VoIP phone', 'phone'], know: 'vct', stack: 'v4', ttl: 'embedded',
    talk: [dhcp(PRL_AVAYA, 'ccp.avaya.com')] }, // [satori]
  { name: 'kvu-prn', oui: 'CANON', count: 2, truth: ['Canon', 'it', 'printer', null], aliases: ['CANON', 'Canon Inc'], know: 'vct', stack: 'dual', ttl: 'embedded',
    talk: [dhcp(PRL_CANON), http('kvu-ws23-01', 'CANON HTTP Server'), snmp('public', true), { kind: 'mdns6', names: ['_ipp._tcp.local'] }] }, // [satori]
];

/** Internet servers: one reached over NAT64 (an IPv4-only service behind 64:ff9b::/96), one native IPv6 service. */
export const INTERNET = [
  // 64:ff9b::142a:415c is 20.42.65.92 (the address the fifth family used) in the well-known prefix [rfc].
  { name: 'NAT64-UPDATE', ip: '64:ff9b::142a:415c', cert: { subject: [['CN', 'settings-win.data.microsoft.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2022']] } },
  // RFC 3849 documentation prefix: not this site's ULA, so the internet.
  { name: 'V6-SAAS', ip: '2001:db8:4f1e::443', cert: { subject: [['CN', 'login.microsoftonline.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS ECC CA 2023']] } },
];
