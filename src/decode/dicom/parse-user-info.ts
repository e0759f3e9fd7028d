/** A-ASSOCIATE User Information item 0x50 and its sub-items (PS3.8 §9.3.2.3, §9.3.3.3, PS3.7 Annex D.3.3). */
import { ByteCursor, OutOfBounds } from '../common/byte-cursor.js';
import type { DefaultCredentials } from '../common/default-credentials.js';
import type { DecodeIssue, FieldValue } from '../types.js';
import { dicomText } from './text.js';

/** PS3.8 Annex D.1, PS3.7 Annex D.3.3: sub-item types inside the user information item. */
const SubItem = {
  MaxLength: 0x51,
  ImplementationClassUid: 0x52,
  AsyncOperationsWindow: 0x53,
  RoleSelection: 0x54,
  ImplementationVersionName: 0x55,
  SopClassExtended: 0x56,
  SopClassCommonExtended: 0x57,
  UserIdentityRq: 0x58,
  UserIdentityAc: 0x59,
} as const;

/** PS3.7 Table D.3-14: user identity types; 1 and 2 carry a user name, 2 also a passcode. */
const USER_IDENTITY_NAMES: Readonly<Record<number, string>> = {
  1: 'username',
  2: 'username-passcode',
  3: 'kerberos',
  4: 'saml',
  5: 'jwt',
};

/** PS3.7 D.3.3.7: the passcode is a UTF-8 string; decoded only to compare it with the published defaults. */
const PASSCODE_TEXT = new TextDecoder('utf-8');

/** At most this many role-selection sub-items are reported (one per SOP class, so bounded by the contexts). */
const MAX_ROLES = 128;

/**
 * Reads the sub-items into `out` (field names of docs/architecture.md). The passcode of a user identity never leaves this
 * function: only the fact that one was sent (`passcodePresent`) and whether the pair is a published default
 * (`defaultCredential`). Kerberos/SAML/JWT tokens are not kept either.
 */
export function parseUserInfo(c: ByteCursor, out: Record<string, FieldValue>, issues: DecodeIssue[], defaults: DefaultCredentials): void {
  const roles: FieldValue[] = [];
  let extendedCount = 0;
  // Each sub-item consumes at least 4 bytes, so the loop ends.
  while (c.remaining >= 4) {
    const at = c.pos;
    const type = c.u8();
    c.skip(1);
    const len = c.u16();
    if (len > c.remaining) {
      issues.push({ code: 'user-info-length', offset: at, message: `sub-item 0x${type.toString(16)} of ${len} bytes runs past its item` });
      return;
    }
    const v = c.sub(len);
    try {
      readSubItem(type, len, v, out, roles, defaults);
    } catch (e) {
      if (!(e instanceof OutOfBounds)) throw e;
      issues.push({ code: 'user-info-truncated', offset: at, message: `sub-item 0x${type.toString(16)} is shorter than its fields` });
    }
    if (type === SubItem.SopClassExtended || type === SubItem.SopClassCommonExtended) extendedCount++;
  }
  if (roles.length > 0) out.roleSelection = roles;
  if (extendedCount > 0) out.extendedNegotiationCount = extendedCount;
}

function readSubItem(type: number, len: number, v: ByteCursor, out: Record<string, FieldValue>, roles: FieldValue[], defaults: DefaultCredentials): void {
  switch (type) {
    case SubItem.MaxLength:
      if (len >= 4) out.maxPduLength = v.u32();
      break;
    case SubItem.ImplementationClassUid:
      out.implementationClassUid = dicomText(v.bytes(len));
      break;
    case SubItem.ImplementationVersionName:
      out.implementationVersionName = dicomText(v.bytes(len));
      break;
    case SubItem.AsyncOperationsWindow:
      if (len >= 4) out.asyncOperationsWindow = { maxOperationsInvoked: v.u16(), maxOperationsPerformed: v.u16() };
      break;
    case SubItem.RoleSelection: {
      const uidLen = v.u16();
      const sopClassUid = dicomText(v.bytes(uidLen));
      const scuRole = v.u8();
      const scpRole = v.u8();
      if (roles.length < MAX_ROLES) roles.push({ sopClassUid, scuRole, scpRole });
      break;
    }
    case SubItem.UserIdentityRq:
      parseUserIdentityRq(v, out, defaults);
      break;
    case SubItem.UserIdentityAc:
      // The server response may be a Kerberos ticket or SAML/JWT token: keep only that the server answered.
      out.userIdentityAccepted = true;
      break;
    default:
      break;
  }
}

/** PS3.7 Table D.3-14 (RQ): type, positive-response-requested, primary field (user name), secondary field (passcode). */
function parseUserIdentityRq(v: ByteCursor, out: Record<string, FieldValue>, defaults: DefaultCredentials): void {
  const type = v.u8();
  const responseRequested = v.u8();
  out.userIdentityType = type;
  out.userIdentityTypeName = USER_IDENTITY_NAMES[type] ?? 'unknown';
  out.userIdentityResponseRequested = responseRequested === 1;
  const primaryLen = v.u16();
  const primary = v.bytes(primaryLen);
  const user = type === 1 || type === 2 ? dicomText(primary, true) : null;
  if (user !== null) out.userIdentity = user;
  // Only type 2 has a secondary field. Its bytes are compared with the published defaults and dropped here.
  if (type === 2 && user !== null && v.remaining >= 2) {
    const passcodeLen = v.u16();
    out.passcodePresent = passcodeLen > 0;
    out.defaultCredential = passcodeLen <= v.remaining && defaults.isDefaultFor('dicom', user, PASSCODE_TEXT.decode(v.bytes(passcodeLen)));
  }
}
