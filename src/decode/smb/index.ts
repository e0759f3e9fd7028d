/** The SMB decoder descriptor (MS-SMB, MS-SMB2 over the NetBIOS session service, RFC 1002; TCP 139/445). */
import { OutOfBounds } from '../common/byte-cursor.js';
import type { DecodeContext, DecodeResult, Decoder } from '../types.js';
import { frameNbss, NBSS_HEADER_LEN, NBSS_SESSION_MESSAGE, probeSmb, smbMagic } from './nbss.js';
import { parseSmb1 } from './parse-smb1.js';
import { parseSmb2 } from './parse-smb2.js';
import { createSmbState, isSmbState, type SmbRecord } from './types.js';

function decode(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<SmbRecord> {
  const records: SmbRecord[] = [];
  if (pdu.length < NBSS_HEADER_LEN || pdu[0] !== NBSS_SESSION_MESSAGE) return { records, issues: [] };
  const msg = pdu.subarray(NBSS_HEADER_LEN);
  const magic = smbMagic(msg, 0);
  // Without per-flow state (a lone PDU), SMB1 responses just lack the dialect name.
  const state = isSmbState(ctx.state) ? ctx.state : createSmbState();
  try {
    if (magic === 0xff) parseSmb1(msg, state, records);
    else if (magic === 0xfe) parseSmb2(msg, state, records);
    else if (magic === 0) return { records, issues: [{ code: 'smb-bad-magic', offset: NBSS_HEADER_LEN, message: 'session message is not SMB' }] };
    // 0xFD (transform, encrypted) and 0xFC (compressed) hide their content: nothing to record.
  } catch (e) {
    if (!(e instanceof OutOfBounds)) throw e;
    return { records, issues: [{ code: 'smb-truncated', offset: NBSS_HEADER_LEN + e.offset, message: e.message }] };
  }
  return { records, issues: [] };
}

export const smbDecoder: Decoder<SmbRecord> = {
  name: 'smb',
  transport: 'tcp',
  ports: [445, 139],
  probe: probeSmb,
  frame: frameNbss,
  decode,
  createState: createSmbState,
};
