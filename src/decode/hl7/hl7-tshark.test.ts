/**
 * HL7 records vs tshark's `hl7` dissector on the same captures: the committed real-peer capture and a fresh one made
 * at test time by make-fixtures.sh (mllp_send + the ACKing listener, tcpdump on lo; needs root and the Debian tools).
 * No capture in test-data/corpus/pcaps carries HL7 (checked with `tshark -z io,phs`), so none is compared here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import type { ProtocolRecord } from '../types.js';
import { hl7Decoder } from './index.js';
import { tsharkHl7, type TsharkHl7Message } from './test-support/tshark-hl7.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });
const peers = requires({ root: true, tools: ['tshark', 'tcpdump', 'mllp_send', '/usr/bin/python3'] });

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const FIELDS = ['sendingApplication', 'sendingFacility', 'receivingApplication', 'receivingFacility', 'messageType', 'controlId', 'version', 'ackCode', 'ackControlId'] as const;

interface Agreement { compared: number; agreed: number; explained: string[]; unexplained: string[]; unmatched: number }

/**
 * Compare field by field where both decode. Explained disagreements:
 * - segments: tshark 4.0 lists only CR/LF-terminated segments, so a message whose final CR the sender dropped
 *   (mllp_send does) shows one segment fewer there;
 * - ackCode / ackControlId: the same, when that unlisted final segment is the MSA.
 */
async function compare(file: string, port: number): Promise<Agreement> {
  const { records } = await recordsOf(file, [hl7Decoder]);
  const theirs = tsharkHl7(file, port);
  const a: Agreement = { compared: 0, agreed: 0, explained: [], unexplained: [], unmatched: 0 };
  const used = new Set<ProtocolRecord>();
  for (const t of theirs) {
    const ours = records.find((r) => !used.has(r) && r.sport === t.sport && r.dport === t.dport && r.controlId === t.controlId);
    if (ours === undefined) {
      a.unmatched++;
      continue;
    }
    used.add(ours);
    for (const f of FIELDS) {
      const mine = ours[f] ?? null;
      a.compared++;
      if (mine === t[f]) a.agreed++;
      else if (t[f] === null && (f === 'ackCode' || f === 'ackControlId') && lastSegmentUnlisted(ours, t, 'MSA')) {
        a.explained.push(`${t.controlId ?? ''} ${f}: MSA is the final segment without CR, not listed by tshark`);
      } else a.unexplained.push(`${t.controlId ?? ''} ${f}: ours ${JSON.stringify(mine)} tshark ${JSON.stringify(t[f])}`);
    }
    compareSegments(ours, t, a);
    if (t.tsharkType !== null) {
      a.compared++;
      if (t.tsharkType === ours.messageType) a.agreed++;
      else a.unexplained.push(`${t.controlId ?? ''} hl7.message.type: ours ${JSON.stringify(ours.messageType)} tshark ${t.tsharkType}`);
    }
  }
  return a;
}

function lastSegmentUnlisted(ours: ProtocolRecord, t: TsharkHl7Message, name: string): boolean {
  const mine = Array.isArray(ours.segments) ? ours.segments.map(String) : [];
  return mine.at(-1) === name && mine.length === t.segments.length + 1;
}

function compareSegments(ours: ProtocolRecord, t: TsharkHl7Message, a: Agreement): void {
  const mine = Array.isArray(ours.segments) ? ours.segments.map(String) : [];
  a.compared++;
  if (mine.join() === t.segments.join()) a.agreed++;
  else if (mine.slice(0, -1).join() === t.segments.join()) a.explained.push(`${t.controlId ?? ''}: final segment without CR not listed by tshark`);
  else a.unexplained.push(`${t.controlId ?? ''} segments: ours ${mine.join()} tshark ${t.segments.join()}`);
}

function check(a: Agreement, minMessages: number): void {
  expect(a.unexplained).toEqual([]);
  expect(a.compared).toBeGreaterThan(minMessages * FIELDS.length);
  // Agreement where both decode a field (explained disagreements count against it too).
  expect((a.agreed / a.compared) * 100).toBeGreaterThanOrEqual(99.9 - (a.explained.length / a.compared) * 100);
}

describe.skipIf(tshark.skip)(tshark.title('hl7 vs tshark'), () => {
  it('agrees on the committed real-peer capture', async () => {
    const a = await compare(here('./fixtures/hl7-mllp.pcap'), 2575);
    check(a, 20);
    expect(a.unmatched).toBe(0);
  });

  it.skipIf(peers.skip)(peers.title('agrees on a fresh capture made now by mllp_send and the ACKing listener'), async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-hl7-'));
    try {
      const port = 20000 + (process.pid % 20000);
      execFileSync(here('./fixtures/make-fixtures.sh'), [dir, String(port)], { stdio: 'ignore', timeout: 20_000 });
      const a = await compare(join(dir, 'hl7-mllp.pcap'), port);
      check(a, 20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});
