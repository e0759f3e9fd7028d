// The third scenario family's devices: a routed campus ("Eastbrook Regional", ebrh.example) written by someone who had
// not read wardwatch's rules or knowledge files, with makers and products neither other family uses. Each device says
// only what such a device says on the wire; every product string cites the public source it was taken from, and where
// no source gives a string the device does not send one. `know` lists the attributes a careful analyst could infer
// from the wire: v(endor) c(ategory) t(ype) o(s family) e(nd of life) — the held-out family's definition. `also`:
// other right vendor answers; `typeAlso`: a correct generic type. A null truth value is one this catalogue cannot
// vouch for: answers there are listed, not scored. Serial numbers inside sourced strings are varied.
//
// Sources (cited by key below):
//  [oui]      IEEE MA-L registry (data/oui.json), for every MAC prefix.
//  [lldp-smc] Zeek test trace testing/btest/Traces/lldp.pcap (zeek/zeek a13de64fbbdb): LLDP from an SMC switch,
//             system name "SMCGS8P-Smart", description "SMCGS8P-Smart - SMCGS8P-Smart v3.20", port "Port #1",
//             capabilities 0x0004 (bridge), chassis MAC 00:22:2d (SMC Networks).
//  [ros]      LibreNMS tests/snmpsim/routeros.snmprec (librenms/librenms 150935935e70): MikroTik RouterOS answers
//             sysDescr "router" (its default), sysObjectID 1.3.6.1.4.1.14988.1.
//  [eaton]    LibreNMS tests/snmpsim/eatonups.snmprec (librenms/librenms 0c751a93): sysDescr "ConnectUPS Web/SNMP Card
//             V4.38", sysObjectID 1.3.6.1.4.1.534.1.
//  [hl7-cmn]  Comen NC-series monitor ORU^R01 v2.6: MSH-3 "NC_Monitor", MSH-4 the monitor's serial
//             ("KC261551373G"), OBR-4 "1^MON_PARAM^99COMEN", IEEE 11073 MDC codes in OBX-3 (a public PHP test sender,
//             extracted as comen_nc_monitor_oru_r01.hl7 in the project's shared corpus).
//  [astm-gx]  Cepheid GeneXpert ASTM upload: H record "H|@^\|URM-…||<serial> <site>^GeneXpert^4.8|||||<LIS>||P|1394-97|…",
//             result sender "Cepheid-44413S0^…" (senaite/senaite.astm src/senaite/astm/tests/data/genexpert.txt,
//             b701c1893ce8).
//  [vidas]    bioMérieux mini VIDAS result message "mtrsl|pi|pn|si|ciZ1G021SCR|rtHBCT|rnAnti-HBc Total II|tt18:35|
//             td10/25/24|qlPositif|qn0.05|" framed STX…GS (senaite.astm tests/data/mini_vidas.txt).
//  [spot]     Arkray SPOTCHEM EL result print "24/10/29 13:08 ID# 1DC042FP   [B. Plasma] Na 131 mmol/L K 9.7 mmol/L
//             Cl 96 mmol/L" framed STX…ETX (senaite.astm tests/data/spotchem_el.txt).
//  [dcm-obs]  DICOM associations quoted in public issue logs: Samsung Medison ultrasound implementation
//             "1.2.410.200001.101.11.801" / "V8", Modality Worklist C-FIND (pydicom/pynetdicom#791); a United Imaging CT
//             (AE "UIH_CT") presenting DCMTK's identity "1.2.276.0.7230010.3.0.3.6.5" / "OFFIS_DCMTK_365"
//             (fo-dicom/fo-dicom#1222); Conquest DICOM server "1.2.826.0.1.3680043.2.135.1066.101" / "1.5.0/WIN32" as SCP
//             (knopkem/dicomweb-proxy#123).
//  [satori]   xnih/satori fingerprints: dhcp.xml "Ricoh Printer" (vendor class "RicohPrinter"), "Polycom Studio X70"
//             (vendor class "Poly-StudioX70", option 55 1,33,3,6,15,28,42,51,58,59,66,160, options 53,57,60,12,145,55);
//             web.xml Ricoh/Savin "RICOH SERVER/1.0"; ssh.xml "SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6".
//  [nm]       Zeek test trace dhcp/dhcp_time_and_nameserver.pcap: a Linux NetworkManager client's option 55
//             1,28,2,3,15,6,119,12,44,47,26,121,42,4,5,249,33,252.
//  [ms]       Microsoft lifecycle: Windows 11 23H2 ended 2025-11-11 (Home/Pro) and 2026-11-10 (Enterprise/Education);
//             24H2 ends 2026-10-13 (Home/Pro) and 2027-10-12 (Enterprise): the edition, never on the wire, decides.
//             Server 2016 2027-01-12, 2019 2029-01-09, 2022 2031-10-14 (extended support).
//  [rfc]      Protocol behaviour only: DHCP relay (RFC 1542 §4: giaddr, relay to server), mDNS over IPv6 link-local
//             (RFC 6762 §5, ff02::fb), RTSP on 554 (RFC 2326).

/** OS as the truth knows it; supportEnd per [ms] (absent: the wire cannot tell the edition that decides it). */
export const OS = {
  win11_23h2: { family: 'Windows', version: '10.0.22631', label: 'Windows 11 23H2', supportEnd: '2026-11-10' },
  win11_24h2: { family: 'Windows', version: '10.0.26100', label: 'Windows 11 24H2' },
  srv2016: { family: 'Windows', version: '10.0.14393', label: 'Windows Server 2016', supportEnd: '2027-01-12' },
  srv2019: { family: 'Windows', version: '10.0.17763', label: 'Windows Server 2019', supportEnd: '2029-01-09' },
  srv2022: { family: 'Windows', version: '10.0.20348', label: 'Windows Server 2022', supportEnd: '2031-10-14' },
  linux: { family: 'Linux' },
};

const PRL_NM = [1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42, 4, 5, 249, 33, 252]; // [nm]
const PRL_POLY = [1, 33, 3, 6, 15, 28, 42, 51, 58, 59, 66, 160]; // [satori] Polycom Studio X70

/** DHCP through the router's relay: seen on the access SPAN ('icu') as broadcast, on the uplink as relayed unicast. */
const dhcp = (prl, vendorClass = null, hostname = true) => ({ kind: 'dhcp', prl, vendorClass, hostname });
const smb = (os, user) => ({ kind: 'smb', os, user });
const US = '1.2.840.10008.5.1.4.1.1.6.1';
const CT = '1.2.840.10008.5.1.4.1.1.2';
const store = (implUid, implVersion, sop, modality, ae = null) => ({ kind: 'dicom', implUid, implVersion, sop, ds: { modality }, ae });
const mwl = (implUid, implVersion, ae = null) => ({ kind: 'dicom-mwl', implUid, implVersion, ae });
const hl7 = (to, msh3, msh4) => ({ kind: 'hl7', to, msh3, msh4 });
const snmpSys = (community, sysDescr, sysObjectId) => ({ kind: 'snmp-sys', community, sysDescr, sysObjectId });
const snmp = (community, answers) => ({ kind: 'snmp', community, answers });
const tcpTo = (to, port) => ({ kind: 'tcp-stream', to, port });

/**
 * name, OUI owner [oui] (null: behind the core router, its MAC never crosses the uplink; 'local': a locally
 * administered address, no registry owner can be vouched for), count, truth [vendor, category, type, OS key], know,
 * zone ('icu': the SPANned access switch, seen whole; 'server' | 'lab' | 'imaging' | 'office': seen only on the core
 * uplink, frames carry the router's MAC), stack, talk.
 */
export const KINDS = [
  // ---- network: the core router (MikroTik) routes every /24; the ICU access switch (SMC) is the one SPANned
  { name: 'c0-core-rt01', oui: 'Routerboard.com', count: 1, truth: ['MikroTik', 'network', 'router', null], aliases: ['Routerboard.com', 'Routerboard'], know: 'vct', zone: 'icu', stack: 'embedded',
    talk: [snmpSys('public', 'router', '1.3.6.1.4.1.14988.1')] }, // [ros]
  { name: 'w3-icu-sw01', oui: 'SMC Networks', count: 1, truth: ['SMC Networks', 'network', 'network switch', null], typeAlso: ['switch'], aliases: ['SMC'], know: 'vct', zone: 'icu', stack: 'embedded',
    talk: [{ kind: 'lldp', systemName: 'SMCGS8P-Smart', systemDescription: 'SMCGS8P-Smart - SMCGS8P-Smart v3.20', portId: '1', portDescription: 'Port #1' }] }, // [lldp-smc]
  // ---- ICU (access switch SPAN)
  { name: 'w3-icu-mon', oui: 'local', count: 8, truth: ['Comen', 'patient-monitoring', 'patient monitor', null], aliases: ['Shenzhen Comen Medical Instruments', 'Comen Medical'], know: 'vct', zone: 'icu', stack: 'embedded',
    talk: [hl7('c0-srv-hl7a', 'NC_Monitor', 'KC2615{SERIAL}G')] }, // [hl7-cmn]
  { name: 'w3-icu-pmp', oui: 'TERUMO', count: 6, truth: ['Terumo', 'infusion', 'infusion pump', null], know: 'v', zone: 'icu', stack: 'embedded',
    talk: [tcpTo('c0-srv-pmps', 7001), snmp('public', false)] }, // proprietary stream (port illustrative); the NMS's poll is never answered
  { name: 'w3-icu-bed', oui: 'Hill-Rom', count: 4, truth: ['Hill-Rom', null, null, null], aliases: ['Hillrom', 'Baxter'], know: 'v', zone: 'icu', stack: 'embedded', talk: [tcpTo('c0-srv-navi', 7500)] }, // port illustrative
  { name: 'w3-icu-vc01', oui: 'Polycom', count: 1, truth: ['Polycom', 'iot', 'video conferencing', null], aliases: ['Poly', 'HP'], know: 'vct', zone: 'icu', stack: 'linux',
    talk: [dhcp(PRL_POLY, 'Poly-StudioX70')] }, // [satori]
  { name: 'w3-icu-cam', oui: 'Hangzhou Hikvision Digital Technology Co.,Ltd.', count: 2, truth: ['Hikvision', 'iot', 'IP camera', null], aliases: ['Hangzhou Hikvision Digital Technology'], know: 'v', zone: 'icu', stack: 'linux',
    talk: [{ kind: 'rtsp-pull', from: 'c0-srv-nvr01' }, snmp('public', true)] }, // [rfc] RTSP 554, opaque
  { name: 'w3-icu-ws', oui: 'Fujitsu Client Computing', count: 2, truth: ['Fujitsu', 'it', 'workstation', 'linux'], aliases: ['Fujitsu Client Computing'], know: 'vo', zone: 'icu', stack: 'linux',
    talk: [dhcp(PRL_NM), { kind: 'mdns6' }] }, // [nm]; IPv6 link-local mDNS as well [rfc]
  // IPv6 link-local only: a wall display that never takes an IPv4 address.
  { name: 'w3-icu-disp01', oui: 'Raspberry Pi Trading', count: 1, truth: ['Raspberry Pi', null, null, null], aliases: ['Raspberry Pi Trading', 'Raspberry Pi Foundation'], know: 'v', zone: 'icu', stack: 'linux', v6only: true, talk: [{ kind: 'mdns6' }] },
  // ---- servers (core uplink)
  { name: 'c0-srv-dhcp01', oui: null, count: 1, truth: [null, 'it', 'server', 'linux'], know: 'cto', zone: 'server', stack: 'linux', ssh: 'SSH-2.0-OpenSSH_8.9p1 Ubuntu-3ubuntu0.6', talk: [{ kind: 'ssh-server', from: 'c3-adm-it01' }] }, // [satori]; the DHCP server of every relay
  { name: 'c0-srv-nms01', oui: null, count: 1, truth: [null, 'it', 'server', 'linux'], know: '', zone: 'server', stack: 'linux', talk: [] },
  { name: 'c0-srv-dc01', oui: null, count: 1, truth: [null, 'it', 'server', 'srv2022'], know: 'toe', zone: 'server', stack: 'win', talk: [] }, // answers NTLM with its own version
  { name: 'c0-srv-hl7a', oui: null, count: 1, truth: [null, 'clinical-system', null, null], know: '', zone: 'server', stack: 'linux', talk: [] }, // receives the monitors' ORU; engine or central station is not on the wire
  { name: 'c0-srv-lis01', oui: null, count: 1, truth: [null, 'clinical-system', 'laboratory information system', 'srv2016'], know: 'cto', zone: 'server', stack: 'win', talk: [smb('srv2016', 'svc-lis')] }, // NTLM 10.0.14393 is also Windows 10 LTSB 2016 (ended 2026-10-13 [ms]): end of life not knowable
  { name: 'c0-srv-pacs01', oui: null, count: 1, truth: [null, 'imaging-infrastructure', 'PACS', 'srv2019'], aliases: ['Conquest'], know: 'ctoe', zone: 'server', stack: 'win',
    dicomScp: { ae: 'EBPACS', implUid: '1.2.826.0.1.3680043.2.135.1066.101', implVersion: '1.5.0/WIN32' }, talk: [smb('srv2019', 'svc-pacs')] }, // [dcm-obs]
  { name: 'c0-srv-pmps', oui: null, count: 1, truth: [null, 'infusion', null, null], know: '', zone: 'server', stack: 'win', talk: [] },
  { name: 'c0-srv-navi', oui: null, count: 1, truth: [null, null, null, null], know: '', zone: 'server', stack: 'linux', talk: [] },
  { name: 'c0-srv-nvr01', oui: null, count: 1, truth: [null, 'iot', null, null], know: '', zone: 'server', stack: 'linux', talk: [] },
  { name: 'c0-srv-ups01', oui: null, count: 1, truth: ['Eaton', 'it', 'UPS', null], know: 'vct', zone: 'server', stack: 'embedded',
    talk: [snmpSys('public', 'ConnectUPS Web/SNMP Card V4.38', '1.3.6.1.4.1.534.1')] }, // [eaton]
  // ---- laboratory (core uplink): results to the LIS
  { name: 'c1-lab-gx01', oui: null, count: 1, truth: ['Cepheid', 'laboratory', 'molecular analyzer', null], typeAlso: ['laboratory analyzer'], aliases: ['Danaher'], know: 'vct', zone: 'lab', stack: 'win',
    talk: [{ kind: 'astm', header: 'H|@^\\|URM-8lT4abZA-06||{SERIAL} Eastbrook^GeneXpert^4.8|||||LIS01||P|1394-97|{TS}', result: 'R|1|^MTB-RIF^^Xpert^Xpert MTB-RIF Ultra^4^MTB^|NOT DETECTED^|||||F||Lab Tech|{TS}|{TS}|Cepheid-44413S0^{SERIAL}^653624^831583371^56401^20250525C' }] }, // [astm-gx]
  { name: 'c1-lab-vid01', oui: null, count: 1, truth: ['bioMérieux', 'laboratory', 'immunoassay analyzer', null], typeAlso: ['laboratory analyzer'], aliases: ['bioMerieux', 'biomerieux'], know: '', zone: 'lab', stack: 'embedded',
    talk: [{ kind: 'raw-text', to: 'c0-srv-lis01', port: 5002, text: '\x02\x1emtrsl|\x1epi|\x1epn|\x1esi|\x1eciZ1G021SCR|\x1ertHBCT|\x1ernAnti-HBc Total II|\x1ett18:35|\x1etd10/25/24|\x1eqlPositif|\x1eqn0.05|\x1db0\r\n' }] }, // [vidas] port illustrative
  { name: 'c1-lab-spc01', oui: null, count: 1, truth: ['Arkray', 'laboratory', 'chemistry analyzer', null], typeAlso: ['laboratory analyzer'], know: 'c', zone: 'lab', stack: 'embedded',
    talk: [{ kind: 'raw-text', to: 'c0-srv-lis01', port: 5003, text: '\x0224/10/29 13:08 ID# 1DC042FP   [B. Plasma] Na       131  mmol/L K        9.7  mmol/L Cl        96  mmol/L              \x03\r\n' }] }, // [spot] port illustrative
  // ---- imaging (core uplink): modalities to the Conquest PACS
  { name: 'c2-rad-us01', oui: null, count: 1, truth: ['Samsung Medison', 'imaging', 'ultrasound', null], aliases: ['Medison', 'Samsung'], know: 'vct', zone: 'imaging', stack: 'embedded',
    talk: [mwl('1.2.410.200001.101.11.801', 'V8', 'MEDISON'), store('1.2.410.200001.101.11.801', 'V8', US, 'US', 'MEDISON')] }, // [dcm-obs]
  { name: 'c2-rad-ct01', oui: null, count: 1, truth: ['United Imaging Healthcare', 'imaging', 'CT scanner', null], aliases: ['United Imaging', 'UIH', 'Shanghai United Imaging Healthcare'], know: 'ct', zone: 'imaging', stack: 'linux',
    talk: [store('1.2.276.0.7230010.3.0.3.6.5', 'OFFIS_DCMTK_365', CT, 'CT', 'UIH_CT')], maybe: ['CVE-2022-2119', 'CVE-2022-2120', 'CVE-2022-2121'] }, // [dcm-obs]
  // ---- office (core uplink)
  { name: 'c3-adm-pc', oui: null, count: 5, truth: [null, 'it', 'workstation', 'win11_23h2'], know: 'ctoe', zone: 'office', stack: 'win', talk: [smb('win11_23h2', 'clerk')] },
  { name: 'c3-adm-lt', oui: null, count: 3, truth: [null, 'it', 'workstation', 'win11_24h2'], know: 'cto', zone: 'office', stack: 'win', talk: [smb('win11_24h2', 'clerk')] },
  { name: 'c3-adm-it01', oui: null, count: 1, truth: [null, 'it', 'workstation', 'win11_23h2'], know: 'ctoe', zone: 'office', stack: 'win', talk: [smb('win11_23h2', 'itadmin')] },
  // Ricoh printers: DHCP through the relay, seen on the uplink only as the relayed exchange (chaddr keeps their MAC).
  { name: 'c3-adm-prn', oui: 'RICOH', count: 2, truth: ['Ricoh', 'it', 'printer', null], aliases: ['RICOH COMPANY', 'Savin'], know: 'vct', zone: 'office', stack: 'embedded',
    talk: [dhcp(null, 'RicohPrinter'), { kind: 'http-server', from: 'c3-adm-it01', server: 'RICOH SERVER/1.0', title: null }] }, // [satori]; no option 55: the source gives none
];

/** Internet servers (through the router; illustrative .example names, no vendor strings). */
export const INTERNET = [
  { name: 'WIN-UPDATE', ip: '20.42.65.92', cert: { subject: [['CN', 'settings-win.data.microsoft.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2022']] } },
];
