// The eval scenario's devices: what each one is (ground truth) and what it says on the wire (`talk`).
// Evidence is what such a device emits (DICOM implementation UIDs/names and data sets, HL7 MSH, DHCP options,
// NTLMSSP versions, banners, sysDescr, LLDP), never a label naming the answer. `know` lists the attributes the wire
// lets a careful analyst infer: v(endor) c(ategory) t(ype) o(s family) e(nd of life). Hard cases have few letters.
// Version names / UIDs marked (illustrative) follow the vendor's pattern but are not copied from a real device.

// OS end-of-support dates: Microsoft lifecycle data (learn.microsoft.com/lifecycle), as data/os-lifecycle.json cites them.
export const OS = {
  xp: { family: 'Windows', version: '5.1.2600', label: 'Windows XP', supportEnd: '2014-04-08' },
  win7: { family: 'Windows', version: '6.1.7601', label: 'Windows 7 SP1', supportEnd: '2020-01-14' },
  win10: { family: 'Windows', version: '10.0.19045', label: 'Windows 10 22H2', supportEnd: '2025-10-14' },
  ltsc2019: { family: 'Windows', version: '10.0.17763', label: 'Windows 10 LTSC 2019', supportEnd: '2029-01-09' },
  srv2016: { family: 'Windows', version: '10.0.14393', label: 'Windows Server 2016', supportEnd: '2027-01-12' },
  srv2019: { family: 'Windows', version: '10.0.17763', label: 'Windows Server 2019', supportEnd: '2029-01-09' },
  windows: { family: 'Windows' },
  linux: { family: 'Linux' },
  // Lexmark's sysDescr carries its kernel release; the 4.17 series ended with 4.17.19 (kernel.org, endoflife.date linux-kernel).
  linux417: { family: 'Linux', version: '4.17.19', label: 'Linux 4.17', supportEnd: '2018-08-24' },
  ios: { family: 'Cisco IOS' },
  junos: { family: 'Junos' },
  aruba: { family: 'ArubaOS' },
};

const CT = '1.2.840.10008.5.1.4.1.1.2';
const MR = '1.2.840.10008.5.1.4.1.1.4';
const US = '1.2.840.10008.5.1.4.1.1.6.1';
const DX = '1.2.840.10008.5.1.4.1.1.1.1';
const CR = '1.2.840.10008.5.1.4.1.1.1';
const MG = '1.2.840.10008.5.1.4.1.1.1.2';
const NM = '1.2.840.10008.5.1.4.1.1.20';
const ECG = '1.2.840.10008.5.1.4.1.1.9.1.2';

/** DICOM C-STORE sender. `ds` null: association only (C-ECHO). `software`: Software Versions (0018,1020). */
const store = (implUid, implVersion, sop, modality, manufacturer, model, software = '') => ({ kind: 'dicom', implUid, implVersion, sop, ds: modality === null ? null : { modality, manufacturer, model, software } });
const dhcp = (prl, vendorClass = null, hostname = true) => ({ kind: 'dhcp', prl, vendorClass, hostname });
const smb = (os, dialect = 2) => ({ kind: 'smb', os, dialect });
const hl7 = (msh3, msh4, version, type) => ({ kind: 'hl7', msh3, msh4, version, type });
const snmp = (sysDescr, sysObjectId) => ({ kind: 'snmp', sysDescr, sysObjectId });
const lldp = (sysDescr, caps = 'bridge') => ({ kind: 'lldp', sysDescr, caps });
const httpServer = (server, title) => ({ kind: 'http-server', server, title });
const ua = (userAgent) => ({ kind: 'http-client', userAgent });
/** NetBIOS browser host announcement (UDP 138 broadcast) that Windows hosts with file sharing send; OS from the truth. */
const nb = () => ({ kind: 'netbios' });
const port = (p, bytes = 120) => ({ kind: 'opaque-tcp', port: p, bytes });
// Risky situations a hospital network really has (the device is the one the finding is about; `from`/`to` name a
// peer device or an extra host of generate-scenario.mjs). Passwords go on the wire as such a client sends them.
/** A cleartext login to the device's Telnet/FTP server; `isDefault`: the pair is in a published default list. */
const login = (proto, user, password, isDefault, from) => ({ kind: 'login', proto, user, password, isDefault, from });
/** A browser logging in to the device's web console with HTTP Basic (RFC 7617) over plain HTTP. */
const basic = (user, password, isDefault, from, server, title) => ({ kind: 'http-basic', user, password, isDefault, from, server, title });
/** SNMP v2c get of sysName with `community` (default: the factory 'public'), answered by the device. */
const snmpGet = (community = 'public') => ({ kind: 'snmp-get', community });
/** The device as TLS client offering at most `version` (1.0 / 1.2) to `to`:`port`; the server answers in kind. A
 * server in the site's vendor networks makes it a vendor remote-service session. */
const tls = (version, to, port, sni = null) => ({ kind: 'tls-client', version, to, port, sni });
/** TeamViewer: the device keeps a session with a TeamViewer router on the internet (TCP 5938). */
const teamviewer = (to) => ({ kind: 'teamviewer', to });
/** An RDP connection (X.224 + RDP negotiation; `user` in its mstshash cookie) / a VNC viewer (RFB) from `from`. */
const rdp = (from, user) => ({ kind: 'rdp', from, user });
const vnc = (from) => ({ kind: 'vnc', from });

/** IntelliVue connect indication (model number and software revision are illustrative). */
const intellivue = (manufacturer, model, software) => ({ kind: 'intellivue', manufacturer, model, software });

// satori dhcp.xml option-55 lists and dhclient's default request list.
const PRL_XP = [1, 15, 3, 6, 44, 46, 47, 31, 33, 249, 43];
const PRL_WIN7 = [1, 15, 3, 6, 44, 46, 47, 31, 33, 121, 249, 43];
const PRL_WIN10 = [1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252];
const PRL_DHCLIENT = [1, 28, 2, 3, 15, 6, 119, 12, 44, 47, 26, 121, 42];
const PRL_EMBEDDED = [1, 3, 6, 12, 15, 28, 42];

// Findings beyond what the talk items imply (scripts/eval/expect-findings.mjs derives those): known vulnerabilities
// from the CISA ICSMA advisories in test-data/corpus/csaf_icsma whose product tree names the device's model (`vulns`),
// and true ones the wire cannot show, e.g. a version that never crosses it (`maybe`: neither a miss nor a false positive).
const vulns = (...cves) => ({ known: cves.map((c) => ['known-vulnerability', c]), maybe: [] });
const maybe = (...cves) => ({ known: [], maybe: cves.map((c) => ['known-vulnerability', c]) });

/** [name, OUI owner (exact name in data/oui.json), count, truth, know, talk, tcp, findings?] */
export const KINDS = [
  // ---- infrastructure the rest talks to (names are referenced by the conversation builders)
  ['INFRA01', 'VMware', 1, ['VMware', 'it', 'server', null], 'v', [], 'linux'],
  ['NMS01', 'VMware', 1, ['VMware', 'it', 'server', 'linux'], 'v', [], 'linux'],
  ['HL7IE01', 'VMware', 1, ['VMware', 'clinical-system', 'HL7 interface engine', 'linux'], 'vo', [{ kind: 'hl7-forward' }], 'linux'],
  // The lab analysers drop result files on the file server's anonymous FTP (a guest login: no credential crossed).
  ['FS01', 'Dell', 1, ['Dell', 'it', 'server', 'srv2016'], 'voe', [login('ftp', 'anonymous', 'cobas@', false, 'COBAS')], 'win10'],
  ['PACS01', 'Dell', 1, ['Dell', 'imaging-infrastructure', 'PACS', 'srv2019'], 'vctoe', [], 'win10'],
  ['ALARIS-SM', 'VMware', 1, ['VMware', 'it', 'server', 'srv2016'], 'v', [], 'win10'],
  // ---- imaging modalities
  ['CT-GE', 'GENERAL ELECTRIC', 2, ['GE Healthcare', 'imaging', 'CT scanner', 'linux'], 'vcto', [store('1.2.840.113619.6.374', 'GE_CT_SW_20', CT, 'CT', 'GE MEDICAL SYSTEMS', 'Revolution EVO')], 'linux', vulns('CVE-2020-25175', 'CVE-2020-25179')], // ICSMA-20-343-01: all versions
  ['CT-GE2', 'GE Healthcare', 1, ['GE Healthcare', 'imaging', 'CT scanner', 'linux'], 'vcto', [store('1.2.840.113619.6.340', 'OPTIMA_CT660', CT, 'CT', 'GE MEDICAL SYSTEMS', 'Optima CT660')], 'linux', vulns('CVE-2020-25175', 'CVE-2020-25179')], // ICSMA-20-343-01
  ['MR-GE', 'GE Healthcare', 1, ['GE Healthcare', 'imaging', 'MRI scanner', 'linux'], 'vcto', [store('1.2.840.113619.6.475', 'DV28.0', MR, 'MR', 'GE MEDICAL SYSTEMS', 'SIGNA Explorer'), tls('1.2', 'GE-RSVP', 443, 'rsvp.remote-service.example')], 'linux'], // remote service via the vendor's gateway
  ['MR-SIE', 'SIEMENS', 2, ['Siemens Healthineers', 'imaging', 'MRI scanner', 'windows'], 'vcto', [store('1.3.12.2.1107.5.2', 'MR_VE11C', MR, 'MR', 'SIEMENS', 'Skyra')], 'win7'],
  ['CT-SIE', 'Intel Corporate', 1, ['Siemens Healthineers', 'imaging', 'CT scanner', 'windows'], 'vcto', [store('1.3.12.2.1107.5.99.3', 'SIEMENS', CT, 'CT', 'SIEMENS', 'SOMATOM go.Up'), teamviewer('TV-ROUTER')], 'win10'],
  ['NM-SIE', 'Dell', 1, ['Siemens Healthineers', 'imaging', 'nuclear medicine / PET scanner', 'xp'], 'vctoe', [store('1.3.12.2.1107.5.99.3', 'SIEMENS', NM, 'NM', 'SIEMENS', 'Symbia T6'), smb('xp', 1), nb()], 'xp', maybe('CVE-2008-4250', 'CVE-2017-7269')], // ICSMA-17-215-01
  ['CT-PHI', 'Dell', 1, ['Philips', 'imaging', 'CT scanner', 'windows'], 'vcto', [store('1.3.46.670589.33.1.4', 'PMS_CT_4.1', CT, 'CT', 'Philips', 'Incisive CT')], 'win10'],
  ['MR-PHI', 'Dell', 1, ['Philips', 'imaging', 'MRI scanner', 'ltsc2019'], 'vctoe', [store('1.3.46.670589.11.0.0.51.4.53', 'Philips MR 53.0', MR, 'MR', 'Philips Medical Systems', 'Ingenia'), smb('ltsc2019'), nb()], 'win10'],
  ['US-PHI', 'Philips Healthcare PCCI', 1, ['Philips', 'imaging', 'ultrasound', 'windows'], 'vcto', [store('1.3.46.670589.14.1.8', 'EPIQ_7_VM', US, 'US', 'Philips Medical Systems', 'EPIQ 7G')], 'win10'],
  ['MR-CAN', 'Intel Corporate', 1, ['Canon Medical Systems', 'imaging', 'MRI scanner', 'windows'], 'vcto', [store('1.2.392.200036.9116.4.2.10', 'CM_MR_DCM_V3.0', MR, 'MR', 'CANON_MEC', 'Vantage Orian'), vnc('WS-10-05')], 'win10'], // a physicist watches the console
  ['CT-TOS', 'Intel Corporate', 1, ['Canon Medical Systems', 'imaging', 'CT scanner', 'windows'], 'vcto', [store('1.2.392.200036.9116.2.6.1', 'TM_CT_DCM_V1.00', CT, 'CT', 'TOSHIBA_MEC', 'Aquilion ONE')], 'win7'],
  ['DR-FUJI', 'FUJIFILM', 1, ['Fujifilm', 'imaging', 'X-ray system', 'windows'], 'vcto', [store('1.2.392.200036.9125.5342.1', 'FDR_DEVO_2', DX, 'DX', 'FUJIFILM Corporation', 'FDR D-EVO II')], 'win7'],
  ['CR-AGFA', 'Hewlett Packard', 1, ['Agfa HealthCare', 'imaging', 'X-ray system', 'xp'], 'vctoe', [store('1.2.124.113532.80.22185', 'NX_2.0', CR, 'CR', 'Agfa', 'CR 30-X'), smb('xp', 1), nb(), dhcp(PRL_XP, 'MSFT 5.0')], 'xp'],
  ['DR-CS', 'Carestream Health', 1, ['Carestream Health', 'imaging', 'X-ray system', 'win7'], 'vctoe', [store('1.2.840.113564.99.1.2', 'CS_DRX_5', DX, 'DX', 'Carestream Health', 'DRX-Evolution'), smb('win7'), nb(), dhcp(PRL_WIN7, 'MSFT 5.0')], 'win7'],
  ['MG-HOLX', 'Dell', 1, ['Hologic', 'imaging', 'mammography system', 'windows'], 'vcto', [store('1.2.840.114089.1.0.0.3.3.12', 'DCF 3.3.12c', MG, 'MG', 'HOLOGIC, Inc.', 'Selenia Dimensions'), tls('1.0', 'PACS01', 2762)], 'win7'],
  ['US-SONO', 'Intel Corporate', 1, ['FUJIFILM SonoSite', 'imaging', 'ultrasound', 'windows'], 'vct', [store('1.2.840.114340.3', 'Tiller_SV500', US, 'US', 'SonoSite', 'X-Porte')], 'embedded'],
  ['US-ALOKA', 'Intel Corporate', 1, ['Hitachi Aloka', 'imaging', 'ultrasound', null], 'vct', [store('1.2.392.200039.102', 'ALOKA20010925', US, 'US', 'ALOKA', 'ProSound Alpha 7')], 'embedded'],
  ['US-GE', 'GE Healthcare', 1, ['GE Healthcare', 'imaging', 'ultrasound', 'windows'], 'vcto', [store('1.2.840.113619.6.317', 'VIVID_E95', US, 'US', 'GE Vingmed Ultrasound', 'Vivid E95')], 'win10'],
  ['ECG-MOR', 'Intel Corporate', 1, ['Mortara Instrument', 'patient-monitoring', 'electrocardiograph', null], 'vct', [store('1.3.76.13.1.1.1.1', 'AISDWAM40', ECG, 'ECG', 'Mortara Instrument, Inc.', 'ELI 380')], 'embedded', maybe('CVE-2022-26388', 'CVE-2022-26389')], // ICSMA-22-167-01: <= 2.6.0, version not sent
  // hard: Linux portable ultrasound on DCMTK, no manufacturer in its data sets; and a C-ECHO-only DCMTK box
  ['US-DCMTK', 'Intel Corporate', 1, ['Esaote', 'imaging', 'ultrasound', 'linux'], 'cto', [store('1.2.276.0.7230010.3.0.3.6.4', 'OFFIS_DCMTK_364', US, 'US', '', '')], 'linux'],
  ['XR-ECHO', 'Intel Corporate', 1, ['Shimadzu', 'imaging', 'X-ray system', 'linux'], 'o', [store('1.2.276.0.7230010.3.0.3.6.2', 'OFFIS_DCMTK_362', null, null)], 'linux'],
  // ---- imaging infrastructure: reading workstations (Philips EWS name; Windows 10)
  ['RAD-EWS', 'Hewlett Packard', 1, ['Philips', 'imaging-infrastructure', 'imaging workstation', 'win10'], 'vctoe', [store('1.3.46.670589.5.2.23', 'EWS R2.5', null, null), smb('win10'), nb(), dhcp(PRL_WIN10, 'MSFT 5.0')], 'win10'],
  // ---- patient monitoring
  ['PMGW', 'Mindray DS USA', 1, ['Mindray', 'patient-monitoring', 'patient monitor gateway', 'linux'], 'vcto', [hl7('MINDRAY_EGATEWAY^{EUI}^EUI-64', 'ICU', '2.6', 'ORU^R01^ORU_R01'), snmpGet(), basic('admin', 'admin', true, 'WS-7-05', 'Apache', 'eGateway')], 'linux'],
  ['MON-MR', 'Mindray', 4, ['Mindray', 'patient-monitoring', 'patient monitor', null], 'vct', [hl7('MINDRAY_D-SERIES^{EUI}^EUI-64', 'CCU', '2.6', 'ORU^R01^ORU_R01'), dhcp(PRL_EMBEDDED, null, false)], 'embedded'],
  ['MON-GE', 'GE Medical System(China)', 3, ['GE Healthcare', 'patient-monitoring', 'patient monitor', null], 'vct', [hl7('VSP^{EUI}^EUI-64', 'GE Healthcare', '2.6', 'ORU^R01^ORU_R01')], 'embedded'],
  // IntelliVue monitors on a LAN broadcast a Data Export connect indication (UDP 24005) to announce themselves
  ['MON-PHI', 'Philips Patient Monitoring', 3, ['Philips', 'patient-monitoring', 'patient monitor', null], 'vct', [intellivue('Philips Medical Systems', 'M8007A', 'M.00.03')], 'embedded', maybe('CVE-2018-10597', 'CVE-2018-10599', 'CVE-2018-10601')], // ICSMA-18-156-01: MP series Rev B-M, if M8007A is read as an MP70
  ['XTR', 'SPACELABS MEDICAL', 1, ['Spacelabs Healthcare', 'patient-monitoring', 'telemetry receiver', 'win7'], 'voe', [smb('win7'), nb(), dhcp(PRL_WIN7, 'MSFT 5.0')], 'win7', maybe('CVE-2019-0708')], // ICSMA-20-049-01: XTR's Windows, model not on the wire
  ['CNS-NK', 'NIHON KOHDEN AMERICA', 1, ['Nihon Kohden', 'patient-monitoring', 'central station', null], 'v', [dhcp(PRL_EMBEDDED)], 'embedded'],
  ['VSM-WA', 'Welch Allyn', 2, ['Welch Allyn', 'patient-monitoring', 'vital signs monitor', null], 'v', [dhcp(PRL_EMBEDDED, null, false)], 'embedded'],
  ['ROOT-MAS', 'Masimo', 1, ['Masimo', 'patient-monitoring', 'patient monitor', null], 'v', [dhcp(PRL_DHCLIENT, null, false)], 'embedded'],
  // ---- infusion
  ['PCU', 'ALARIS MEDICAL SYSTEMS', 4, ['BD', 'infusion', 'infusion pump', null], 'vct', [dhcp(PRL_EMBEDDED, null, false), port(3613)], 'embedded'],
  ['PCU-CF', 'Carefusion', 2, ['BD', 'infusion', 'infusion pump', null], 'vct', [dhcp(PRL_EMBEDDED, null, false), port(3613)], 'embedded'],
  ['SIGMA', 'Baxter International', 3, ['Baxter', 'infusion', 'infusion pump', null], 'v', [dhcp(PRL_EMBEDDED, null, false)], 'embedded'],
  ['SPACECOM', 'B.Braun Melsungen', 2, ['B. Braun', 'infusion', 'infusion pump gateway', null], 'vct', [hl7('PAT_DEVICE_BBRAUN^{EUI}^EUI-64', 'BBRAUN', '2.6', 'ORU^R01^ORU_R01'), basic('biomed', 'Sp4ce-Ward3', false, 'WS-7-04', 'lighttpd', 'SpaceCom')], 'embedded'],
  ['PHARMGUARD', 'VMware', 1, ['Smiths Medical', 'infusion', 'infusion pump gateway', 'windows'], 'vcto', [hl7('Smiths Medical^{EUI}^EUI-64', 'PHARMGUARD', '2.6', 'ORU^R01^ORU_R01'), tls('1.2', 'VENDOR-CLOUD', 443, 'druglib.vendor-cloud.example'), rdp('BIOMED01', 'biomed')], 'win10'],
  ['MEDFUSION', 'Smiths Medical', 2, ['Smiths Medical', 'infusion', 'infusion pump', null], 'v', [dhcp(PRL_EMBEDDED, null, false)], 'embedded'],
  // ---- laboratory
  ['ABL', 'Intel Corporate', 1, ['Radiometer', 'laboratory', 'blood gas analyzer', 'windows'], 'vcto', [hl7('ABL835^ABL835 ICU', 'ICU', '2.2', 'ORU^R01'), rdp('WS-10-03', 'labtech')], 'win7'],
  ['BS380', 'Mindray', 1, ['Mindray', 'laboratory', 'laboratory analyzer', 'windows'], 'vcto', [hl7('Mindray', 'BS-380', '2.3.1', 'ORU^R01'), login('telnet', 'service', 'service', true, 'WS-XP-02')], 'xp'], // service login left at a published default
  ['BC5380', 'Mindray', 1, ['Mindray', 'laboratory', 'laboratory analyzer', 'windows'], 'vcto', [hl7('Mindray', 'BC-5380', '2.3.1', 'ORU^R01')], 'xp'],
  ['SYSMEX', 'Sysmex', 1, ['Sysmex', 'laboratory', 'laboratory analyzer', null], 'v', [dhcp(PRL_EMBEDDED, null, false)], 'embedded'],
  ['COBAS', 'Roche Diagnostics', 1, ['Roche Diagnostics', 'laboratory', 'laboratory analyzer', null], 'v', [], 'embedded'],
  ['ISTAT', 'Abbott Point of Care', 2, ['Abbott', 'laboratory', 'point-of-care analyzer', null], 'v', [dhcp(PRL_EMBEDDED, null, false)], 'embedded'],
  // ---- Windows workstations (hostnames: some hospital-style, some Windows defaults)
  ['WS-XP', 'Dell', 4, ['Dell', 'it', 'workstation', 'xp'], 'vctoe', [dhcp(PRL_XP, 'MSFT 5.0'), smb('xp', 1), nb(), ua('Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 5.1; Trident/4.0)')], 'xp'],
  ['WS-7', 'Hewlett Packard', 6, ['HP', 'it', 'workstation', 'win7'], 'vctoe', [dhcp(PRL_WIN7, 'MSFT 5.0'), smb('win7'), nb(), ua('Mozilla/5.0 (Windows NT 6.1; Win64; x64; Trident/7.0; rv:11.0) like Gecko')], 'win7'],
  ['WS-10', 'Dell', 8, ['Dell', 'it', 'workstation', 'win10'], 'vctoe', [dhcp(PRL_WIN10, 'MSFT 5.0'), smb('win10', 3), nb(), ua('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0')], 'win10'],
  // hard: Windows 10 without SMB (DHCP + browser only) and a static-IP Windows 7 that only opens TLS connections
  ['WS-NOSMB', 'Lenovo', 1, ['Lenovo', 'it', 'workstation', 'windows'], 'vcto', [dhcp(PRL_WIN10, 'MSFT 5.0'), ua('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36')], 'win10'],
  ['WS-QUIET', 'Hewlett Packard', 1, ['HP', 'it', 'workstation', 'windows'], 'vo', [port(443)], 'win7'],
  // ---- printers
  ['PRN-HP', 'Hewlett Packard', 3, ['HP', 'it', 'printer', null], 'vct', [dhcp(PRL_EMBEDDED, 'Hewlett-Packard JetDirect'), httpServer('HP HTTP Server; HP LaserJet Pro M404n - W1A52A; Serial Number: {SERIAL}; Built:Thu Jun 03, 2021 09:12:40AM {FUTUREFW}', 'HP LaserJet Pro M404n'), snmp('HP ETHERNET MULTI-ENVIRONMENT,ROM none,JETDIRECT,JD153,EEPROM JSI24090012,CIDATE 05/06/2021', '1.3.6.1.4.1.11.2.3.9.1')], 'embedded'],
  ['PRN-LEX', 'LEXMARK INTERNATIONAL', 1, ['Lexmark', 'it', 'printer', 'linux417'], 'vctoe', [snmp('Lexmark MS821dn version MSNGM.074.201 kernel 4.17.19-yocto-standard All-N-1', '1.3.6.1.4.1.641.1.1')], 'linux'],
  ['PRN-ZEB', 'Zebra Technologies', 1, ['Zebra Technologies', 'it', 'printer', null], 'vct', [snmp('ZTC ZD620-203dpi ZPL', '1.3.6.1.4.1.10642.1.1')], 'embedded'],
  ['PRN-XRX', 'Xerox', 1, ['Xerox', 'it', 'printer', null], 'vct', [snmp('Xerox VersaLink C405 MultiFunction Printer; System Software 72.70.51, ESS 72.70.51', '1.3.6.1.4.1.253.8.62.1.34.2.1')], 'embedded'],
  // ---- network gear
  ['SW-CORE', 'Cisco Systems', 1, ['Cisco', 'network', 'network switch', 'ios'], 'vcto', [lldp('Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.4a, RELEASE SOFTWARE (fc3)', 'router'), snmp('Cisco IOS Software [Amsterdam], Catalyst L3 Switch Software (CAT9K_IOSXE), Version 17.3.4a, RELEASE SOFTWARE (fc3)', '1.3.6.1.4.1.9.1.2494')], 'ios'],
  ['SW-ACC', 'Cisco Systems', 3, ['Cisco', 'network', 'network switch', 'ios'], 'vcto', [lldp('Cisco IOS Software, C2960X Software (C2960X-UNIVERSALK9-M), Version 15.2(7)E8, RELEASE SOFTWARE (fc1)'), login('telnet', 'admin', 'admin', true, 'NMS01')], 'ios'],
  ['SW-ARUBA', 'Aruba, a Hewlett Packard Enterprise', 1, ['Aruba', 'network', 'network switch', 'aruba'], 'vct', [lldp('Aruba JL258A 2930F-8G-PoE+-2SFP+ Switch, revision WC.16.10.0009, ROM WC.16.01.0008'), snmpGet('wardNet-ro')], 'ios'],
  ['SW-JNPR', 'Juniper Networks', 1, ['Juniper Networks', 'network', 'network switch', 'junos'], 'vcto', [snmp('Juniper Networks, Inc. ex2300-48p Ethernet Switch, kernel JUNOS 20.4R3-S2.6, Build date: 2021-10-08 00:22:55 UTC Copyright (c) 1996-2021 Juniper Networks, Inc.', '1.3.6.1.4.1.2636.1.1.1.4.132.3')], 'ios'],
  // ---- devices of corpus advisories (appended so the devices above keep their addresses)
  // GE service account over FTP (ICSMA-18-037-02 / CVE-2014-7232 class); the model is in ICSMA-20-343-01 and -18-037-02
  ['DR-GE', 'GE Healthcare', 1, ['GE Healthcare', 'imaging', 'X-ray system', null], 'vct', [store('1.2.840.113619.6.218', 'XR656_DX', DX, 'DX', 'GE Healthcare', 'Discovery XR656'), login('ftp', 'insite', '2getin', true, 'WS-7-03')], 'embedded', vulns('CVE-2020-25175', 'CVE-2020-25179', 'CVE-2014-7232')],
  // ICSMA-19-113-01: FCR Capsula X, CR-IR 357 (Fujifilm's product code, as its data sets' Software Versions carry it)
  ['CR-FCR', 'FUJIFILM', 1, ['Fujifilm', 'imaging', 'X-ray system', null], 'vct', [store('1.2.392.200036.9125.5342.3', 'FCR_CAPSULA_X', CR, 'CR', 'FUJIFILM Corporation', 'FCR Capsula X', 'CR-IR 357')], 'embedded', vulns('CVE-2019-10948', 'CVE-2019-10950')],
  // ICSMA-22-167-01: ELI 380 up to 2.6.0; a DCMTK 3.6.7 stack (not outdated) sends its ECGs to the PACS
  ['ECG-WA', 'Welch Allyn', 1, ['Welch Allyn', 'patient-monitoring', 'electrocardiograph', null], 'vct', [store('1.2.276.0.7230010.3.0.3.6.7', 'OFFIS_DCMTK_367', ECG, 'ECG', 'Welch Allyn', 'ELI 380', '2.4.0')], 'embedded', vulns('CVE-2022-26388', 'CVE-2022-26389')],
];

/** Devices placed for corpus advisories, as the advisory matcher sees them (for tests that match the scenario's devices). */
export function advisoryDevices() {
  return KINDS.filter((k) => (k[7]?.known.length ?? 0) > 0).map(([name, , , truth, , says, , extra]) => {
    const ds = says.find((t) => t.kind === 'dicom' && t.ds !== null)?.ds;
    return { name, vendor: truth[0], model: ds?.model ?? null, firmware: ds?.software || null, cves: extra.known.map(([, cve]) => cve) };
  });
}
