/**
 * PHI-bearing ASTM E1394-97 / CLSI LIS2-A2 fields (§8.1 patient record, §10.1 result record), checked for presence
 * only: the decoder never copies their values. Field `P-n` is E1394 §8.1.n (P-1 the record type, P-2 the sequence
 * number, P-6 the patient name), as HL7's `PID-5` names a field by its position.
 *
 * The list follows the HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2): names, addresses, dates tied to a
 * person, phone numbers, medical record and other identifying numbers) plus clinical content linked to a patient
 * (diagnosis, medications, the result value). Deliberately NOT listed: P-9 sex, P-10 race (demographics, not
 * identifiers on their own), P-14 attending physician (staff), P-15/16 and P-22/23 (site- or vendor-defined
 * contents), O-3 specimen ID (a tube label that the LIS resolves, kept out as it is present in every order).
 */

/** P record fields: 3 practice-assigned patient ID, 4 laboratory-assigned patient ID, 5 patient ID No. 3,
 *  6 patient name, 7 mother's maiden name, 8 birth date, 11 address, 13 telephone, 19 diagnosis, 20 active
 *  medications, 24 admission and discharge dates, 26 location. */
export const PATIENT_PHI_FIELDS: readonly number[] = [3, 4, 5, 6, 7, 8, 11, 13, 19, 20, 24, 26];

/** R-4 (data or measurement value) is health information when the message names a patient (a P record with an
 *  identifier above); results of a message without one (QC, calibration, an anonymous sample) are not reported. */
export const RESULT_VALUE_FIELD = 4;

/** At most this many field names are kept per message. */
export const MAX_PHI_FIELDS = 32;

/** A field value holding anything but blanks and the message's delimiters (`|`, `\`, `^`, `&` by default). */
export function fieldHasValue(field: string, delimiters: string): boolean {
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c > 0x20 && !delimiters.includes(field[i] ?? '')) return true;
  }
  return false;
}
