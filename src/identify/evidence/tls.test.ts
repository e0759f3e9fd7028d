/** A product's default TLS certificate names the product serving it (data/banner-fingerprints.json certSubject). */
import { describe, expect, it } from 'vitest';
import type { ProtocolRecord } from '../../decode/types.js';
import { classifyDevice } from '../classify.js';
import { observationsFromRecord } from '../extract-evidence.js';
import { loadKnowledgeBase } from '../knowledge/load-kb.js';
import type { DeviceProfile } from '../types.js';

const kb = loadKnowledgeBase();
const asOf = new Date('2026-03-02T08:00:00Z');

function serverProfile(src: string, certSubject: string): DeviceProfile {
  const rec: ProtocolRecord = { ts: '2026-03-02T08:00:00Z', proto: 'tls', kind: 'server-hello', src, sport: 8443, dst: '10.1.0.9', dport: 50000, version: 'TLS 1.2', certSubject, certIssuer: 'CN=Mirth Connect Certificate Authority' };
  const ev = observationsFromRecord(rec, kb).filter((o) => o.key.ip === src).map((o) => o.evidence);
  return classifyDevice(ev, kb, { asOf });
}

describe('default certificate of an interface engine', () => {
  it('a site server presenting Mirth Connect\'s default certificate is NextGen\'s HL7 interface engine', () => {
    const p = serverProfile('10.1.0.13', 'CN=mirth-connect');
    expect([p.vendor, p.type, p.category]).toEqual(['NextGen Healthcare', 'HL7 interface engine', 'clinical-system']);
  });

  it('must not fire on a certificate that only starts with the name, nor on an internet server', () => {
    expect(serverProfile('10.1.0.13', 'CN=mirth-connect.hospital.example').type).toBeNull();
    expect(serverProfile('203.0.113.7', 'CN=mirth-connect').type).toBeNull();
  });
});
