/**
 * The record union: every record `wardwatch records` prints, keyed by `proto` (the decoder's name) and `kind`, with
 * the fields each decoder declares in its types.ts (docs/architecture.md §3.5). Identify and findings narrow on
 * `proto` and `kind` and then read fields checked by the compiler; a field a decoder does not declare cannot be read.
 */
import type { AstmHeaderRecord } from './astm/types.js';
import type { BacnetRecord } from './bacnet/types.js';
import type { CdpRecord } from './cdp/types.js';
import type { DcerpcRecord } from './dcerpc/types.js';
import type { DhcpRecord } from './dhcp/types.js';
import type { DicomRecord } from './dicom/types.js';
import type { DnsRecord } from './dns/types.js';
import type { FtpRecord } from './ftp/types.js';
import type { Hl7MessageRecord } from './hl7/types.js';
import type { HttpRecord } from './http/types.js';
import type { IntellivueRecord } from './intellivue/types.js';
import type { LldpRecord } from './lldp/types.js';
import type { NbdgmRecord, NbnsRecord } from './nbns/types.js';
import type { NtpRecord } from './ntp/types.js';
import type { Poct1aRecord } from './poct1a/types.js';
import type { RdpRecord } from './rdp/types.js';
import type { SmbRecord } from './smb/types.js';
import type { SnmpRecord } from './snmp/types.js';
import type { SsdpRecord } from './ssdp/types.js';
import type { SshRecord } from './ssh/types.js';
import type { SyslogRecord } from './syslog/types.js';
import type { TelnetRecord } from './telnet/types.js';
import type { TlsRecord } from './tls/types.js';
import type { VncHandshakeRecord } from './vnc/types.js';
import type { ProtocolRecord } from './types.js';

/** Each decoder's name (= record `proto`) and the record bodies it emits. */
export interface RecordBodies {
  astm: AstmHeaderRecord;
  bacnet: BacnetRecord;
  cdp: CdpRecord;
  dcerpc: DcerpcRecord;
  dhcp: DhcpRecord;
  dicom: DicomRecord;
  dns: DnsRecord;
  mdns: DnsRecord;
  llmnr: DnsRecord;
  ftp: FtpRecord;
  hl7: Hl7MessageRecord;
  http: HttpRecord;
  intellivue: IntellivueRecord;
  lldp: LldpRecord;
  nbns: NbnsRecord;
  nbdgm: NbdgmRecord;
  ntp: NtpRecord;
  poct1a: Poct1aRecord;
  rdp: RdpRecord;
  smb: SmbRecord;
  snmp: SnmpRecord;
  ssdp: SsdpRecord;
  ssh: SshRecord;
  syslog: SyslogRecord;
  telnet: TelnetRecord;
  tls: TlsRecord;
  vnc: VncHandshakeRecord;
}

export type RecordProto = keyof RecordBodies;

/** The envelope the engine adds to every record (time, addresses, MACs). */
export type RecordEnvelope = Pick<ProtocolRecord, 'ts' | 'src' | 'sport' | 'dst' | 'dport' | 'srcMac' | 'dstMac'>;

/** A type's declared fields without its `[field: string]` index signature, so an undeclared name does not compile. */
type Declared<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** One record of decoder `P`, each of its kinds a member of the union (distributes over the decoder's own union). */
export type RecordOf<P extends RecordProto> = RecordBodies[P] extends infer B ? (B extends unknown ? Declared<B> & RecordEnvelope & { proto: P } : never) : never;

/** The records of decoder `P` with kind `K` (for decoders whose kinds are separate record types). */
export type RecordOfKind<P extends RecordProto, K extends string> = Extract<RecordOf<P>, { kind: K }>;

/** Every record, narrowed by `rec.proto` and then `rec.kind`. */
export type WireRecord = { [P in RecordProto]: RecordOf<P> }[RecordProto];

/** The decoder names the union covers: a registry decoder missing here fails src/decode/records.test.ts. */
export const RECORD_PROTOS: readonly RecordProto[] = [
  'astm', 'bacnet', 'cdp', 'dcerpc', 'dhcp', 'dicom', 'dns', 'mdns', 'llmnr', 'ftp', 'hl7', 'http', 'intellivue', 'lldp', 'nbns',
  'nbdgm', 'ntp', 'poct1a', 'rdp', 'smb', 'snmp', 'ssdp', 'ssh', 'syslog', 'telnet', 'tls', 'vnc',
] satisfies readonly RecordProto[];

/**
 * The one place a stamped record becomes typed: the sink names it by the decoder that emitted it, and each decoder
 * is declared `Decoder<its record type>`, so the envelope's `proto` selects the right member.
 */
export function asWireRecord(rec: ProtocolRecord): WireRecord {
  return rec as unknown as WireRecord;
}
