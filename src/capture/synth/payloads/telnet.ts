/** Telnet option negotiation bytes (RFC 854 command codes, RFC 855 negotiation) for synthetic login sessions. */

export const TELNET_IAC = 255;
export const TELNET_DONT = 254;
export const TELNET_DO = 253;
export const TELNET_WONT = 252;
export const TELNET_WILL = 251;
/** Option codes: RFC 857 echo, RFC 858 suppress-go-ahead, RFC 1091 terminal type, RFC 1073 window size. */
export const TELNET_OPT_ECHO = 1;
export const TELNET_OPT_SUPPRESS_GO_AHEAD = 3;
export const TELNET_OPT_TERMINAL_TYPE = 24;
export const TELNET_OPT_WINDOW_SIZE = 31;

/** `IAC <verb> <option>` for each pair. */
export function telnetNegotiation(pairs: readonly (readonly [number, number])[]): Uint8Array {
  const out = new Uint8Array(pairs.length * 3);
  pairs.forEach(([verb, option], i) => {
    out[i * 3] = TELNET_IAC;
    out[i * 3 + 1] = verb;
    out[i * 3 + 2] = option;
  });
  return out;
}
