/**
 * Cleartext and default credentials from login records: Telnet and FTP logins, HTTP Basic, DICOM
 * A-ASSOCIATE user identity (PS3.7 D.3.3.7), SNMP v1/v2c communities that are not defaults, SMB1 plain-text passwords. The decoders
 * already dropped the passwords and said whether the pair was a published default; here only user names, services
 * and "default: yes/no" are used. A non-default SNMP community is a secret and never leaves this file.
 */
import type { CredentialProtocol } from '../../decode/common/default-credentials.js';
import { loadDefaultCredentials } from '../../decode/common/default-credentials-file.js';
import type { RecordOf, RecordOfKind, WireRecord } from '../../decode/records.js';
import type { FindingFacts } from '../types.js';
import { at, receiver, sender, tsOf, type Hit } from './hit.js';

const SNMP_AGENT_KINDS: ReadonlySet<string> = new Set(['response', 'trap', 'report']);

function outcome(success: unknown): string {
  return success === true ? 'login succeeded' : success === false ? 'login failed' : 'outcome unknown';
}

/** Published sources naming this user for the protocol (the password is gone, so any of them may be the match). */
function defaultSources(protocol: CredentialProtocol, user: string): { text: string; facts: FindingFacts } {
  const rows = loadDefaultCredentials().rowsForUser(protocol, user);
  const advisories = [...new Set(rows.map((r) => r.advisory).filter((a) => a !== undefined))];
  const cves = [...new Set(rows.flatMap((r) => r.cves ?? []))];
  const text = rows.slice(0, 3).map((r) => r.product !== undefined ? `${r.product} (${r.advisory ?? r.source})` : r.source).join('; ');
  return { text, facts: { ...(advisories.length > 0 ? { advisoryIds: advisories } : {}), ...(cves.length > 0 ? { cves } : {}) } };
}

function loginHits(rec: RecordOfKind<'ftp', 'login'> | RecordOfKind<'telnet', 'login'>, out: Hit[]): void {
  const user = rec.user;
  if (rec.proto === 'ftp' && rec.anonymous) return;
  const proto = rec.proto;
  // A login record names the client as src (docs/architecture.md); the finding is the server's, whose password it is.
  const server = receiver(rec);
  const service = `${proto}/${rec.dport ?? '?'}`;
  const evidence = `${rec.src} logged in to ${at(rec.dst, rec.dport)} (${proto}) as '${user}', password sent in clear (${outcome(rec.success)})`;
  const base = { ...server, tsMs: tsOf(rec), peer: rec.src, client: sender(rec) };
  out.push({
    ...base, kind: 'cleartext-credentials', key: `${proto}:${user}`, severity: 'high',
    title: `${proto === 'ftp' ? 'FTP' : 'Telnet'} login in clear text (user ${user})`,
    detail: `A ${proto} login sends the user name and password unencrypted; anyone on the path can read and reuse them. Replace ${proto} with ${proto === 'ftp' ? 'SFTP or FTPS' : 'SSH'}, or restrict it to the management network.`,
    evidence, facts: { service, automatable: true, technicalImpact: proto === 'telnet' ? 'total' : 'partial' },
  });
  if (rec.defaultCredential) {
    const src = defaultSources(proto, user);
    out.push({
      ...base, kind: 'default-credentials', key: `${proto}:${user}`, severity: rec.success === false ? 'high' : 'critical',
      title: `Default password used for ${proto} user ${user}`,
      detail: `The password given for '${user}' is a published default${src.text !== '' ? ` (lists naming this user: ${src.text})` : ''}. Change it; anyone who knows the default can log in.`,
      evidence: `${evidence}; the pair matches a published default`, facts: { service, automatable: true, technicalImpact: 'total', ...src.facts },
    });
  }
}

function httpHits(rec: RecordOfKind<'http', 'request'>, out: Hit[]): void {
  const scheme = rec.authScheme;
  const user = rec.authUser;
  if (scheme === null || scheme.toLowerCase() !== 'basic' || user === null) return;
  const server = receiver(rec);
  const service = `http/${rec.dport ?? '?'}`;
  const host = rec.host;
  const evidence = `${rec.src} sent HTTP Basic credentials for '${user}' to ${at(rec.dst, rec.dport)}${host !== null ? ` (Host ${host})` : ''} without TLS`;
  const base = { ...server, tsMs: tsOf(rec), peer: rec.src, client: sender(rec) };
  out.push({
    ...base, kind: 'cleartext-credentials', key: `http-basic:${user}`, severity: 'high', title: `HTTP Basic login in clear text (user ${user})`,
    detail: 'HTTP Basic authentication over plain HTTP carries the password base64-encoded, which is not encryption. Serve the console over HTTPS only.',
    evidence, facts: { service, automatable: true, technicalImpact: 'partial' },
  });
  if (rec.authDefaultCredential === true) {
    const src = defaultSources('http', user);
    out.push({
      ...base, kind: 'default-credentials', key: `http:${user}`, severity: 'critical', title: `Default password used for web user ${user}`,
      detail: `The HTTP Basic password for '${user}' is a published default${src.text !== '' ? ` (lists naming this user: ${src.text})` : ''}. Change it.`,
      evidence: `${evidence}; the pair matches a published default`, facts: { service, automatable: true, technicalImpact: 'total', ...src.facts },
    });
  }
}

function dicomHits(rec: RecordOf<'dicom'>, out: Hit[]): void {
  const user = rec.userIdentity;
  if (rec.kind !== 'associate-rq' || user === undefined) return;
  const withPasscode = rec.userIdentityType === 2;
  out.push({
    ...receiver(rec), tsMs: tsOf(rec), peer: rec.src, client: sender(rec), kind: 'cleartext-credentials', key: `dicom:${user}`,
    severity: withPasscode ? 'high' : 'low',
    title: `DICOM user identity in clear text (user ${user})`,
    detail: withPasscode
      ? 'The A-ASSOCIATE-RQ carries a user name and passcode (PS3.7 D.3.3.7) outside TLS. Use DICOM TLS (port 2762) for authenticated associations.'
      : 'The A-ASSOCIATE-RQ carries a user name outside TLS (no passcode).',
    evidence: `${rec.src} (AE ${rec.callingAeTitle ?? '?'}) opened an association to ${at(rec.dst, rec.dport)} (AE ${rec.calledAeTitle ?? '?'}) with user identity '${user}'${withPasscode ? ' and a passcode' : ''} in clear`,
    facts: { service: `dicom/${rec.dport ?? '?'}` },
  });
  // The decoder compared the passcode with the published defaults and dropped it; only the verdict is here.
  if (withPasscode && rec.defaultCredential === true) {
    const src = defaultSources('dicom', user);
    out.push({
      ...receiver(rec), tsMs: tsOf(rec), peer: rec.src, client: sender(rec), kind: 'default-credentials', key: `dicom:${user}`,
      severity: 'critical',
      title: `Default passcode used for DICOM user ${user}`,
      detail: `The DICOM user identity '${user}' was sent with a published default passcode${src.text !== '' ? ` (lists naming this user: ${src.text})` : ''}. Change it on the device and the peers that use it.`,
      evidence: `${rec.src} opened a DICOM association to ${at(rec.dst, rec.dport)} as '${user}' with a passcode that matches a published default`,
      facts: { service: `dicom/${rec.dport ?? '?'}`, automatable: true, technicalImpact: 'total', ...src.facts },
    });
  }
}

function snmpHits(rec: RecordOf<'snmp'>, out: Hit[]): void {
  const version = rec.version;
  if (version !== '1' && version !== '2c' || typeof rec.community !== 'string') return;
  // A default community is a finding only when the device answers it: snmp-community.ts pairs the exchanges.
  if (rec.defaultCommunity === true) return;
  const fromAgent = SNMP_AGENT_KINDS.has(rec.kind);
  const agent = fromAgent ? sender(rec) : receiver(rec);
  const manager = fromAgent ? rec.dst : rec.src;
  const agentAt = fromAgent ? at(rec.src, rec.sport) : at(rec.dst, rec.dport);
  // Sent to an agent on the internet, the community leaked from the manager: its finding then (collector's owner()).
  const base = { ...agent, tsMs: tsOf(rec), peer: manager, client: fromAgent ? receiver(rec) : sender(rec) };
  const service = `snmp/${(fromAgent ? rec.sport : rec.dport) ?? '?'}`;
  // A non-default community is a secret: only that one crossed the wire in clear, never its value.
  out.push({
    ...base, kind: 'cleartext-credentials', key: `snmp:v${version}`, severity: 'medium', title: `SNMP v${version} community sent in clear`,
    detail: 'SNMP v1/v2c sends its community (a shared password) unencrypted in every packet. This one is not a published default (default: no). Move to SNMPv3 with authPriv.',
    evidence: `${rec.kind} between ${manager} and ${agentAt} carried a community that is not a published default (default: no; value not kept)`, facts: { service },
  });
}

function smbHits(rec: RecordOf<'smb'>, out: Hit[]): void {
  if (rec.kind !== 'session-setup' || rec.cleartextPassword !== true) return;
  const toServer = rec.dport === 445 || rec.dport === 139;
  const user = rec.accountName ?? '?';
  out.push({
    ...(toServer ? receiver(rec) : sender(rec)), tsMs: tsOf(rec), peer: toServer ? rec.src : rec.dst, client: toServer ? sender(rec) : receiver(rec), kind: 'cleartext-credentials', key: `smb:${user}`,
    severity: 'high', title: `SMB1 plain-text password (user ${user})`,
    detail: 'The SMB1 session setup carried a plain-text password. Disable plain-text authentication and SMB1.',
    evidence: `SMB1 session setup between ${rec.src} and ${rec.dst} for '${user}' used a plain-text password`, facts: { service: 'smb/445' },
  });
}

export function credentialHits(rec: WireRecord, out: Hit[]): void {
  if ((rec.proto === 'ftp' || rec.proto === 'telnet') && rec.kind === 'login') loginHits(rec, out);
  else if (rec.proto === 'http' && rec.kind === 'request') httpHits(rec, out);
  else if (rec.proto === 'dicom') dicomHits(rec, out);
  else if (rec.proto === 'snmp') snmpHits(rec, out);
  else if (rec.proto === 'smb') smbHits(rec, out);
}
