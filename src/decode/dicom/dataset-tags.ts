/** The data elements the decoder keeps or flags (PS3.6 Table 6-1) and transfer-syntax families (PS3.5 §10, Annex A). */
import type { Encoding } from './types.js';

function tag(group: number, element: number): number {
  return group * 0x10000 + element;
}

/** Device attributes of docs/architecture.md, by tag (PS3.6): the only data-set values ever kept. */
export const DEVICE_ATTRIBUTES: ReadonlyMap<number, string> = new Map([
  [tag(0x0008, 0x0060), 'modality'],
  [tag(0x0008, 0x0070), 'manufacturer'],
  [tag(0x0008, 0x0080), 'institutionName'],
  [tag(0x0008, 0x1010), 'stationName'],
  [tag(0x0008, 0x1040), 'departmentName'],
  [tag(0x0008, 0x1090), 'modelName'],
  [tag(0x0018, 0x1000), 'deviceSerialNumber'],
  [tag(0x0018, 0x1020), 'softwareVersions'],
]);

/**
 * Elements before group 0x0020 that identify a patient or their encounter besides group 0x0010 (Patient module):
 * accession number, referring/performing/reading physicians, operators, admitting diagnoses (PS3.6; PS3.15 Annex E
 * Table E.1-1 lists them for removal in de-identification).
 */
const IDENTIFYING: ReadonlySet<number> = new Set([
  tag(0x0008, 0x0050), // Accession Number
  tag(0x0008, 0x0090), // Referring Physician's Name
  tag(0x0008, 0x0092), // Referring Physician's Address
  tag(0x0008, 0x0094), // Referring Physician's Telephone Numbers
  tag(0x0008, 0x1048), // Physician(s) of Record
  tag(0x0008, 0x1050), // Performing Physician's Name
  tag(0x0008, 0x1060), // Name of Physician(s) Reading Study
  tag(0x0008, 0x1070), // Operators' Name
  tag(0x0008, 0x1080), // Admitting Diagnoses Description
  tag(0x0008, 0x1120), // Referenced Patient Sequence
]);

/** Group 0x0010 is the Patient module and patient-identifying data (PS3.6); empty group length elements aside. */
export function isPatientTag(group: number, element: number): boolean {
  if (group === 0x0010) return element !== 0x0000;
  return IDENTIFYING.has(tag(group, element));
}

export function tagText(group: number, element: number): string {
  return `${group.toString(16).toUpperCase().padStart(4, '0')},${element.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** PS3.5 Annex A and PS3.6 Table A-1: the transfer syntax UIDs whose data-set encoding differs from explicit VR LE. */
export const TS_IMPLICIT_LE = '1.2.840.10008.1.2';
export const TS_EXPLICIT_BE = '1.2.840.10008.1.2.2';
export const TS_DEFLATED = '1.2.840.10008.1.2.1.99';
/** JPIP Referenced Deflate (PS3.5 §A.6): deflated as well. */
export const TS_JPIP_DEFLATE = '1.2.840.10008.1.2.4.95';

/** Every other (including compressed) transfer syntax encodes the data set as explicit VR little endian (PS3.5 §A.4). */
export function transferSyntaxEncoding(uid: string): Encoding {
  if (uid === TS_IMPLICIT_LE) return 'implicit-le';
  if (uid === TS_EXPLICIT_BE) return 'explicit-be';
  if (uid === TS_DEFLATED || uid === TS_JPIP_DEFLATE) return 'deflated';
  return 'explicit-le';
}
