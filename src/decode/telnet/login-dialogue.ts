/** The login dialogue over an NVT: prompts in the server's output, keystrokes from the client, the outcome. */
import { cleanText } from '../common/text.js';
import type { DecodeResult } from '../types.js';
import type { TelnetRecord, TelnetState } from './types.js';

const MAX_LINE = 256;
const MAX_KEYS = 128;
const MAX_PRE_LINES = 8;
/** Give up waiting for a recognisable outcome after this much server output. */
const MAX_RESULT_BYTES = 4096;

const USER_PROMPT = /(?:login|username|user name|user)\s*:\s*$/i;
const PASSWORD_PROMPT = /(?:password|passcode)\s*:\s*$/i;
const FAILED = /incorrect|failed|denied|invalid|bad password|authentication error/i;
const SHELL_PROMPT = /[$#>%]\s*$/;
const SUCCEEDED = /^last login/i;

const awaitingOutcome = (st: TelnetState): boolean => st.expect === 'result' || st.expect === 'user-sent';

function finishLogin(st: TelnetState, success: boolean | null, result: DecodeResult<TelnetRecord>): void {
  if (st.user !== null) result.records.push({ kind: 'login', actor: 'client', user: st.user, success, defaultCredential: st.passDefault, banner: st.banner });
  st.expect = 'none';
  st.passDefault = false;
  st.user = null;
  st.resultBytes = 0;
}

/** A complete server line (CR or LF seen). */
function serverLine(st: TelnetState, line: string, result: DecodeResult<TelnetRecord>): void {
  const text = cleanText(line);
  if (awaitingOutcome(st)) {
    if (FAILED.test(text)) finishLogin(st, false, result);
    else if (SUCCEEDED.test(text)) finishLogin(st, true, result);
  } else if (st.banner === null && text !== '' && st.preLines.length < MAX_PRE_LINES) st.preLines.push(text);
}

/** The unterminated tail of the server's output: prompts live here. */
function serverPrompt(st: TelnetState, result: DecodeResult<TelnetRecord>): void {
  const text = st.lineUsed === 0 ? st.line : st.line.slice(st.lineUsed);
  if (USER_PROMPT.test(text)) {
    st.lineUsed = st.line.length;
    if (awaitingOutcome(st) || st.expect === 'password') finishLogin(st, false, result);
    if (st.banner === null) {
      st.banner = cleanText([...st.preLines, text].join(' '));
      st.preLines = [];
      result.records.push({ kind: 'banner', banner: st.banner });
    }
    st.expect = 'user';
    st.keys = '';
  } else if (PASSWORD_PROMPT.test(text)) {
    st.lineUsed = st.line.length;
    if (st.expect === 'result') finishLogin(st, false, result);
    st.expect = 'password';
    st.keys = '';
  } else if (awaitingOutcome(st) && SHELL_PROMPT.test(text)) {
    st.lineUsed = st.line.length;
    finishLogin(st, true, result);
  }
}

export function serverData(st: TelnetState, b: number, result: DecodeResult<TelnetRecord>): void {
  if (awaitingOutcome(st) && ++st.resultBytes > MAX_RESULT_BYTES) finishLogin(st, null, result);
  if (b === 0x0a || b === 0x0d) {
    if (st.line !== '') serverLine(st, st.line, result);
    st.line = '';
    st.lineUsed = 0;
    return;
  }
  if (b === 0x08 && st.line.length > st.lineUsed) {
    st.line = st.line.slice(0, -1);
    return;
  }
  if (b >= 0x20 && b !== 0x7f && st.line.length < MAX_LINE) st.line += String.fromCharCode(b);
}

/** After a chunk of server data: look at the prompt line once per chunk, not per byte. */
export function serverChunkEnd(st: TelnetState, result: DecodeResult<TelnetRecord>): void {
  if (st.line.length > st.lineUsed) serverPrompt(st, result);
}

export function clientData(st: TelnetState, b: number): void {
  if (st.expect !== 'user' && st.expect !== 'password') return;
  const wasCr = st.lastCr;
  st.lastCr = b === 0x0d;
  if (b === 0x0d || (b === 0x0a && !wasCr)) {
    if (st.expect === 'user') {
      if (st.keys === '') return; // an empty line re-prompts
      st.user = cleanText(st.keys);
      st.passDefault = false;
      st.expect = 'user-sent'; // a password prompt may follow, or directly a shell (no password)
    } else {
      // The password lives only for this comparison.
      st.passDefault = st.user !== null && st.credentials.isDefaultLogin(st.user, st.keys);
      st.expect = 'result';
    }
    st.keys = '';
    st.resultBytes = 0;
    return;
  }
  if (b === 0x08 || b === 0x7f) st.keys = st.keys.slice(0, -1);
  else if (b === 0x15) st.keys = ''; // ^U kills the line
  else if (b >= 0x20 && st.keys.length < MAX_KEYS) st.keys += String.fromCharCode(b);
}
