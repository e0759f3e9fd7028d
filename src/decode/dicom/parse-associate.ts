/** A-ASSOCIATE-RQ and A-ASSOCIATE-AC PDUs (PS3.8 §9.3.2 and §9.3.3, items Tables 9-12 .. 9-20). */
import { NO_DEFAULT_CREDENTIALS } from '../common/default-credentials.js';
import { ByteCursor, OutOfBounds } from '../common/byte-cursor.js';
import type { DecodeIssue, FieldValue } from '../types.js';
import { parseUserInfo } from './parse-user-info.js';
import { dicomText } from './text.js';
import { type DicomRecord, type DicomState } from './types.js';

/** PS3.8 §9.3.2: variable items of an association PDU. */
const Item = {
  ApplicationContext: 0x10,
  PresentationContextRq: 0x20,
  PresentationContextAc: 0x21,
  AbstractSyntax: 0x30,
  TransferSyntax: 0x40,
  UserInformation: 0x50,
} as const;

/** PS3.8 Table 9-18: presentation context result/reason in the AC. */
const PC_RESULTS: Readonly<Record<number, string>> = {
  0: 'acceptance',
  1: 'user-rejection',
  2: 'no-reason',
  3: 'abstract-syntax-not-supported',
  4: 'transfer-syntaxes-not-supported',
};

/** At most 128 presentation contexts exist (odd ids 1..255, PS3.8 §9.3.2.2); syntaxes per context are bounded too. */
const MAX_CONTEXTS = 128;
const MAX_SYNTAXES = 64;

/**
 * Parses an A-ASSOCIATE-RQ (type 1) or -AC (type 2) PDU, header included. Updates the flow state with the proposed
 * abstract syntaxes (RQ) and the accepted transfer syntaxes (AC), which P-DATA decoding needs later.
 */
export function parseAssociate(pdu: Uint8Array, isRq: boolean, state: DicomState | null, issues: DecodeIssue[]): DicomRecord {
  const c = new ByteCursor(pdu, 6);
  const rec: DicomRecord = { kind: isRq ? 'associate-rq' : 'associate-ac' };
  const fields = rec as Record<string, FieldValue>;
  rec.protocolVersion = c.u16();
  c.skip(2);
  // PS3.8 Table 9-11: called AE title first, then calling.
  rec.calledAeTitle = dicomText(c.bytes(16));
  rec.callingAeTitle = dicomText(c.bytes(16));
  c.skip(32);
  const abstract: string[] = [];
  const transfer: string[] = [];
  const contexts: FieldValue[] = [];
  if (isRq) state?.abstractSyntax.clear();
  if (!isRq) state?.transferSyntax.clear();
  // Every item consumes at least its 4-byte header, so the loop ends.
  while (c.remaining >= 4) {
    const at = c.pos;
    const type = c.u8();
    c.skip(1);
    const len = c.u16();
    if (len > c.remaining) {
      issues.push({ code: 'item-length', offset: at, message: `item 0x${type.toString(16)} of ${len} bytes runs past the PDU` });
      break;
    }
    const v = c.sub(len);
    try {
      if (type === Item.ApplicationContext) rec.applicationContext = dicomText(v.bytes(len));
      else if (type === Item.PresentationContextRq && isRq) {
        const pc = readContextRq(v, abstract, transfer);
        if (contexts.length < MAX_CONTEXTS) contexts.push(pc);
        if (state !== null && typeof pc.abstractSyntax === 'string') state.abstractSyntax.set(pc.id, pc.abstractSyntax);
      } else if (type === Item.PresentationContextAc && !isRq) {
        const pc = readContextAc(v, state, transfer);
        if (contexts.length < MAX_CONTEXTS) contexts.push(pc);
      } else if (type === Item.UserInformation) parseUserInfo(v, fields, issues, state?.credentials ?? NO_DEFAULT_CREDENTIALS);
    } catch (e) {
      if (!(e instanceof OutOfBounds)) throw e;
      issues.push({ code: 'item-truncated', offset: at, message: `item 0x${type.toString(16)} is shorter than its fields` });
    }
  }
  if (isRq) rec.abstractSyntaxes = abstract;
  else if (state !== null) {
    // The AC names no abstract syntax: recover the accepted ones from the RQ seen on this flow.
    for (const [id, ts] of state.transferSyntax) {
      const a = state.abstractSyntax.get(id);
      if (a !== undefined && ts !== '' && !abstract.includes(a) && abstract.length < MAX_CONTEXTS) abstract.push(a);
    }
    if (abstract.length > 0) rec.abstractSyntaxes = abstract;
  }
  rec.transferSyntaxes = transfer;
  rec.presentationContexts = contexts;
  return rec;
}

interface ContextRq {
  [k: string]: FieldValue;
  id: number;
  abstractSyntax: string | null;
  transferSyntaxes: string[];
}

/** PS3.8 Table 9-13: id, 3 reserved bytes, one abstract-syntax sub-item, one or more transfer-syntax sub-items. */
function readContextRq(v: ByteCursor, allAbstract: string[], allTransfer: string[]): ContextRq {
  const id = v.u8();
  v.skip(3);
  const pc: ContextRq = { id, abstractSyntax: null, transferSyntaxes: [] };
  while (v.remaining >= 4) {
    const type = v.u8();
    v.skip(1);
    const len = v.u16();
    const uid = dicomText(v.bytes(Math.min(len, v.remaining)));
    if (type === Item.AbstractSyntax) {
      pc.abstractSyntax = uid;
      if (!allAbstract.includes(uid) && allAbstract.length < MAX_CONTEXTS) allAbstract.push(uid);
    } else if (type === Item.TransferSyntax) {
      if (pc.transferSyntaxes.length < MAX_SYNTAXES) pc.transferSyntaxes.push(uid);
      if (!allTransfer.includes(uid) && allTransfer.length < MAX_SYNTAXES) allTransfer.push(uid);
    }
  }
  return pc;
}

/** PS3.8 Table 9-18: id, reserved, result/reason, reserved, one transfer-syntax sub-item (meaningful if accepted). */
function readContextAc(v: ByteCursor, state: DicomState | null, allTransfer: string[]): Record<string, FieldValue> {
  const id = v.u8();
  v.skip(1);
  const result = v.u8();
  v.skip(1);
  const pc: Record<string, FieldValue> = { id, result, resultName: PC_RESULTS[result] ?? 'unknown' };
  const abs = state?.abstractSyntax.get(id);
  if (abs !== undefined) pc.abstractSyntax = abs;
  while (v.remaining >= 4) {
    const type = v.u8();
    v.skip(1);
    const len = v.u16();
    const uid = dicomText(v.bytes(Math.min(len, v.remaining)));
    if (type !== Item.TransferSyntax) continue;
    pc.transferSyntax = uid;
    if (result !== 0) continue;
    state?.transferSyntax.set(id, uid);
    if (!allTransfer.includes(uid) && allTransfer.length < MAX_SYNTAXES) allTransfer.push(uid);
  }
  return pc;
}
