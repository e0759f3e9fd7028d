/** The BACnet/IP decoder descriptor (ANSI/ASHRAE 135-2020 Annex J; UDP 47808 = 0xBAC0, J.1.1). */
import { OutOfBounds } from '../common/byte-cursor.js';
import type { DecodeResult, Decoder, ProbeResult } from '../types.js';
import { parseApdu } from './parse-apdu.js';
import { looksLikeBvll, parseFrame } from './parse-bvll-npdu.js';
import { MalformedBacnet } from './tags.js';
import type { BacnetRecord } from './types.js';

/** The BVLL header is a 1-octet magic, a known function and a length equal to the datagram: 'yes' on any port. */
function probe(p: Uint8Array): ProbeResult {
  if (!looksLikeBvll(p)) return 'no';
  const length = ((p[2] ?? 0) << 8) | (p[3] ?? 0);
  return length === p.length ? 'yes' : 'maybe';
}

function decode(pdu: Uint8Array): DecodeResult<BacnetRecord> {
  try {
    const frame = parseFrame(pdu);
    if (frame.apdu === null || frame.apdu.length === 0) return { records: [], issues: [] };
    const body = parseApdu(frame.apdu);
    if (body === null) return { records: [], issues: [] };
    const origin = {
      bvlcFunction: frame.bvlcFunction,
      ...(frame.forwardedFrom === undefined ? {} : { forwardedFrom: frame.forwardedFrom }),
      ...(frame.sourceNetwork === undefined ? {} : { sourceNetwork: frame.sourceNetwork }),
      ...(frame.sourceAddress === undefined ? {} : { sourceAddress: frame.sourceAddress }),
    };
    return { records: [{ ...body, ...origin } as BacnetRecord], issues: [] };
  } catch (err) {
    if (err instanceof OutOfBounds) return { records: [], issues: [{ code: 'bacnet-truncated', offset: err.offset, message: err.message }] };
    if (err instanceof MalformedBacnet) return { records: [], issues: [{ code: 'bacnet-malformed', offset: 0, message: err.message }] };
    throw err;
  }
}

export const bacnetDecoder: Decoder<BacnetRecord> = {
  name: 'bacnet',
  transport: 'udp',
  ports: [47808],
  probe,
  decode,
};
