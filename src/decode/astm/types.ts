/** Record shape of the ASTM decoder (docs/architecture.md Records table, proto `astm`, kind `header`). */

export interface AstmHeaderRecord {
  [field: string]: string | number | boolean | null | readonly string[] | undefined;
  kind: 'header';
  /** H-5 sender name or ID, components 1-3 (CLSI LIS2-A2 / E1394 §7.1.5: name ^ software version ^ serial). */
  senderName: string | null;
  senderVersion: string | null;
  senderSerial: string | null;
  /** H-5 as sent (components joined with `^`), for the analyzers that lay it out differently. */
  sender: string | null;
  /** H-10 receiver ID, H-12 processing ID, H-13 version of the standard (`LIS2-A2`, `E1394-97`). */
  receiverId: string | null;
  processingId: string | null;
  standardVersion: string | null;
  /** Record type letters of the message, in order of first appearance (H, P, O, R, C, M, Q, L …). */
  records: string[];
  recordCount: number;
  /** A P (patient) record carried data beyond its sequence number; the values are never kept. */
  patientDataPresent: boolean;
  /** Which PHI-bearing fields were present (`P-6` patient name, `P-8` birth date, `R-4` a result of a named
   *  patient …; phi-fields.ts), in order of first appearance; never their values. */
  phiFields: string[];
  /** 'e1381' when the records came in ENQ/STX…ETX frames, 'none' for bare E1394 over TCP. */
  framing: 'e1381' | 'none';
  /** E1381 frames whose checksum did not match. */
  checksumErrors: number;
  /** The message ended without an L record (EOT, a new H, or the frame budget ran out). */
  incomplete?: boolean;
}

/** One message being assembled in one direction of a flow. */
export interface AstmMessage {
  header: AstmHeaderRecord;
}

/** Per direction: the partial record text (records may span ETB frames) and the message being assembled. */
export interface AstmDirectionState {
  partial: string;
  message: AstmHeaderRecord | null;
  checksumErrors: number;
  /** Field, repeat, component and escape delimiters of the open message's H record (`|\\^&`). */
  delimiters: string;
  /** The open message has named a patient (a P record with an identifying field): its results are PHI. */
  patientNamed: boolean;
}

export interface AstmFlowState {
  out: AstmDirectionState;
  in: AstmDirectionState;
}
