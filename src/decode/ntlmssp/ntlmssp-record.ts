/** Maps a parsed NTLMSSP message to the `ntlmssp` record fields docs/architecture.md fixes (shared by the smb and dcerpc decoders). */
import type { NtlmsspInfo } from './parse-ntlmssp.js';

export interface NtlmsspFields {
  /** 1 NEGOTIATE (client), 2 CHALLENGE (server), 3 AUTHENTICATE (client). */
  ntlmMessageType: 1 | 2 | 3;
  /** The sender's OS build `major.minor.build` (VERSION structure). */
  osVersion?: string;
  /** AUTHENTICATE/NEGOTIATE: the client's domain; CHALLENGE: the server's NetBIOS domain (else its TargetName). */
  ntlmDomain?: string;
  /** AUTHENTICATE/NEGOTIATE: the client workstation; CHALLENGE: the server's NetBIOS computer name. */
  ntlmHost?: string;
  /** AUTHENTICATE only: the account name (never the responses or keys). */
  ntlmUser?: string;
  dnsDomain?: string;
  dnsComputer?: string;
  dnsTree?: string;
}

export function ntlmsspFields(n: NtlmsspInfo): NtlmsspFields {
  const f: NtlmsspFields = { ntlmMessageType: n.messageType };
  if (n.osVersion !== undefined) f.osVersion = n.osVersion;
  const domain = n.messageType === 2 ? (n.netbiosDomain ?? n.domain) : n.domain;
  const host = n.messageType === 2 ? n.netbiosComputer : n.host;
  if (domain !== undefined) f.ntlmDomain = domain;
  if (host !== undefined) f.ntlmHost = host;
  if (n.user !== undefined) f.ntlmUser = n.user;
  if (n.dnsDomain !== undefined) f.dnsDomain = n.dnsDomain;
  if (n.dnsComputer !== undefined) f.dnsComputer = n.dnsComputer;
  if (n.dnsTree !== undefined) f.dnsTree = n.dnsTree;
  return f;
}
