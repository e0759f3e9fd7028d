/**
 * The DICOM Upper Layer decoder (PS3.8 §9.3 PDUs, PS3.7 command set, PS3.5 data sets): associations, releases,
 * aborts and DIMSE commands. A command that carries a data set is emitted once the start of that data set has been
 * read (past group 0x0018, its last fragment, or the next command / release / abort on the association), with
 * `dataset` holding only device attributes and `patientDataPresent` / `patientDataTags` saying which patient
 * elements crossed the wire, never their values.
 */
import { OutOfBounds } from '../common/byte-cursor.js';
import { NO_DECODER_DEPS, type DecodeContext, type DecodeIssue, type DecodeResult, type Decoder } from '../types.js';
import { frameDicom } from './frame.js';
import { parseAssociate } from './parse-associate.js';
import { parseAbort, parseAssociateRj, parseRelease } from './parse-control.js';
import { flushPending, parsePData } from './parse-pdata.js';
import { probeDicom } from './probe.js';
import { createDicomState, isDicomState, PDU_HEADER_BYTES, PduType, type DicomRecord, type DicomState } from './types.js';

/** 104 is the registered port, 11112 the IANA "dicom" port, 4242 Orthanc's default (hints only). */
const DICOM_PORTS = [104, 11112, 4242] as const;

function decodeDicom(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<DicomRecord> {
  const records: DicomRecord[] = [];
  const issues: DecodeIssue[] = [];
  // Without engine state (a unit call), a throwaway one keeps decoding pure and total.
  const state: DicomState = isDicomState(ctx.state) ? ctx.state : createDicomState(NO_DECODER_DEPS);
  try {
    if (pdu.length < PDU_HEADER_BYTES) {
      issues.push({ code: 'short-pdu', offset: 0, message: `${pdu.length} bytes is shorter than a PDU header` });
      return { records, issues };
    }
    const type = pdu[0] ?? 0;
    switch (type) {
      case PduType.AssociateRq:
        flushPending(state, records, 'new-association');
        state.contexts.clear();
        records.push(parseAssociate(pdu, true, state, issues));
        break;
      case PduType.AssociateAc:
        records.push(parseAssociate(pdu, false, state, issues));
        break;
      case PduType.AssociateRj:
        records.push(parseAssociateRj(pdu));
        break;
      case PduType.PData:
        parsePData(pdu, ctx.direction, state, records, issues);
        break;
      case PduType.ReleaseRq:
      case PduType.ReleaseRp:
        flushPending(state, records, 'released');
        records.push(parseRelease(type === PduType.ReleaseRq));
        break;
      case PduType.Abort:
        flushPending(state, records, 'aborted');
        records.push(parseAbort(pdu));
        break;
      default:
        issues.push({ code: 'pdu-type', offset: 0, message: `unknown PDU type 0x${type.toString(16)}` });
    }
  } catch (e) {
    if (!(e instanceof OutOfBounds)) throw e;
    issues.push({ code: 'truncated', offset: e.offset, message: e.message });
  }
  return { records, issues };
}

export const dicomDecoder: Decoder<DicomRecord> = {
  name: 'dicom',
  transport: 'tcp',
  ports: DICOM_PORTS,
  probe: probeDicom,
  frame: frameDicom,
  decode: decodeDicom,
  createState: createDicomState,
};
