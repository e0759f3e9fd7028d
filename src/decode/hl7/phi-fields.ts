/**
 * PHI-bearing HL7 v2 fields (HL7 v2.5 ch. 3 PID/NK1/PV1/MRG/GT1, ch. 6 IN1/AL1/DG1, ch. 7 OBX/NTE), checked for
 * presence only: the decoder never copies their values. The list follows the HIPAA Safe Harbor identifiers
 * (45 CFR 164.514(b)(2): names, geographic units smaller than a state, dates tied to a person, phone numbers,
 * SSN, medical record / account / health-plan numbers, any other unique identifying number) plus clinical content
 * linked to a patient (observation values, allergies, diagnoses, free-text notes).
 *
 * Deliberately NOT listed: PID-8 sex, PID-10 race, PID-22 ethnicity (demographics, not identifiers on their own),
 * PV1-2 patient class, PV1-7/8/9 attending/referring/consulting clinicians (staff, not the patient), OBX-18 and
 * PRT device identifiers (they name equipment and are kept as `deviceIds`).
 */

/** Segment -> field numbers whose presence is reported. */
export const PHI_FIELDS: Readonly<Record<string, readonly number[]>> = {
  // 2 patient ID, 3 identifier list (MRN), 4 alternate ID, 5 name, 6 mother's maiden name, 7 birth date,
  // 9 alias, 11 address, 12 county, 13/14 phones, 18 account number, 19 SSN, 20 driver's licence,
  // 21 mother's identifier, 23 birth place, 29 death date.
  PID: [2, 3, 4, 5, 6, 7, 9, 11, 12, 13, 14, 18, 19, 20, 21, 23, 29],
  // 2 name, 4 address, 5/6 phones, 16 birth date, 19 citizenship, 30 contact person name, 31 its phone,
  // 32 its address, 33 next-of-kin identifiers, 37 SSN.
  NK1: [2, 4, 5, 6, 16, 30, 31, 32, 33, 37],
  // 3 assigned location (bed: places the patient), 19 visit number, 44/45 admit/discharge dates, 50 alt. visit ID.
  PV1: [3, 19, 44, 45, 50],
  // merge: prior identifiers, account, visit numbers and name.
  MRG: [1, 2, 3, 4, 5, 6, 7],
  // guarantor number, name, address, phones, birth date, SSN.
  GT1: [2, 3, 5, 6, 7, 8, 12],
  // insured's name, birth date, address, policy number, insured's ID.
  IN1: [16, 18, 19, 36, 49],
  // allergen, diagnosis code/description: clinical facts about the patient.
  AL1: [3],
  DG1: [3, 4],
  // free-text comments routinely carry names and clinical notes.
  NTE: [3],
};

/**
 * OBX-5 (observation value) is health information when the message names a patient (a PID or PV1 segment);
 * in device-only messages (IHE PCD device management, no patient) it is reported as not PHI.
 */
export const OBSERVATION_VALUE_FIELD = 5;

/** Segments whose presence means the message is about a patient. */
export const PATIENT_SEGMENTS: ReadonlySet<string> = new Set(['PID', 'PV1', 'NK1', 'MRG', 'PD1']);

/** Equipment identifier fields: OBX-18 equipment instance, PRT-10 device, PRT-16 UDI, PRT-20 serial (v2.8+). */
export const DEVICE_ID_FIELDS: Readonly<Record<string, readonly number[]>> = {
  OBX: [18],
  PRT: [10, 16, 20],
};
