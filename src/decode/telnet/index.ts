/** The Telnet decoder (RFC 854/855): option negotiation stripped, banner and login prompt, user, outcome. */
import { NO_DECODER_DEPS, type DecodeContext, type DecodeResult, type Decoder, type ProbeResult } from '../types.js';
import { clientData, serverChunkEnd, serverData } from './login-dialogue.js';
import { IAC, stripIac } from './strip-iac.js';
import { createTelnetState, isTelnetState, type TelnetRecord } from './types.js';

/** Words that make plain text (no negotiation) worth a port-23 'maybe'. */
const PROMPT_WORDS = /login|user|password|telnet/i;

/**
 * RFC 854: most sessions open with IAC DO/WILL/SB ('yes'). Plain text is only a 'maybe' (claimed on port 23) and only
 * when it is still short or shows a prompt word, so other text protocols are not kept waiting for the probe limit.
 */
function probe(p: Uint8Array): ProbeResult {
  if (p.length === 0) return 'maybe';
  if (p[0] === IAC) {
    if (p.length === 1) return 'maybe';
    const cmd = p[1] ?? 0;
    return cmd >= 250 && cmd <= 254 ? 'yes' : 'no';
  }
  const n = Math.min(p.length, 256);
  let text = '';
  for (let i = 0; i < n; i++) {
    const c = p[i] ?? 0;
    if ((c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x00 && c !== 0x07) || c >= 0x7f) return 'no';
    text += String.fromCharCode(c);
  }
  return p.length < 16 || PROMPT_WORDS.test(text) ? 'maybe' : 'no';
}

function decode(pdu: Uint8Array, ctx: DecodeContext): DecodeResult<TelnetRecord> {
  const result: DecodeResult<TelnetRecord> = { records: [], issues: [] };
  const st = isTelnetState(ctx.state) ? ctx.state : createTelnetState(NO_DECODER_DEPS);
  if (ctx.direction === 'out') {
    st.iacOut = stripIac(pdu, st.iacOut, (b) => {
      clientData(st, b);
    });
  } else {
    st.iacIn = stripIac(pdu, st.iacIn, (b) => {
      serverData(st, b, result);
    });
    serverChunkEnd(st, result);
  }
  return result;
}

export const telnetDecoder: Decoder<TelnetRecord> = {
  name: 'telnet',
  transport: 'tcp',
  ports: [23, 2323],
  probe,
  decode,
  createState: createTelnetState,
};
