// The held-out scenario's devices: a second hospital ("Northward", nwh.example) written without looking at
// wardwatch's rules or knowledge. Each device says only what such a device says on the wire; every product string
// below cites the public source it was taken from. `know` lists the attributes a careful analyst could infer from
// the wire: v(endor) c(ategory) t(ype) o(s family) e(nd of life). `also`: other vendor answers that are right too
// (the hardware maker of a server running a vendor's software); `typeAlso`: a correct generic type. A null truth
// value is one this catalogue cannot vouch for (e.g. whether a Varian DICOM sender is the planning system or a
// linac): answers there are listed, not scored. Serial numbers inside sourced strings are varied.
//
// Sources (cited by key below):
//  [oui]     IEEE MA-L registry (data/oui.json), for every MAC prefix.
//  [satori]  xnih/satori fingerprints (commit 73fa88fe6549): dhcp.xml option-55 lists and vendor classes, web.xml
//            Server headers, ssh.xml identification strings.
//  [ms]      Microsoft lifecycle data and NT build numbers (MicrosoftDocs lifecycle-data; endoflife.date windows.md).
//  [mirth]   public nmap scans of NextGen Mirth Connect (code search): http-title "Mirth Connect Administrator",
//            server Jetty, ssl-cert commonName=mirth-connect, "OpenSSH 9.2p1 Debian 2+deb12u7".
//  [astm-xn] Sysmex XN-L ASTM header "XN-350^00-14^13126^^^^AW618382 ... E1394-97" (public PHP ASTM library
//            sample; Sysmex "XN-L series ASTM Host Interface Specifications" cited by senaite.astm).
//  [astm-ar] Abbott "ARCHITECT^9.45^F3452430028^H1P1O1R1C1Q1L1" header and result records; Horiba Yumizen
//            "H550^909YAXH02732^1.2.1.4"; Bio-Rad "Bio-Rad|IH v5.1" (blutspende/go-astm e2e tests).
//  [astm-oc] Ortho "OCD^VISION^5.13.1.46935^J60009999" header (twgenaux/twgenaux.github.io
//            MessageFormats/MessageFormats.md, ORTHO VISION ASTM).
//  [astm-ro] Roche "cobas-e411^1|||||host|RSUPL^BATCH|P|1" header (public LIS driver code, cobas e 411).
//  [hl7-ro]  Roche cobas infinity: "MSH|^~\&|INFINITY^2.2|Roche Diagnostics|LIS|...|OML^O21^OML_O21|...|P|2.5"
//            (public code, MOS.LIS.RocheV3 sample messages).
//  [hl7-mr]  Mindray lab analysers: MSH-3 "Mindray", MSH-4 the model (BC-5380), ORU^R01 v2.3.1 (public LIS driver
//            code for Mindray BS/BC analysers).
//  [hl7-px]  Philips Xcelera: MSH-3 "PHILIPS", MSH-4 "XCELERA", ORU^R01 v2.3 (public interface code).
//  [hl7-sd]  SD Biosensor F2400: MSH-3 "<serial>^<EUI-64>^EUI-64", ORU^R01 v2.6 with MSH-21
//            "IHE_PCD_ORU_R01^IHE PCD^1.3.6.1.4.1.19376.1.6.4.1^ISO" (public POCT interface code).
//  [dicom]   implementation UIDs / names from DICOM files' meta headers: INFINITT "1.2.410.200010.99.3.5"
//            "INFINITT_3.5" (pydicom chrKoreanMulti.dcm); Varian "1.2.246.352.70.2.1.160.3" "DCIE 2.2" (fo-dicom
//            RI6XDosiGap.dcm); Merge "2.16.840.1.113669.2.1.1" "DCMstore 1.1" with Planmed instance UIDs
//            "2.16.840.1.113669.632.20" (fo-dicom GH364.dcm); "1.3.6.1.4.1.11157.4.5.2" "MultiTech msiCOM" with
//            Acuson instance root "1.2.840.113680.1.103" (fo-dicom DIRW0007); fo-dicom "1.3.6.1.4.1.30071.8"
//            "fo-dicom 5.0.1"; DCMTK "1.2.276.0.7230010.3.0.3.6.5" "OFFIS_DCMTK_365" (DCMTK dcuid.h pattern).
//  [csaf]    CISA ICSMA CSAF: ICSMA-19-022-01 (Dräger Infinity Delta, all versions), ICSMA-21-355-01 (Fresenius
//            Kabi Agilia Link+: management on TCP/80 without forced TLS, lighttpd web server), ICSMA-18-310-01
//            (Roche Accu-Chek Inform II).
//  [snmp-apc] APC Web/SNMP Management Card sysDescr examples (AP9630, AOS 6.5.0, "Embedded PowerNet SNMP Agent SW
//            v2.2 compatible") quoted in a public SNMP monitoring profile for APC devices (code search).
//  [smb]     satori smb.xml: NativeOS "Windows Embedded Standard 7601 Service Pack 1", NativeLanMan
//            "Windows Embedded Standard 6.1".

/** OS as the truth knows it; supportEnd per [ms]. */
export const OS = {
  win10: { family: 'Windows', version: '10.0.19045', label: 'Windows 10 22H2', supportEnd: '2025-10-14' },
  ltsc2021: { family: 'Windows', version: '10.0.19044', label: 'Windows 10 Enterprise LTSC 2021', supportEnd: '2027-01-12' },
  win7: { family: 'Windows', version: '6.1.7601', label: 'Windows 7 SP1', supportEnd: '2020-01-14' },
  wes7: { family: 'Windows', version: '6.1.7601', label: 'Windows Embedded Standard 7', supportEnd: '2020-10-13' },
  srv2012r2: { family: 'Windows', version: '6.3.9600', label: 'Windows Server 2012 R2', supportEnd: '2023-10-10' },
  srv2016: { family: 'Windows', version: '10.0.14393', label: 'Windows Server 2016', supportEnd: '2027-01-12' },
  srv2019: { family: 'Windows', version: '10.0.17763', label: 'Windows Server 2019', supportEnd: '2029-01-09' },
  linux: { family: 'Linux' },
  windows: { family: 'Windows' },
};

const PRL_WIN10 = [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252]; // [satori] Windows 10
const PRL_KYOCERA = [1, 3, 12, 6, 15, 23, 44, 47]; // [satori] "Kyocera Printer"
const PRL_BROTHER = [1, 3, 6, 12, 15, 28, 42, 40, 44, 46]; // [satori] "Brother Printer"
const PRL_AXIS = [1, 3, 6, 12, 15, 28, 42]; // [satori] Axis cameras
const PRL_IDRAC = [1, 3, 6, 12, 15, 28, 42, 43, 121, 249]; // [satori] "Dell iDrac"
const PRL_LINUX = [1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42]; // dhclient's default request list
const PRL_RTOS = [1, 3, 6, 15, 51, 58, 59]; // a small embedded stack: mask, router, DNS, domain, lease, T1, T2

const dhcp = (prl, vendorClass = null, hostname = true) => ({ kind: 'dhcp', prl, vendorClass, hostname });
const smb = (os, user, smb1 = null) => ({ kind: 'smb', os, user, smb1 });
const US = '1.2.840.10008.5.1.4.1.1.6.1';
const MG = '1.2.840.10008.5.1.4.1.1.1.2';
const RTPLAN = '1.2.840.10008.5.1.4.1.1.481.5';
const store = (implUid, implVersion, sop, instanceRoot, modality, manufacturer = '', model = '') => ({ kind: 'dicom', implUid, implVersion, sop, instanceRoot, ds: { modality, manufacturer, model } });
const echo = (implUid, implVersion) => ({ kind: 'dicom', implUid, implVersion, sop: null, instanceRoot: null, ds: null });
const hl7 = (to, msh3, msh4, type, version, body, msh21 = null) => ({ kind: 'hl7', to, msh3, msh4, type, version, body, msh21 });
const astm = (header) => ({ kind: 'astm', header });
const snmp = (community, answers) => ({ kind: 'snmp', community, answers });
const web = (from, server, title, extra = {}) => ({ kind: 'http-server', from, server, title, ...extra });
const tlsOut = (to, version, sni, minutes = 0) => ({ kind: 'tls-client', to, version, sni, minutes });
const tlsIn = (from) => ({ kind: 'tls-server', from });
const udpTo = (to, port) => ({ kind: 'udp-stream', to, port });
const tcpTo = (to, port) => ({ kind: 'tcp-stream', to, port });

/**
 * name, OUI owner [oui] (null: behind the router, its MAC never seen), count, truth, know, where ('flat' LAN seen
 * whole; 'imaging'/'office': VLANs seen only through the router's uplink), addressing ('dhcp' | 'static'), stack,
 * talk, and for some the server identity it presents (cert, ssh, DICOM implementation).
 */
export const KINDS = [
  // ---- infrastructure
  { name: 'NW-FW01', oui: 'Fortinet', count: 1, truth: ['Fortinet', 'network', 'router', null], know: 'vct', where: 'flat', addr: 'static', stack: 'embedded', talk: [snmp('nwh-n0c-ro', true)] },
  { name: 'NW-DC01', oui: 'VMware', count: 1, truth: ['VMware', 'it', 'server', 'srv2019'], also: ['Microsoft'], know: 'voe', where: 'flat', addr: 'static', stack: 'win', talk: [] },
  { name: 'NW-NMS01', oui: 'Dell', count: 1, truth: ['Dell', 'it', 'server', 'linux'], know: 'v', where: 'flat', addr: 'static', stack: 'linux', talk: [] },
  // NextGen Mirth Connect on a VM: admin page, its TLS certificate and SSH as [mirth] shows them.
  { name: 'NW-HL7-01', oui: 'VMware', count: 1, truth: ['NextGen Healthcare', 'clinical-system', 'HL7 interface engine', 'linux'], aliases: ['Mirth'], also: ['VMware'], know: 'vcto', where: 'flat', addr: 'static', stack: 'linux',
    cert: { subject: [['CN', 'mirth-connect']], issuer: [['CN', 'mirth-connect']] }, ssh: 'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u7',
    talk: [web('NW-ITADM01', 'Jetty', 'Mirth Connect Administrator'), tlsIn('NW-ITADM01'), { kind: 'ssh-server', from: 'NW-ITADM01' }] },
  { name: 'NW-LIS01', oui: 'Dell', count: 1, truth: ['Dell', 'clinical-system', 'laboratory information system', 'srv2012r2'], know: 'voe', where: 'flat', addr: 'static', stack: 'win', talk: [smb('srv2012r2', 'svc-lis')] },
  // INFINITT PACS software on a Dell server [dicom]: it answers associations with its own implementation.
  { name: 'NW-PACS01', oui: 'Dell', count: 1, truth: ['INFINITT Healthcare', 'imaging-infrastructure', 'PACS', 'srv2016'], also: ['Dell'], know: 'vctoe', where: 'flat', addr: 'static', stack: 'win',
    dicomScp: { ae: 'INFPACS', implUid: '1.2.410.200010.99.3.5', implVersion: 'INFINITT_3.5' }, talk: [smb('srv2016', 'svc-pacs')] },
  { name: 'NW-MEDNET01', oui: 'VMware', count: 1, truth: ['ICU Medical', 'infusion', 'infusion pump server', 'srv2019'], also: ['VMware'], know: 'voe', where: 'flat', addr: 'static', stack: 'win',
    cert: { subject: [['O', 'Northward Health'], ['CN', 'nw-mednet01.nwh.example']], issuer: [['O', 'Northward Health'], ['CN', 'NWH Issuing CA']] }, talk: [smb('srv2019', 'svc-mednet')] },
  // Dräger Infinity Gateway (Windows server): relays the Infinity network's vital signs as HL7 ORU with IEEE 11073
  // MDC codes and each monitor's EUI-64 in OBX-18; MSH-3 is the site's interface name, not a product string.
  { name: 'NW-IGW01', oui: 'Hewlett Packard', count: 1, truth: ['Dräger', 'patient-monitoring', 'patient monitor gateway', 'srv2016'], aliases: ['Draeger', 'Drägerwerk'], also: ['Hewlett Packard', 'HP'], know: 'ctoe', where: 'flat', addr: 'static', stack: 'win',
    talk: [hl7('NW-HL7-01', 'IGW_ICU', 'NWH_ICU', 'ORU^R01', '2.6', 'vitals'), smb('srv2016', 'svc-igw'), { kind: 'rdp', from: 'NW-BIOMED01', user: 'biomed' }] },
  { name: 'NW-CINF01', oui: 'VMware', count: 1, truth: ['Roche Diagnostics', 'laboratory', 'laboratory middleware', null], also: ['VMware'], know: 'vct', where: 'flat', addr: 'static', stack: 'linux',
    talk: [hl7('NW-LIS01', 'INFINITY^2.2', 'Roche Diagnostics', 'OML^O21^OML_O21', '2.5', 'order')] }, // [hl7-ro]
  { name: 'NW-ARIA01', oui: 'Dell', count: 1, truth: ['Varian Medical Systems', null, null, null], aliases: ['Varian'], know: 'v', where: 'flat', addr: 'static', stack: 'win',
    talk: [store('1.2.246.352.70.2.1.160.3', 'DCIE 2.2', RTPLAN, '1.2.246.352.71.5.4', 'RTPLAN')] }, // [dicom]
  // ---- workstations and IT on the flat LAN, and the office VLAN behind the router
  { name: 'NW-PC', oui: 'Hewlett Packard', count: 8, truth: ['HP', 'it', 'workstation', 'win10'], aliases: ['Hewlett Packard', 'Hewlett-Packard', 'HP Inc'], know: 'vctoe', where: 'flat', addr: 'dhcp', stack: 'win',
    talk: [dhcp(PRL_WIN10, 'MSFT 5.0'), smb('win10', 'nurse'), { kind: 'netbios' }] },
  { name: 'NW-BIOMED01', oui: 'Dell', count: 1, truth: ['Dell', 'it', 'workstation', 'win10'], know: 'vctoe', where: 'flat', addr: 'dhcp', stack: 'win', talk: [dhcp(PRL_WIN10, 'MSFT 5.0'), smb('win10', 'biomed'), { kind: 'netbios' }] },
  { name: 'NW-OFF', oui: null, count: 6, truth: ['Lenovo', 'it', 'workstation', 'win10'], know: 'ctoe', where: 'office', addr: 'static', stack: 'win', talk: [smb('win10', 'clerk')] },
  { name: 'NW-OFL', oui: null, count: 4, truth: ['Lenovo', 'it', 'workstation', 'ltsc2021'], know: 'cto', where: 'office', addr: 'static', stack: 'win', talk: [smb('ltsc2021', 'clerk')] }, // 19044 is also 21H2: EOL not knowable
  { name: 'NW-ITADM01', oui: null, count: 1, truth: ['Lenovo', 'it', 'workstation', 'ltsc2021'], know: 'cto', where: 'office', addr: 'static', stack: 'win', talk: [smb('ltsc2021', 'itadmin')] },
  { name: 'NW-PRN-K', oui: 'KYOCERA Document Solutions', count: 3, truth: ['Kyocera', 'it', 'printer', null], know: 'vct', where: 'flat', addr: 'dhcp', stack: 'embedded', talk: [dhcp(PRL_KYOCERA), snmp('public', true)] },
  { name: 'NW-PRN-B', oui: 'Brother industries', count: 2, truth: ['Brother', 'it', 'printer', null], know: 'vct', where: 'flat', addr: 'dhcp', stack: 'embedded',
    // Web Based Management logged into with Brother's published default password ("initpass" or "access": Brother
    // FAQ "What is the default password required to complete the firmware update?", brother.com.au).
    talk: [dhcp(PRL_BROTHER), web('NW-PC-01', 'Debut/0.07', null, { basic: { user: 'admin', password: 'access', isDefault: true } }), snmp('private', true)] }, // [satori] Brother Server header
  { name: 'NW-PRN-KM', oui: 'KONICA MINOLTA HOLDINGS', count: 2, truth: ['Konica Minolta', 'it', 'printer', null], know: 'v', where: 'flat', addr: 'dhcp', stack: 'embedded', talk: [dhcp(PRL_RTOS, null, false), snmp('public', false)] },
  // APC Smart-UPS network management cards: the NMS reads sysDescr with the factory community. [snmp-apc]
  { name: 'NW-UPS', oui: 'AMERICAN POWER CONVERSION', count: 2, truth: ['APC', 'it', 'UPS', null], aliases: ['American Power Conversion', 'Schneider Electric', 'APC by Schneider Electric'], know: 'vct', where: 'flat', addr: 'static', stack: 'embedded',
    talk: [{ kind: 'snmp-descr', community: 'public', sysDescr: 'APC Web/SNMP Management Card (MB:v4.1.0\tPF:v6.5.0\tPN:apc_hw05_aos_650.bin AF1:v6.5.0 AN1:apc_hw05_sumx_650.bin\tMN:AP9630\tHR:08\tSN: ZA17440{SERIAL}\tMD:10/30/2017) (Embedded PowerNet SNMP Agent SW v2.2 compatible)' }] },
  { name: 'NW-CAM', oui: 'AXIS COMMUNICATIONS', count: 3, truth: ['Axis Communications', 'iot', 'IP camera', 'linux'], know: 'vct', where: 'flat', addr: 'dhcp', stack: 'linux', talk: [dhcp(PRL_AXIS, 'AXIS,Network Camera,P3214-V')] }, // [satori]
  { name: 'NW-BMC', oui: 'Dell', count: 2, truth: ['Dell', 'it', 'server management controller', null], know: 'vc', where: 'flat', addr: 'dhcp', stack: 'linux', talk: [dhcp(PRL_IDRAC, 'iDRAC')] }, // [satori]
  // ---- patient monitoring and life support (flat LAN; Infinity devices have static addresses and speak only to the gateway)
  { name: 'NW-ICU-DELTA', oui: 'Draeger Medical Systems', count: 12, truth: ['Dräger', 'patient-monitoring', 'patient monitor', null], aliases: ['Draeger', 'Drägerwerk'], know: 'v', where: 'flat', addr: 'static', stack: 'embedded',
    talk: [udpTo('NW-IGW01', 7000), snmp('public', false)], maybe: ['CVE-2018-19010', 'CVE-2018-19012', 'CVE-2018-19014'] }, // [csaf] ICSMA-19-022-01, model not on the wire
  { name: 'NW-ICU-VENT', oui: 'Draeger Medical', count: 3, truth: ['Dräger', 'life-support', 'ventilator', null], aliases: ['Draeger', 'Drägerwerk'], know: 'v', where: 'flat', addr: 'static', stack: 'embedded', talk: [tcpTo('NW-IGW01', 7100)] },
  { name: 'NW-MAT-NK', oui: 'NIHON KOHDEN AMERICA', count: 6, truth: ['Nihon Kohden', 'patient-monitoring', 'patient monitor', null], know: 'v', where: 'flat', addr: 'dhcp', stack: 'embedded', talk: [dhcp(PRL_RTOS)] },
  { name: 'NW-SPO2', oui: 'Masimo', count: 4, truth: ['Masimo', 'patient-monitoring', 'patient monitor', null], know: 'v', where: 'flat', addr: 'dhcp', stack: 'linux', talk: [dhcp(PRL_LINUX, null, false), snmp('public', true)] },
  // ---- infusion
  { name: 'NW-PLUM', oui: 'ICU Medical', count: 12, truth: ['ICU Medical', 'infusion', 'infusion pump', null], know: 'v', where: 'flat', addr: 'dhcp', stack: 'embedded', talk: [dhcp(PRL_RTOS, null, false), tlsOut('NW-MEDNET01', '1.2', null)] },
  { name: 'NW-AGI', oui: 'FRESENIUS-VIAL', count: 6, truth: ['Fresenius Kabi', 'infusion', 'infusion pump', null], aliases: ['Fresenius Vial', 'Fresenius'], know: 'v', where: 'flat', addr: 'dhcp', stack: 'embedded', talk: [dhcp(PRL_RTOS, null, false), tcpTo('NW-LINK-01', 8001)] },
  // Agilia Link+ racks: management web UI on TCP/80 (and TLS on 443) served by lighttpd [csaf ICSMA-21-355-01]; the page
  // title and certificate are not sourced, so no title and a self-signed certificate naming the host.
  { name: 'NW-LINK', oui: 'FRESENIUS-VIAL', count: 2, cert: { subject: [['CN', 'nw-link']], issuer: [['CN', 'nw-link']] }, truth: ['Fresenius Kabi', 'infusion', 'infusion pump gateway', null], aliases: ['Fresenius Vial', 'Fresenius'], know: 'v', where: 'flat', addr: 'dhcp', stack: 'linux',
    talk: [dhcp(PRL_LINUX, null, false), web('NW-BIOMED01', 'lighttpd', null), tlsIn('NW-BIOMED01')], maybe: ['CVE-2021-41835', 'CVE-2020-35340', 'CVE-2021-23236', 'CVE-2021-31562'] },
  { name: 'NW-SPACE', oui: 'B.Braun Melsungen', count: 6, truth: ['B. Braun', 'infusion', 'infusion pump', null], aliases: ['B. Braun Melsungen', 'BBraun'], know: 'v', where: 'flat', addr: 'dhcp', stack: 'embedded', talk: [dhcp(PRL_RTOS, null, false)] },
  // ---- laboratory: analysers with static addresses uploading results to the LIS (ASTM on TCP 5001)
  { name: 'NW-LAB-XN', oui: 'Sysmex', count: 2, truth: ['Sysmex', 'laboratory', 'hematology analyzer', null], typeAlso: ['laboratory analyzer'], know: 'vct', where: 'flat', addr: 'static', stack: 'embedded',
    talk: [astm('H|\\^&|||XN-350^00-14^{SERIAL}^^^^AW618382||||||||E1394-97'), { kind: 'ftp-server', from: 'NW-BIOMED01', user: 'service', password: 'Lab-Serv1ce', greeting: 'FTP server ready.' }] }, // [astm-xn]
  { name: 'NW-LAB-ARC', oui: 'Abbott Diagnostics', count: 2, truth: ['Abbott', 'laboratory', 'immunoassay analyzer', null], typeAlso: ['laboratory analyzer'], aliases: ['Abbott Laboratories', 'Abbott Diagnostics'], know: 'vct', where: 'flat', addr: 'static', stack: 'win',
    talk: [astm('H|\\^&|||ARCHITECT^9.45^F{SERIAL}^H1P1O1R1C1Q1L1|||||||P|1|{TS}'), tlsOut('AL-REMOTE', '1.2', 'remote-service.abbottlink.example', 12)] }, // [astm-ar]; vendor remote service (host name illustrative)
  { name: 'NW-LAB-E411', oui: 'Roche Diagnostics', count: 1, truth: ['Roche Diagnostics', 'laboratory', 'immunoassay analyzer', null], typeAlso: ['laboratory analyzer'], aliases: ['Roche'], know: 'vct', where: 'flat', addr: 'static', stack: 'embedded',
    talk: [astm('H|\\^&|||cobas-e411^1|||||host|RSUPL^BATCH|P|1')] }, // [astm-ro]
  { name: 'NW-LAB-VIS', oui: 'Dell', count: 1, truth: ['Ortho Clinical Diagnostics', 'laboratory', 'blood bank analyzer', 'wes7'], typeAlso: ['laboratory analyzer'], aliases: ['QuidelOrtho', 'OCD', 'Ortho-Clinical Diagnostics'], also: ['Dell'], know: 'vctoe', where: 'flat', addr: 'static', stack: 'win',
    talk: [astm('H|\\^&|||OCD^VISION^5.13.1.46935^J{SERIAL}|||||||P|LIS2-A|{TS}'), smb('wes7', 'vision', { nativeOs: 'Windows Embedded Standard 7601 Service Pack 1', nativeLanMan: 'Windows Embedded Standard 6.1' }), { kind: 'vnc', from: 'NW-BIOMED01' }] }, // [astm-oc] [smb]
  { name: 'NW-LAB-H550', oui: 'Intel Corporate', count: 1, truth: ['Horiba', 'laboratory', 'hematology analyzer', null], typeAlso: ['laboratory analyzer'], know: 'c', where: 'flat', addr: 'static', stack: 'embedded',
    talk: [astm('H|\\^&|||H550^909YAXH{SERIAL}^1.2.1.4|||||||P|LIS2-A2|{TS}')] }, // [astm-ar]
  { name: 'NW-LAB-IH', oui: 'Bio-Rad Laboratories', count: 1, truth: ['Bio-Rad', 'laboratory', 'blood bank analyzer', null], typeAlso: ['laboratory analyzer'], know: 'vc', where: 'flat', addr: 'static', stack: 'win', talk: [astm('H|\\^&|||Bio-Rad|IH v5.1||||||||{TS}')] }, // [astm-ar]
  { name: 'NW-LAB-BC', oui: 'Mindray', count: 1, truth: ['Mindray', 'laboratory', 'hematology analyzer', null], typeAlso: ['laboratory analyzer'], know: 'vct', where: 'flat', addr: 'static', stack: 'embedded',
    talk: [hl7('NW-LIS01', 'Mindray', 'BC-5380', 'ORU^R01', '2.3.1', 'lab')] }, // [hl7-mr]
  { name: 'NW-LAB-DXH', oui: 'Beckman Coulter K.K.', count: 1, truth: ['Beckman Coulter', 'laboratory', null, null], know: 'v', where: 'flat', addr: 'dhcp', stack: 'embedded', talk: [dhcp(PRL_RTOS, null, false)] },
  { name: 'NW-LAB-ATL', oui: 'Siemens Healthcare Diagnostics', count: 1, truth: ['Siemens Healthineers', 'laboratory', null, null], aliases: ['Siemens Healthcare Diagnostics', 'Siemens'], know: 'v', where: 'flat', addr: 'dhcp', stack: 'embedded', talk: [dhcp(PRL_RTOS, null, false)] },
  { name: 'NW-POC-ACI', oui: 'Roche Diagnostics', count: 3, truth: ['Roche Diagnostics', 'laboratory', 'point-of-care analyzer', null], typeAlso: ['laboratory analyzer'], aliases: ['Roche'], know: 'v', where: 'flat', addr: 'dhcp', stack: 'embedded',
    talk: [dhcp(PRL_RTOS, null, false)], maybe: ['CVE-2018-18561', 'CVE-2018-18562', 'CVE-2018-18563', 'CVE-2018-18564', 'CVE-2018-18565'] }, // [csaf] ICSMA-18-310-01, model not on the wire
  { name: 'NW-POC-F24', oui: 'Intel Corporate', count: 1, truth: ['SD Biosensor', 'laboratory', 'point-of-care analyzer', null], typeAlso: ['laboratory analyzer'], know: '', where: 'flat', addr: 'dhcp', stack: 'linux',
    talk: [dhcp(PRL_LINUX, null, false), hl7('NW-LIS01', 'F24{SERIAL}^{EUI}^EUI-64', 'NWH_POC', 'ORU^R01^ORU_R01', '2.6', 'lab', 'IHE_PCD_ORU_R01^IHE PCD^1.3.6.1.4.1.19376.1.6.4.1^ISO')] }, // [hl7-sd]
  // ---- imaging VLAN, seen only through the router's uplink (their MACs never cross it)
  { name: 'NW-MG01', oui: null, count: 1, truth: ['Planmed', 'imaging', 'mammography system', 'win7'], know: 'ctoe', where: 'imaging', addr: 'static', stack: 'win',
    talk: [store('2.16.840.1.113669.2.1.1', 'DCMstore 1.1', MG, '2.16.840.1.113669.632.20.1', 'MG'), smb('win7', 'planmed'), tlsOut('PM-UPDATE', '1.0', 'updates.planmed-service.example')] }, // [dicom]; update host illustrative
  { name: 'NW-US-AC', oui: null, count: 2, truth: ['Siemens Healthineers', 'imaging', 'ultrasound', null], aliases: ['Siemens', 'Acuson'], know: 'ct', where: 'imaging', addr: 'static', stack: 'embedded',
    talk: [store('1.3.6.1.4.1.11157.4.5.2', 'MultiTech msiCOM', US, '1.2.840.113680.1.103.5', 'US')] }, // [dicom]
  { name: 'NW-US-ES', oui: null, count: 1, truth: ['Esaote', 'imaging', 'ultrasound', null], know: 'ct', where: 'imaging', addr: 'static', stack: 'linux',
    talk: [store('1.2.276.0.7230010.3.0.3.6.5', 'OFFIS_DCMTK_365', US, '1.2.276.0.7230010.3.1.4.8323329', 'US')] }, // [dicom] DCMTK 3.6.5
  { name: 'NW-CARD01', oui: null, count: 1, truth: ['Philips', 'imaging-infrastructure', 'cardiology PACS', null], know: 'vc', where: 'imaging', addr: 'static', stack: 'win',
    talk: [hl7('NW-HL7-01', 'PHILIPS', 'XCELERA', 'ORU^R01', '2.3', 'report')] }, // [hl7-px]
  { name: 'NW-RWS', oui: null, count: 3, truth: ['Dell', 'imaging-infrastructure', 'imaging workstation', 'win10'], know: 'oe', where: 'imaging', addr: 'static', stack: 'win',
    talk: [echo('1.3.6.1.4.1.30071.8', 'fo-dicom 5.0.1'), smb('win10', 'radiologist')] }, // [dicom]
];

/**
 * Hosts that are no inventory subjects: internet servers the devices reach (their frames come through the router, so
 * they carry its MAC). The certificates are theirs; the host names are illustrative (.example), not sourced.
 */
export const INTERNET = [
  { name: 'AL-REMOTE', ip: '52.178.40.17', cert: { subject: [['O', 'Abbott Laboratories'], ['CN', 'remote-service.abbottlink.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2024']] }, vendorRemote: true },
  { name: 'PM-UPDATE', ip: '151.101.66.9', cert: { subject: [['CN', 'updates.planmed-service.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2019']] } },
  { name: 'WIN-UPDATE', ip: '20.42.65.92', cert: { subject: [['CN', 'settings-win.data.microsoft.example']], issuer: [['O', 'Example Public CA'], ['CN', 'Example TLS RSA CA 2022']] } },
];
