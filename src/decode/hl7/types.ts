/** Record shape of the HL7 v2 decoder (docs/architecture.md Records table, proto `hl7`, kind `message`). */

export interface Hl7MessageRecord {
  [field: string]: string | number | boolean | null | readonly string[] | undefined;
  kind: 'message';
  /** MSH-3 .. MSH-6, first repetition, components joined with `^` whatever the sender's separators. */
  sendingApplication: string | null;
  sendingFacility: string | null;
  receivingApplication: string | null;
  receivingFacility: string | null;
  /** MSH-9 message code and trigger event (`ORU^R01`; `ACK` when there is no trigger); structure dropped. */
  messageType: string | null;
  /** MSH-10. */
  controlId: string | null;
  /** MSH-12, first component. */
  version: string | null;
  /** MSH-1 + MSH-2 as sent (`|^~\&` unless the sender chose others). */
  encodingCharacters: string;
  /** Segment names in order, capped at MAX_SEGMENT_NAMES; `segmentCount` counts all. */
  segments: string[];
  segmentCount: number;
  /** PHI-bearing fields present and non-empty (`PID-5`); never their values (see phi-fields.ts). */
  phiFields: string[];
  /** Equipment identifiers (OBX-18, PRT-10, PRT-16, PRT-20): they name a device, not a patient. */
  deviceIds: string[];
  /** OBX-3 coding systems (component 3: `MDC`, `LN`, `99MNDRY` …), distinct, at most MAX_OBSERVATION_TERMS. */
  observationCodingSystems: string[];
  /**
   * OBX-3 names of the ISO/IEEE 11073-10101 nomenclature (`MDC_PULS_OXIM_SAT_O2`, `MDC_DEV_PUMP_INFUS_MDS`): what kind
   * of device measured, never a value. Other coding systems' codes (LOINC tests) are not kept.
   */
  mdcTerms: string[];
  /** MSA-1 / MSA-2, when the message carries an MSA segment (ACK and other responses). */
  ackCode?: string | null;
  ackControlId?: string | null;
  /** 'mllp' when the message came in 0x0B … 0x1C framing, 'none' for bare HL7 over TCP. */
  framing: 'mllp' | 'none';
  /** The message was cut (framing limit or stream end) before its end block. */
  truncated?: boolean;
}

/** HL7 v2.5 ch. 2.5.4: the delimiters a message declares in MSH-1 and MSH-2. */
export interface Hl7Delimiters {
  field: number;
  component: number;
  repetition: number;
  escape: number;
  subcomponent: number;
}
