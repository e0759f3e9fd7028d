/** DHCP options area walk (RFC 2132 §2-3, overload RFC 2132 §9.3, long options RFC 3396): code -> value bytes. */
import type { DecodeIssue } from '../types.js';

export const OPT_PAD = 0;
export const OPT_END = 255;
export const OPT_OVERLOAD = 52; // RFC 2132 §9.3

/** Options seen in one message, in order of first appearance; repeated codes are concatenated (RFC 3396). */
export type DhcpOptions = Map<number, Uint8Array>;

function append(opts: DhcpOptions, code: number, value: Uint8Array): void {
  const prev = opts.get(code);
  if (prev === undefined) {
    opts.set(code, value);
    return;
  }
  const joined = new Uint8Array(prev.length + value.length);
  joined.set(prev, 0);
  joined.set(value, prev.length);
  opts.set(code, joined);
}

/**
 * Walks [from, to) of `buf` as options into `opts`. Stops at END; a length running past `to` is an issue and
 * the partial option is dropped. Every step advances at least one byte, so the loop is bounded by the area.
 */
export function walkOptions(buf: Uint8Array, from: number, to: number, opts: DhcpOptions, issues: DecodeIssue[]): void {
  let at = from;
  const end = Math.min(to, buf.length);
  while (at < end) {
    const code = buf[at] ?? OPT_END;
    if (code === OPT_END) return;
    if (code === OPT_PAD) {
      at++;
      continue;
    }
    if (at + 1 >= end) {
      issues.push({ code: 'dhcp-option-truncated', offset: at, message: `option ${code} has no length byte` });
      return;
    }
    const len = buf[at + 1] ?? 0;
    if (at + 2 + len > end) {
      issues.push({ code: 'dhcp-option-truncated', offset: at, message: `option ${code} length ${len} runs past the options area` });
      return;
    }
    append(opts, code, buf.subarray(at + 2, at + 2 + len));
    at += 2 + len;
  }
}
