/** A-ASSOCIATE-RJ, A-RELEASE-RQ/RP and A-ABORT PDUs (PS3.8 §9.3.4, §9.3.6, §9.3.7, §9.3.8). */
import { ByteCursor } from '../common/byte-cursor.js';
import type { DicomRecord } from './types.js';

/** PS3.8 Table 9-21: result. */
const RJ_RESULTS: Readonly<Record<number, string>> = { 1: 'rejected-permanent', 2: 'rejected-transient' };

/** PS3.8 Table 9-21: source. */
const RJ_SOURCES: Readonly<Record<number, string>> = {
  1: 'service-user',
  2: 'service-provider-acse',
  3: 'service-provider-presentation',
};

/** PS3.8 Table 9-21: reason/diagnostic, which depends on the source. */
const RJ_REASONS: Readonly<Record<number, Readonly<Record<number, string>>>> = {
  1: {
    1: 'no-reason-given',
    2: 'application-context-name-not-supported',
    3: 'calling-ae-title-not-recognized',
    7: 'called-ae-title-not-recognized',
  },
  2: { 1: 'no-reason-given', 2: 'protocol-version-not-supported' },
  3: { 1: 'temporary-congestion', 2: 'local-limit-exceeded' },
};

/** PS3.8 Table 9-26: A-ABORT source and (for the provider) reason. */
const ABORT_SOURCES: Readonly<Record<number, string>> = { 0: 'service-user', 2: 'service-provider' };
const ABORT_REASONS: Readonly<Record<number, string>> = {
  0: 'reason-not-specified',
  1: 'unrecognized-pdu',
  2: 'unexpected-pdu',
  4: 'unrecognized-pdu-parameter',
  5: 'unexpected-pdu-parameter',
  6: 'invalid-pdu-parameter-value',
};

/** A-ASSOCIATE-RJ: reserved (1), result (1), source (1), reason/diag (1) after the header. */
export function parseAssociateRj(pdu: Uint8Array): DicomRecord {
  const c = new ByteCursor(pdu, 6);
  c.skip(1);
  const result = c.u8();
  const source = c.u8();
  const reason = c.u8();
  return {
    kind: 'associate-rj',
    result,
    resultName: RJ_RESULTS[result] ?? 'unknown',
    source,
    sourceName: RJ_SOURCES[source] ?? 'unknown',
    reason,
    reasonName: RJ_REASONS[source]?.[reason] ?? 'unknown',
  };
}

/** A-ABORT: two reserved bytes, source, reason/diag. The reason is meaningful only from the provider (source 2). */
export function parseAbort(pdu: Uint8Array): DicomRecord {
  const c = new ByteCursor(pdu, 6);
  c.skip(2);
  const source = c.u8();
  const reason = c.u8();
  const rec: DicomRecord = { kind: 'abort', source, sourceName: ABORT_SOURCES[source] ?? 'unknown', reason };
  if (source === 2) rec.reasonName = ABORT_REASONS[reason] ?? 'unknown';
  return rec;
}

/** A-RELEASE-RQ/RP carry only 4 reserved bytes: the record is the fact that the release happened. */
export function parseRelease(isRq: boolean): DicomRecord {
  return { kind: isRq ? 'release-rq' : 'release-rp' };
}
