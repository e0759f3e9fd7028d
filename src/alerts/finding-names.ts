/**
 * A fixed name per finding kind for alert headlines. A detector's own title can name a user or an SNMP community
 * (src/findings/detectors/credentials.ts, snmp-community.ts), so alerts never copy it.
 */
import type { FindingKind } from '../findings/types.js';

export const FINDING_NAMES: Readonly<Record<FindingKind, string>> = {
  'default-credentials': 'Default credentials in use',
  'cleartext-credentials': 'Credentials sent in clear text',
  'cleartext-phi': 'Patient data sent in clear text',
  'eol-os': 'End-of-life operating system',
  smbv1: 'SMBv1 in use',
  'weak-tls': 'Weak TLS',
  'snmp-default-community': 'SNMP default community accepted',
  'exposed-management': 'Management service exposed',
  'internet-egress': 'Medical device talks to the internet',
  'remote-access': 'Remote access session',
  'outdated-dicom': 'Outdated DICOM stack',
  'outdated-hl7': 'Outdated HL7 version',
  'known-vulnerability': 'Known vulnerability',
  'segmentation-violation': 'Segmentation policy violation',
};
