/** Every protocol decoder, one line each. Order matters only for ties between equally sure probes. */
import type { Decoder } from './types.js';
import { tlsDecoder } from './tls/index.js';
import { httpDecoder } from './http/index.js';
import { dhcpDecoder } from './dhcp/index.js';
import { dnsDecoder, llmnrDecoder, mdnsDecoder } from './dns/index.js';
import { nbdgmDecoder, nbnsDecoder } from './nbns/index.js';
import { ssdpDecoder } from './ssdp/index.js';
import { ntpDecoder } from './ntp/index.js';
import { syslogDecoder } from './syslog/index.js';
import { dicomDecoder } from './dicom/index.js';
import { hl7Decoder } from './hl7/index.js';
import { astmDecoder } from './astm/index.js';
import { poct1aDecoder } from './poct1a/index.js';
import { intellivueDecoder } from './intellivue/index.js';
import { smbDecoder } from './smb/index.js';
import { snmpDecoder } from './snmp/index.js';
import { dcerpcDecoder } from './dcerpc/index.js';
import { ftpDecoder } from './ftp/index.js';
import { telnetDecoder } from './telnet/index.js';
import { sshDecoder } from './ssh/index.js';
import { lldpDecoder } from './lldp/index.js';
import { cdpDecoder } from './cdp/index.js';
import { rdpDecoder } from './rdp/index.js';
import { vncDecoder } from './vnc/index.js';
import { bacnetDecoder } from './bacnet/index.js';

export const decoders: readonly Decoder[] = [
  tlsDecoder,
  httpDecoder,
  dhcpDecoder,
  dnsDecoder,
  mdnsDecoder,
  llmnrDecoder,
  nbnsDecoder,
  nbdgmDecoder,
  ssdpDecoder,
  ntpDecoder,
  syslogDecoder,
  dicomDecoder,
  hl7Decoder,
  astmDecoder,
  poct1aDecoder,
  intellivueDecoder,
  smbDecoder,
  snmpDecoder,
  dcerpcDecoder,
  ftpDecoder,
  telnetDecoder,
  sshDecoder,
  lldpDecoder,
  cdpDecoder,
  rdpDecoder,
  vncDecoder,
  bacnetDecoder,
];
