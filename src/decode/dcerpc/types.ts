/** DCE/RPC connection-oriented record shapes (C706 §12.6; MS-RPCE §2.2.2) — an extension of docs/architecture.md's table. */
import type { NtlmsspFields } from '../ntlmssp/ntlmssp-record.js';
import type { RecordBody } from '../types.js';

export interface DcerpcBindRecord extends RecordBody {
  /** bind / alter_context requests: which interfaces a client asks for. */
  kind: 'bind' | 'alter-context';
  /** Abstract syntaxes as `uuid vMAJOR.MINOR` (e.g. the DCOM IRemUnknown2 `00000143-… v0.0`). */
  interfaces: string[];
  /** sec_trailer auth_type (MS-RPCE §2.2.1.1.7): 9 SPNEGO, 10 NTLM, 16 Kerberos, 68 Netlogon. */
  authType?: number;
}

export interface DcerpcNtlmsspRecord extends RecordBody, NtlmsspFields {
  kind: 'ntlmssp';
  authType: number;
}

export type DcerpcRecord = DcerpcBindRecord | DcerpcNtlmsspRecord;
