/** Test helper: every record (and decode issue) the given decoders produce from a capture file. */
import type { Decoder, DecodeIssue, ProtocolRecord } from '../../decode/types.js';
import { decoders as registry } from '../../decode/registry.js';
import { defaultDecodeOptions, type DecodeOptions } from '../sessions/session-types.js';
import { decodeHooks } from '../decode-hooks.js';
import { ingestCaptures, type IngestResult } from '../ingest.js';

export interface RecordsOf {
  records: ProtocolRecord[];
  issues: { where: string; decoder: string; issue: DecodeIssue }[];
  result: IngestResult;
}

export async function recordsOf(files: string | readonly string[], decoderList: readonly Decoder[] = registry, options: Partial<DecodeOptions> = {}): Promise<RecordsOf> {
  const records: ProtocolRecord[] = [];
  const issues: RecordsOf['issues'] = [];
  const hooks = decodeHooks(
    { ...defaultDecodeOptions, ...options },
    {
      record: (r) => records.push(r),
      issue: (where, decoder, issue) => issues.push({ where, decoder, issue }),
    },
    decoderList,
  );
  const result = await ingestCaptures(typeof files === 'string' ? [files] : files, hooks);
  return { records, issues, result };
}
