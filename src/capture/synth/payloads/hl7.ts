/** HL7 v2 messages (HL7 v2.5 ch. 2 §2.5: segments end with CR) framed by MLLP (HL7 Transport Specification: MLLP Release 2 §2.1). */

import { ascii, concatBytes } from './byte-writer.js';

export const MLLP_START_BLOCK = 0x0b; // <VT>
export const MLLP_END_BLOCK = 0x1c; // <FS>
export const MLLP_CARRIAGE_RETURN = 0x0d;

/** Joins segments with the segment terminator CR (every segment, the last included, ends with CR). */
export function hl7Message(segments: readonly string[]): string {
  return segments.map((s) => `${s}\r`).join('');
}

/** `<VT> message <FS><CR>`. */
export function mllpFrame(message: string): Uint8Array {
  return concatBytes([Uint8Array.of(MLLP_START_BLOCK), ascii(message), Uint8Array.of(MLLP_END_BLOCK, MLLP_CARRIAGE_RETURN)]);
}

/** The usual ACK: MSH with sender and receiver swapped, MSA|AA|<control id of the message acknowledged>. */
export function hl7Ack(original: { sendingApplication: string; sendingFacility: string; receivingApplication: string; receivingFacility: string; version: string; controlId: string }, timestamp: string, ackControlId: string): string {
  const o = original;
  return hl7Message([
    `MSH|^~\\&|${o.receivingApplication}|${o.receivingFacility}|${o.sendingApplication}|${o.sendingFacility}|${timestamp}||ACK|${ackControlId}|P|${o.version}`,
    `MSA|AA|${o.controlId}`,
  ]);
}
