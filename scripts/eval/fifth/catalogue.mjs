// The fifth scenario family's devices: "St Brigid's Children's Cancer Centre" (sbc.example), a paediatric oncology
// centre on ONE flat /23 (10.72.0.0/23, mask 255.255.254.0: both halves are one broadcast domain) whose addresses a
// Windows Server 2016 domain controller hands out, seen on a SPAN of the access switch; a satellite infusion clinic
// reaches it over a site-to-site VPN that ends on the edge router and is source-NATed to one address of that router
// (several remote systems behind one address and one MAC). Written by someone who had not read wardwatch's rules or
// knowledge files, with makers none of the other four families use. Each device says only what such a device says on
// the wire; every product string cites the public source it was taken from, and where no source gives a string the
// device does not send one. `know` lists what a careful analyst could infer from the wire: v(endor) c(ategory) t(ype)
// o(s family) e(nd of life) — the held-out family's definition. `typeAlso`: a correct generic type. A null truth
// value is one this catalogue cannot vouch for: answers there are listed, not scored.
//
// Sources (cited by key below):
//  [oui]     IEEE MA-L registry (data/oui.json), for every MAC prefix (owner names exactly as the registry spells them).
//  [satori]  xnih/satori fingerprints, commit 73fa88fe6549 (https://github.com/xnih/satori, fingerprints/*.xml):
//            dhcp.xml "Ruckus H320/R510" (vendor class "Ruckus CPE", option 55 1,2,3,6,15,28,42,43,44), "Mitel IP
//            Phone" (vendor class "ipphone.mitel.com", option 55 1,3,6,12,42,44,51,54,58,59,128,66,120,129,130,131,
//            132,133,134,135,138,125,43), "Xerox Printer" (vendor class "Xerox Phaser", option 55
//            1,3,28,6,15,44,46,69,12,81), "Lexmark Printer" (option 55 1,3,7,12,26,44,51,54,58,59, no vendor class),
//            "Windows 10" (vendor class "MSFT 5.0", option 55 1,3,6,15,31,33,43,44,46,47,119,121,249,252);
//            web.xml "Lexmark Printer" (Server "Lexmark_Web_Server"), "Perle ioLAN SDS2" (Server "mini_httpd/1.23"),
//            "Crestron" (Server "Crestron Webserver"), "Windows CE 7" (Server "Microsoft-WinCE/7.00"), "Windows Server
//            2016" (Server "Microsoft-IIS/10.0"); smb.xml "Windows 7 SP1" (NativeOS "Windows 7 Enterprise 7601
//            Service Pack 1", NativeLanMan "Windows 7 Enterprise 6.1"), "Windows XP SP3" (NativeOS "Windows 2002
//            Service Pack 3 2600", NativeLanMan "Windows 2002 5.1"); ssh.xml "Ubuntu - OpenSSH 8.2p1"
//            ("SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.11"), "PuTTY 0.80" ("SSH-2.0-PuTTY_Release_0.80").
//  [unk-ct]  knopkem/dicomweb-pacs (https://github.com/knopkem/dicomweb-pacs/issues/47), a user's association
//            log: an unidentified application, calling AE "AETITLE", called AE "DICOMWEB_PACS", CT C-STORE,
//            implementation "1.3.6.1.4.1.25403.1.1.1" / "Dicom 0.1" (the UID root has no public owner).
//  [broker]  pydicom/pynetdicom (https://github.com/pydicom/pynetdicom/issues/240): an SCP answering as
//            called AE "ANY-SCP" with implementation "1.2.124.113532.3320" / "BROKER992.0" (owner of the root not
//            public; historically a Mitra/Agfa broker, unverified).
//  [pnd157]  pydicom/pynetdicom (https://github.com/pydicom/pynetdicom/issues/791): pynetdicom 1.5.7 as SCP,
//            "1.2.826.0.1.3680043.9.3811.1.5.7" / "PYNETDICOM_157".
//  [hl7-adt] nDPI test capture tests/cfgs/default/pcap/hl7.pcap (ntop/nDPI): ADT^A01 v2.3, MSH-3
//            "SENDING_APPLICATION", MSH-4 "SENDING_FACILITY", MSH-5 "RECEIVING_APPLICATION", MSH-6
//            "RECEIVING_FACILITY", and its ACK.
//  [ms]      Microsoft lifecycle (https://learn.microsoft.com/lifecycle/products/): Windows XP ended 2014-04-08;
//            Windows 7 Enterprise 2020-01-14 (ESU year 3 to 2023-01-10); Windows Embedded Compact 7 2021-04-13;
//            Windows Server 2016 2027-01-12 (10.0.14393 is also Windows 10 1607, long ended: the NTLM build alone does
//            not decide); Windows 10 Enterprise LTSC 2019 2029-01-09 (10.0.17763 is also Windows 10 1809, ended).
//  [rfc]     Protocol behaviour only: DHCP (RFC 2131) from a Windows server on a /23, DNS (RFC 1035), LLDP (IEEE
//            802.1AB) router capability, Telnet (RFC 854) login, SNMP v2c (RFC 3416), TLS 1.0 (RFC 2246) / 1.2,
//            source NAT of a site-to-site VPN (RFC 3022), DICOM Modality Worklist (PS3.4 K.6).

/** OS as the truth knows it; supportEnd per [ms] (absent: the wire cannot tell the edition that decides it). */
export const OS = {
  winxp: { family: 'Windows', version: '5.1.2600', label: 'Windows XP SP3', supportEnd: '2014-04-08' },
  win7: { family: 'Windows', version: '6.1.7601', label: 'Windows 7 Enterprise SP1', supportEnd: '2023-01-10' },
  wince7: { family: 'Windows CE', version: '7.0', label: 'Windows Embedded Compact 7', supportEnd: '2021-04-13' },
  srv2016: { family: 'Windows', version: '10.0.14393', label: 'Windows Server 2016' },
  win10ltsc: { family: 'Windows', version: '10.0.17763', label: 'Windows 10 Enterprise LTSC 2019' },
  ubuntu: { family: 'Linux', label: 'Ubuntu 20.04' },
};

/** The flat /23: every host is on one subnet; `low` hosts get 10.72.0.x, `high` ones 10.72.1.x. */
export const LAN = { mask: '255.255.254.0', gateway: '10.72.0.1', broadcast: '10.72.1.255', low: '10.72.0', high: '10.72.1', nat: '10.72.1.254' };

const PRL_RUCKUS = [1, 2, 3, 6, 15, 28, 42, 43, 44]; // [satori] Ruckus H320/R510
const PRL_MITEL = [1, 3, 6, 12, 42, 44, 51, 54, 58, 59, 128, 66, 120, 129, 130, 131, 132, 133, 134, 135, 138, 125, 43]; // [satori] Mitel IP Phone
const PRL_XEROX = [1, 3, 28, 6, 15, 44, 46, 69, 12, 81]; // [satori] Xerox Printer
const PRL_LEXMARK = [1, 3, 7, 12, 26, 44, 51, 54, 58, 59]; // [satori] Lexmark Printer
const PRL_WIN10 = [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252]; // [satori] Windows 10
const dhcp = (prl, vendorClass = null) => ({ kind: 'dhcp', prl, vendorClass });
const http = (from, server) => ({ kind: 'http-server', from, server, title: null });
const tcpTo = (to, port) => ({ kind: 'tcp-stream', to, port });
const udpTo = (to, port) => ({ kind: 'udp-stream', to, port });
const snmp = (community, answers) => ({ kind: 'snmp', community, answers });
const smb1 = (user, nativeOs, nativeLanMan) => ({ kind: 'smb', user, smb1: { nativeOs, nativeLanMan } });
const CT = '1.2.840.10008.5.1.4.1.1.2';

/**
 * name, OUI owner [oui] ('local': locally administered, a VM's or a device whose NIC maker no source vouches for),
 * count, truth [vendor, category, type, OS key], know, half ('low'/'high' of the /23), stack, talk.
 */
export const KINDS = [
  // ---- network: the edge router (default gateway, VPN and NAT for the satellite clinic); LLDP names only itself.
  { name: 'sbc-edge01', oui: 'Juniper Networks', count: 1, truth: ['Juniper Networks', 'network', 'router', null], typeAlso: ['firewall', 'gateway'], aliases: ['Juniper'], know: 'vct', half: 'low', stack: 'embedded', router: true,
    talk: [{ kind: 'lldp' }] }, // [rfc] router capability only, chassis MAC [oui]
  { name: 'sbc-ap', oui: 'Ruckus Wireless', count: 4, truth: ['Ruckus', 'network', 'wireless access point', null], typeAlso: ['access point'], aliases: ['Ruckus Wireless', 'CommScope'], know: 'vct', half: 'low', stack: 'embedded',
    talk: [dhcp(PRL_RUCKUS, 'Ruckus CPE')] }, // [satori]
  // ---- servers (VMs: locally administered MACs)
  { name: 'sbc-dc01', oui: 'local', count: 1, truth: [null, 'it', 'server', 'srv2016'], know: 'cto', half: 'low', stack: 'win', dhcpServer: true,
    talk: [http('sbc-biomed01', 'Microsoft-IIS/10.0')] }, // [satori] web.xml; DHCP + DNS server, answers NTLM with its build
  { name: 'sbc-his01', oui: 'local', count: 1, truth: [null, 'clinical-system', null, 'ubuntu'], know: 'o', half: 'low', stack: 'linux',
    talk: [{ kind: 'ssh-server', from: 'sbc-biomed01', server: 'SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.11', client: 'SSH-2.0-PuTTY_Release_0.80' }, { kind: 'hl7', to: 'sbc-vocsrv01' }] }, // [satori] ssh.xml; [hl7-adt] interface engine: ADT in from the clinic, out to the clinical comms server
  { name: 'sbc-wl01', oui: 'local', count: 1, truth: [null, 'imaging-infrastructure', null, null], know: 'c', half: 'low', stack: 'win',
    dicomScp: { ae: 'ANY-SCP', implUid: '1.2.124.113532.3320', implVersion: 'BROKER992.0' }, talk: [] }, // [broker] worklist broker, known only by its role
  { name: 'sbc-pacs01', oui: 'local', count: 1, truth: [null, 'imaging-infrastructure', 'PACS', null], know: 'ct', half: 'low', stack: 'linux',
    dicomScp: { ae: 'DICOMWEB_PACS', implUid: '1.2.826.0.1.3680043.9.3811.1.5.7', implVersion: 'PYNETDICOM_157' }, talk: [] }, // [pnd157] research archive receiving CT
  { name: 'sbc-ventgw01', oui: 'local', count: 1, truth: [null, null, null, null], know: '', half: 'low', stack: 'win', talk: [] },
  { name: 'sbc-vocsrv01', oui: 'local', count: 1, truth: [null, null, null, null], know: '', half: 'low', stack: 'linux', talk: [] },
  { name: 'sbc-ncsrv01', oui: 'local', count: 1, truth: [null, null, null, null], know: '', half: 'low', stack: 'win', talk: [] },
  { name: 'sbc-nms01', oui: 'local', count: 1, truth: [null, 'it', null, null], know: '', half: 'low', stack: 'linux', talk: [] },
  // ---- radiotherapy and imaging: a CT simulator whose software names no maker, a planning workstation on Windows 7
  // (Supermicro board, SMBv1), an old device on Windows XP (Hitachi High-Technologies NIC, SMBv1).
  { name: 'sbc-ctsim01', oui: 'local', count: 1, truth: [null, 'imaging', 'CT scanner', null], know: '', half: 'high', stack: 'linux',
    talk: [{ kind: 'worklist', to: 'sbc-wl01', ae: 'AETITLE', implUid: '1.3.6.1.4.1.25403.1.1.1', implVersion: 'Dicom 0.1' },
      { kind: 'dicom', to: 'sbc-pacs01', ae: 'AETITLE', implUid: '1.3.6.1.4.1.25403.1.1.1', implVersion: 'Dicom 0.1', sop: CT, ds: { modality: 'CT' } }] }, // [unk-ct]
  { name: 'sbc-tps01', oui: 'Super Micro Computer', count: 1, truth: ['Supermicro', null, null, 'win7'], aliases: ['Super Micro Computer', 'Super Micro'], know: 'voe', half: 'high', stack: 'win',
    talk: [smb1('physics', 'Windows 7 Enterprise 7601 Service Pack 1', 'Windows 7 Enterprise 6.1')] }, // [satori] smb.xml
  { name: 'sbc-lab-xp01', oui: 'Hitachi High-Technologies', count: 1, truth: ['Hitachi High-Technologies', null, null, 'winxp'], aliases: ['Hitachi', 'Hitachi High-Tech'], know: 'voe', half: 'high', stack: 'win',
    talk: [smb1('labsvc', 'Windows 2002 Service Pack 3 2600', 'Windows 2002 5.1')] }, // [satori] smb.xml
  // ---- wards: serial bedside devices behind Perle device servers (raw TCP to the ventilator gateway; biomed reads
  // one's web page and logs into another over Telnet), ventilators (Maquet NIC) on a vendor protocol, devices on
  // Windows Embedded Compact 7 (CareFusion NIC) that show a web page and call their vendor's cloud over TLS 1.0.
  { name: 'sbc-perle', oui: 'PERLE SYSTEMS', count: 3, truth: ['Perle', null, null, null], aliases: ['PERLE SYSTEMS', 'Perle Systems'], know: 'v', half: 'high', stack: 'embedded',
    talk: [tcpTo('sbc-ventgw01', 10001)] }, // port illustrative (a device server's raw TCP port)
  { name: 'sbc-perle-web', oui: 'PERLE SYSTEMS', count: 1, truth: ['Perle', null, null, null], aliases: ['PERLE SYSTEMS', 'Perle Systems'], know: 'v', half: 'high', stack: 'embedded',
    talk: [tcpTo('sbc-ventgw01', 10001), http('sbc-biomed01', 'mini_httpd/1.23'), { kind: 'telnet-server', from: 'sbc-biomed01', user: 'admin', password: 'Sbc-ward4' }] }, // [satori] web.xml; generic Telnet prompts
  { name: 'sbc-vent', oui: 'Maquet Critical Care', count: 4, truth: ['Getinge', null, null, null], aliases: ['Maquet', 'Maquet Critical Care'], know: 'v', half: 'high', stack: 'embedded',
    talk: [tcpTo('sbc-ventgw01', 5001)] }, // port illustrative; no product string sourced
  { name: 'sbc-ce7', oui: 'Carefusion', count: 2, truth: ['CareFusion', null, null, 'wince7'], aliases: ['Carefusion', 'BD', 'Becton Dickinson'], know: 'voe', half: 'high', stack: 'embedded',
    talk: [http('sbc-biomed01', 'Microsoft-WinCE/7.00')] }, // [satori] web.xml
  { name: 'sbc-ce7-cl', oui: 'Carefusion', count: 1, truth: ['CareFusion', null, null, 'wince7'], aliases: ['Carefusion', 'BD', 'Becton Dickinson'], know: 'voe', half: 'high', stack: 'embedded',
    talk: [http('sbc-biomed01', 'Microsoft-WinCE/7.00'), { kind: 'tls-client', to: 'VENDOR-CLOUD', version: '1.0', sni: null }] }, // [satori] web.xml
  // ---- clinical communications: Vocera badges (polled with public, never answer), Rauland nurse call (answers public)
  { name: 'sbc-badge', oui: 'Vocera Communications', count: 4, truth: ['Vocera', null, null, null], aliases: ['Vocera Communications'], know: 'v', half: 'high', stack: 'embedded',
    talk: [udpTo('sbc-vocsrv01', 5002), snmp('public', false)] }, // port illustrative
  { name: 'sbc-nc', oui: 'RAULAND-BORG', count: 2, truth: ['Rauland', null, null, null], aliases: ['RAULAND-BORG', 'Rauland-Borg'], know: 'v', half: 'high', stack: 'embedded',
    talk: [tcpTo('sbc-ncsrv01', 8200), snmp('public', true)] }, // port illustrative; answers sysName only
  // ---- offices, nurse stations, facilities
  { name: 'sbc-ns', oui: 'Elo touch solutions', count: 5, truth: ['Elo Touch', 'it', 'workstation', 'win10ltsc'], aliases: ['Elo touch solutions', 'Elo'], know: 'vcto', half: 'low', stack: 'win',
    talk: [dhcp(PRL_WIN10, 'MSFT 5.0'), { kind: 'smb', user: 'nurse' }, { kind: 'dns', to: 'sbc-dc01', name: 'settings-win.data.microsoft.example' }, { kind: 'tls-client', to: 'WIN-UPDATE', version: '1.2', sni: 'settings-win.data.microsoft.example' }] }, // [satori]
  { name: 'sbc-biomed01', oui: 'Elo touch solutions', count: 1, truth: ['Elo Touch', 'it', 'workstation', 'win10ltsc'], aliases: ['Elo touch solutions', 'Elo'], know: 'vcto', half: 'low', stack: 'win',
    talk: [dhcp(PRL_WIN10, 'MSFT 5.0'), { kind: 'smb', user: 'biomed' }] }, // [satori]
  { name: 'sbc-phone', oui: 'Mitel Networks', count: 5, truth: ['Mitel', 'it', 'IP phone', null], typeAlso: ['VoIP phone', 'phone'], aliases: ['Mitel Networks'], know: 'vct', half: 'high', stack: 'embedded',
    talk: [dhcp(PRL_MITEL, 'ipphone.mitel.com')] }, // [satori]
  { name: 'sbc-prn-lx', oui: 'LEXMARK INTERNATIONAL', count: 2, truth: ['Lexmark', 'it', 'printer', null], aliases: ['LEXMARK INTERNATIONAL', 'Lexmark International'], know: 'vct', half: 'low', stack: 'embedded',
    talk: [dhcp(PRL_LEXMARK), http('sbc-biomed01', 'Lexmark_Web_Server')] }, // [satori]
  { name: 'sbc-prn-xr', oui: 'Xerox', count: 1, truth: ['Xerox', 'it', 'printer', null], aliases: ['XEROX'], know: 'vct', half: 'low', stack: 'embedded',
    talk: [dhcp(PRL_XEROX, 'Xerox Phaser')] }, // [satori]
  { name: 'sbc-av01', oui: 'CRESTRON ELECTRONICS', count: 1, truth: ['Crestron', 'iot', null, null], aliases: ['CRESTRON ELECTRONICS', 'Crestron Electronics'], know: 'v', half: 'low', stack: 'embedded',
    talk: [http('sbc-biomed01', 'Crestron Webserver')] }, // [satori] web.xml: tumour-board room AV controller
];

/** Internet servers (reached through the edge router; illustrative .example names, no vendor strings). */
export const INTERNET = [
  { name: 'WIN-UPDATE', ip: '20.42.65.92', cert: { subject: [['CN', 'settings-win.data.microsoft.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2022']] } },
  { name: 'VENDOR-CLOUD', ip: '52.174.60.24', cert: { subject: [['CN', 'service.infusion-vendor.example']], issuer: [['CN', 'Example Device CA']] } },
];
