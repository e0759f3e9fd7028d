/** SMB record shapes (MS-SMB / MS-SMB2 over NetBIOS session service, RFC 1002) with the field names docs/architecture.md fixes. */
import type { NtlmsspFields } from '../ntlmssp/ntlmssp-record.js';
import type { RecordBody } from '../types.js';

/**
 * `smbVersion` meaning, per message:
 * - negotiate request: the highest version the client offers (an SMB1 request that lists "SMB 2.???" says 2; its
 *   `dialects` still show whether SMB1 dialects were offered);
 * - negotiate response: the version the server chose — `1` here is the real SMBv1 use a finding needs;
 * - session-setup / ntlmssp: the version of the header carrying it (SMB2 records say 3 once a 3.x dialect was seen).
 */
export type SmbVersion = 1 | 2 | 3;

export interface SmbNegotiateRecord extends RecordBody {
  kind: 'negotiate';
  smbVersion: SmbVersion;
  /** Request: the offered dialects (SMB1 strings such as `NT LM 0.12`, SMB2 revisions such as `3.1.1`). */
  dialects?: string[];
  /** Response: the chosen dialect (`NT LM 0.12`, `2.1`, `3.1.1`; `2.???` = the SMB2 wildcard answer). */
  dialect?: string;
  /** SMB1 response without extended security: the server's domain / workgroup and NetBIOS name. */
  primaryDomain?: string;
  serverName?: string;
}

export interface SmbSessionSetupRecord extends RecordBody {
  kind: 'session-setup';
  smbVersion: SmbVersion;
  /** SMB1 NativeOS / NativeLanMan strings of the sender (`Windows 5.1`, `Windows 2000 LAN Manager`). */
  nativeOs?: string;
  nativeLanMan?: string;
  /** SMB1 without extended security: AccountName and PrimaryDomain of the request (the password is never kept). */
  accountName?: string;
  primaryDomain?: string;
  /** SMB1 without extended security: the password field held cleartext rather than an LM/NTLM response. */
  cleartextPassword?: boolean;
}

export interface SmbNtlmsspRecord extends RecordBody, NtlmsspFields {
  kind: 'ntlmssp';
  smbVersion: SmbVersion;
}

export type SmbRecord = SmbNegotiateRecord | SmbSessionSetupRecord | SmbNtlmsspRecord;

/** Per flow: what the negotiate exchange said, so later messages can be read against it. */
export interface SmbFlowState {
  /** Dialect strings of the last SMB1 negotiate request (the response only names an index into it). */
  smb1Dialects: string[];
  /** Version of the negotiated SMB2 dialect (2 or 3), once the response was seen. */
  smb2Version: 2 | 3;
}

export function createSmbState(): SmbFlowState {
  return { smb1Dialects: [], smb2Version: 2 };
}

export function isSmbState(s: unknown): s is SmbFlowState {
  return typeof s === 'object' && s !== null && 'smb1Dialects' in s;
}
