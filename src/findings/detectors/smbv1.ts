/**
 * SMBv1 use (MS-CIFS, MS-SMB; MS17-010 / WannaCry class; Microsoft deprecated SMB1): who ends up in an SMB1 session.
 * A client that offers an SMB 2 dialect is not an SMBv1 user (modern clients open with an SMB1 NEGOTIATE only to
 * upgrade). A client that offers only SMB1 dialects (NT LM 0.12, LANMAN…, PC NETWORK PROGRAM 1.0), or that a server
 * answered with an SMB1 dialect, or that runs an SMB1 SESSION_SETUP_ANDX (with or without NTLMSSP inside, whether
 * or not the negotiate was captured) is. The server is an SMBv1 server only by what it sent itself: an SMB1 dialect
 * chosen, an SMB1 session-setup answer.
 */
import type { RecordEnvelope, RecordOf, WireRecord } from '../../decode/records.js';
import { at, receiver, sender, tsOf, type Hit } from './hit.js';

/** SMB over TCP (MS-SMB2 §2.1) and over NetBIOS session service (RFC 1002). */
const SMB_PORTS: ReadonlySet<number> = new Set([445, 139]);

type Host = { ip: string; mac: string | null };

const CLIENT_DETAIL = 'The device talks SMBv1 to a file server, so the server cannot turn SMBv1 off without breaking it, and the session carries the EternalBlue/WannaCry class of flaws (MS17-010). Plan an update that speaks SMB 2 or later, or isolate both ends.';

function clientHit(host: Host, peer: Host, rec: RecordEnvelope, port: number | null, evidence: string, out: Hit[]): void {
  out.push({ ...host, tsMs: tsOf(rec), peer: peer.ip, kind: 'smbv1', key: 'smbv1:client', severity: 'medium', title: 'SMBv1 client', detail: CLIENT_DETAIL, evidence, facts: { service: `smb/${port ?? '?'}` } });
}

function serverHit(host: Host, client: Host, rec: RecordEnvelope, port: number | null, what: string, evidence: string, out: Hit[]): void {
  out.push({
    ...host, tsMs: tsOf(rec), peer: client.ip, kind: 'smbv1', key: 'smbv1:server', severity: 'high', title: 'SMBv1 server',
    client, asClient: { key: 'smbv1:external-server', title: 'Uses an SMBv1 server outside the site' },
    detail: `The device ${what}. SMBv1 carries the EternalBlue/WannaCry class of flaws (MS17-010) and is deprecated; disable it or isolate the device.`,
    evidence, facts: { service: `smb/${port ?? '?'}`, automatable: true, technicalImpact: 'total' },
  });
}

/** Whether the record's sender is the SMB client: true, false, or null when neither the message nor the ports say. */
function senderIsClient(rec: RecordOf<'smb'>): boolean | null {
  if (rec.kind === 'ntlmssp') {
    // NTLMSSP NEGOTIATE (1) and AUTHENTICATE (3) come from the client, CHALLENGE (2) from the server (MS-NLMP §3.1).
    if (rec.ntlmMessageType === 1 || rec.ntlmMessageType === 3) return true;
    return false; // CHALLENGE
  } else if (rec.kind === 'session-setup') {
    // Only the request's non-extended forms carry a password field (cleartextPassword is set on both of them);
    // only the response carries PrimaryDomain without an account name.
    if (rec.cleartextPassword !== undefined || rec.accountName !== undefined) return true;
    if (rec.primaryDomain !== undefined) return false;
  }
  if (rec.dport !== null && SMB_PORTS.has(rec.dport)) return true;
  if (rec.sport !== null && SMB_PORTS.has(rec.sport)) return false;
  return null;
}

export function smbv1Hits(rec: WireRecord, out: Hit[]): void {
  if (rec.proto !== 'smb' || rec.smbVersion !== 1) return;
  if (rec.kind === 'negotiate') {
    const chosen = rec.dialect;
    if (chosen !== undefined) {
      // The server's answer named an SMB1 dialect: both ends are now in an SMB1 session.
      const evidence = `${at(rec.src, rec.sport)} chose SMB1 dialect '${chosen}' for ${rec.dst}`;
      serverHit(sender(rec), receiver(rec), rec, rec.sport, `accepted an SMBv1 session (dialect ${chosen})`, evidence, out);
      clientHit(receiver(rec), sender(rec), rec, rec.sport, `${rec.dst} was answered with SMB1 dialect '${chosen}' by ${at(rec.src, rec.sport)}`, out);
      return;
    }
    // A request (its smbVersion is 1 only when no SMB 2 dialect is offered); a response naming no dialect (none
    // accepted, or its request was not captured) says nothing.
    const dialects = rec.dialects ?? [];
    if (dialects.length === 0 || dialects.some((d) => d.startsWith('SMB 2'))) return;
    clientHit(sender(rec), receiver(rec), rec, rec.dport, `${rec.src} offered only SMB1 dialects (${dialects.slice(0, 4).join(', ')}) to ${at(rec.dst, rec.dport)}`, out);
    return;
  }
  const fromClient = senderIsClient(rec);
  if (fromClient === null) return;
  const client = fromClient ? sender(rec) : receiver(rec);
  const server = fromClient ? receiver(rec) : sender(rec);
  const port = fromClient ? rec.dport : rec.sport;
  const serverAt = fromClient ? at(rec.dst, rec.dport) : at(rec.src, rec.sport);
  const what = rec.kind === 'ntlmssp' ? 'an SMB1 SESSION_SETUP_ANDX with NTLMSSP' : 'an SMB1 SESSION_SETUP_ANDX';
  const evidence = `${client.ip} and ${serverAt} exchanged ${what} (${fromClient ? 'request' : 'response'} seen)`;
  clientHit(client, server, rec, port, evidence, out);
  // The server is judged only on what it sent: a client's request proves the client's SMB1 use, not that the server
  // accepted it (the answer may be a refusal, or on a path the capture does not see).
  if (!fromClient) serverHit(server, client, rec, port, 'answered an SMBv1 session setup', evidence, out);
}
