/** Telnet record shapes (RFC 854 NVT; login prompts as Unix login(1) and embedded devices print them) and state. */
import type { DefaultCredentials } from '../common/default-credentials.js';
import type { DecoderDeps, RecordBody } from '../types.js';

/** The server's first text up to and including its login prompt. */
export interface TelnetBannerRecord extends RecordBody {
  kind: 'banner';
  banner: string;
}

/** One login attempt, recorded when the server's answer shows its outcome; the password is never kept. */
export interface TelnetLoginRecord extends RecordBody {
  kind: 'login';
  /** The client logged in: the record's src is the client although the server's reply completed it. */
  actor: 'client';
  user: string;
  /** true on a shell prompt / "Last login", false on "Login incorrect" or a new login prompt, null when unclear. */
  success: boolean | null;
  defaultCredential: boolean;
  banner: string | null;
}

export type TelnetRecord = TelnetBannerRecord | TelnetLoginRecord;

/** RFC 854 command parsing state per direction: plain data, after IAC, option byte due, inside SB, IAC inside SB. */
export const enum IacState {
  Data = 0,
  Iac = 1,
  Option = 2,
  Sub = 3,
  SubIac = 4,
}

/** What the login dialogue is waiting for. */
/** `user-sent`: a user name was typed, the server has not asked for a password (yet); `result`: password typed. */
export type TelnetExpect = 'none' | 'user' | 'user-sent' | 'password' | 'result';

export interface TelnetState {
  readonly tag: 'telnet';
  readonly credentials: DefaultCredentials;
  iacOut: IacState;
  iacIn: IacState;
  /** The server's current (unterminated) output line, printable characters only, capped. */
  line: string;
  /** Length of the current line already acted on (a prompt is looked for only after it). */
  lineUsed: number;
  /** Server lines before the first login prompt (for the banner). */
  preLines: string[];
  banner: string | null;
  expect: TelnetExpect;
  /** The client's keystrokes since the prompt (user name only; password characters are kept only until CR). */
  keys: string;
  user: string | null;
  passDefault: boolean;
  /** Server bytes seen while waiting for the login result (bounded wait). */
  resultBytes: number;
  /** The previous client byte was CR (CR LF / CR NUL end one line, RFC 854 p. 11). */
  lastCr: boolean;
}

export function createTelnetState(deps: DecoderDeps): TelnetState {
  return { tag: 'telnet', credentials: deps.credentials, iacOut: IacState.Data, iacIn: IacState.Data, line: '', lineUsed: 0, preLines: [], banner: null, expect: 'none', keys: '', user: null, passDefault: false, resultBytes: 0, lastCr: false };
}

export function isTelnetState(s: unknown): s is TelnetState {
  return typeof s === 'object' && s !== null && (s as { tag?: unknown }).tag === 'telnet';
}
