/** SMBv1 use: clients that offer only SMB1 or end up in an SMB1 session, and their servers; SMB 2 offerers are not. */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../../decode/types.js';
import type { Hit } from './hit.js';
import { smbv1Hits } from './smbv1.js';
import { asWireRecord } from '../../decode/records.js';

const T = '2024-03-04T08:00:00.000Z';
const CLIENT = '10.20.40.57';
const SERVER = '10.20.30.5';

/** A record sent by the client (to port 445) unless `over` turns it round. */
function rec(over: Partial<ProtocolRecord>): ProtocolRecord {
  return { ts: T, proto: 'smb', kind: 'negotiate', smbVersion: 1, src: CLIENT, sport: 49200, dst: SERVER, dport: 445, ...over };
}
const fromServer = (over: Partial<ProtocolRecord>): ProtocolRecord => rec({ src: SERVER, sport: 445, dst: CLIENT, dport: 49200, ...over });

function hits(...rs: ProtocolRecord[]): string[] {
  const out: Hit[] = [];
  for (const r of rs) smbv1Hits(asWireRecord(r), out);
  return [...new Set(out.map((h) => `${h.ip} ${h.key} ${h.severity}`))].sort();
}

const BOTH = [`${SERVER} smbv1:server high`, `${CLIENT} smbv1:client medium`];

describe('smbv1: must fire', () => {
  it.each([
    [['NT LM 0.12']],
    [['PC NETWORK PROGRAM 1.0', 'LANMAN1.0', 'Windows for Workgroups 3.1a', 'LM1.2X002', 'LANMAN2.1', 'NT LM 0.12']],
    [['PC NETWORK PROGRAM 1.0']],
  ])('a NEGOTIATE offering only old dialects %j: the client', (dialects) => {
    expect(hits(rec({ dialects }))).toEqual([`${CLIENT} smbv1:client medium`]);
  });

  it('a server answering with an SMB1 dialect: the server, and the client that ends up in the session', () => {
    expect(hits(fromServer({ dialect: 'NT LM 0.12' }))).toEqual(BOTH);
    // Even one that offered SMB 2 as well: the session it got is SMB1.
    expect(hits(rec({ smbVersion: 2, dialects: ['NT LM 0.12', 'SMB 2.002', 'SMB 2.???'] }), fromServer({ dialect: 'NT LM 0.12' }))).toEqual(BOTH);
  });

  it('an SMB1 SESSION_SETUP_ANDX without a captured negotiate: the client by its request, the server by its answer', () => {
    const client = [`${CLIENT} smbv1:client medium`];
    expect(hits(rec({ kind: 'session-setup', accountName: 'NURSE', primaryDomain: 'WARD', cleartextPassword: false }))).toEqual(client);
    expect(hits(rec({ kind: 'session-setup', nativeOs: 'Windows 5.1' }))).toEqual(client); // extended security: port 445 tells
    expect(hits(fromServer({ kind: 'session-setup', nativeOs: 'Windows 5.1', nativeLanMan: 'Windows 2000 LAN Manager', primaryDomain: 'WARD' }))).toEqual(BOTH);
  });

  it('NTLMSSP inside SMB1 on a non-standard port: the message type tells client from server', () => {
    expect(hits(rec({ kind: 'ntlmssp', ntlmMessageType: 3, sport: 50001, dport: 4445 }))).toEqual([`${CLIENT} smbv1:client medium`]);
    expect(hits(fromServer({ kind: 'ntlmssp', ntlmMessageType: 2, sport: 4445, dport: 50001 }))).toEqual(BOTH);
  });
});

describe('smbv1: must not fire', () => {
  it('a client offering SMB 2 dialects (the decoder marks it 2; an SMB 2 dialect in the list is enough anyway)', () => {
    expect(hits(rec({ smbVersion: 2, dialects: ['PC NETWORK PROGRAM 1.0', 'NT LM 0.12', 'SMB 2.002', 'SMB 2.???'] }))).toEqual([]);
    expect(hits(rec({ dialects: ['NT LM 0.12', 'SMB 2.???'] }))).toEqual([]);
  });

  it('SMB 2/3 negotiation and sessions', () => {
    expect(hits(fromServer({ smbVersion: 2, dialect: '2.0.2' }), rec({ kind: 'ntlmssp', smbVersion: 3, ntlmMessageType: 3 }), rec({ kind: 'session-setup', smbVersion: 2 }))).toEqual([]);
  });

  it('no server finding from what only the client sent (the XP-style NEGOTIATE + SESSION_SETUP with no answer captured)', () => {
    const out = hits(rec({ dialects: ['PC NETWORK PROGRAM 1.0', 'NT LM 0.12'] }), rec({ kind: 'session-setup', nativeOs: 'Windows 2002 Service Pack 3 2600' }), rec({ kind: 'ntlmssp', ntlmMessageType: 3 }));
    expect(out).toEqual([`${CLIENT} smbv1:client medium`]);
  });

  it('an SMB1 response naming no dialect (none accepted, or the request missed), an empty request, roles unknown', () => {
    expect(hits(fromServer({}), rec({ dialects: [] }), rec({}))).toEqual([]);
    expect(hits(rec({ kind: 'session-setup', nativeOs: 'Unix', sport: 50001, dport: 4445 }))).toEqual([]);
  });

  // An NTLMSSP record names its message type, a dialect list is a list and SMB kinds are the three of src/decode/smb/types.ts: the record types guarantee these now.
  it('other protocols and malformed fields', () => {
    expect(hits(rec({ proto: 'smb', smbVersion: '1', dialect: 'NT LM 0.12' }), rec({ proto: 'http', kind: 'request' }))).toEqual([]);
  });
});
