/**
 * Which firmware evidence votes (DICOM PS3.7 §D.3.3.2 Implementation Version Name, PS3.3 C.7.5.1 Software Versions):
 * what a device states of its own software wins over the DICOM toolkit its maker built it with.
 */
import type { Evidence } from './types.js';

/**
 * Source of firmware evidence that names a DICOM toolkit (DCMTK, Laurel Bridge DCF, MergeCOM …) from the association's
 * implementation class UID root or version name: the stack's version, which many makers' devices share.
 */
export const DICOM_TOOLKIT_SOURCE = 'dicom.toolkit';

/**
 * The firmware evidence that takes part in the vote. A toolkit version is the device's software only when nothing
 * better is known: any firmware the device states itself (data set Software Versions, SNMP, a banner …) outranks it,
 * and a device whose model is known is a product of its own, whose firmware the toolkit's version is not (left
 * unknown rather than wrong: advisory version ranges are compared with it). A bare DICOM node without either keeps
 * the toolkit as the one software fact it shows. The evidence itself is kept in the profile either way.
 */
export function firmwareVoters(firmware: readonly Evidence[], modelKnown: boolean): Evidence[] {
  const own = firmware.filter((e) => e.source !== DICOM_TOOLKIT_SOURCE);
  return own.length > 0 || modelKnown ? own : [...firmware];
}
