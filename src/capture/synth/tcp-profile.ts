/** TCP stack behaviour of a synthetic host: SYN window and options offered (RFC 9293 §3.7.1 MSS, RFC 7323 §2-§3 WS/TS, RFC 2018 §2 SACK). */

import type { TcpOptionsSpec } from './frame-builder.js';

/**
 * What a host's stack puts in its SYN. Passive OS fingerprinting (p0f-style) reads exactly these fields
 * with the IP TTL, so a scenario host's profile and TTL should tell the same story.
 */
export interface TcpStackProfile {
  readonly mss: number;
  /** Window field of the SYN (unscaled, RFC 7323 §2.2). */
  readonly window: number;
  /** Shift count offered, or null for no window-scale option. */
  readonly windowScale: number | null;
  readonly sackPermitted: boolean;
  readonly timestamps: boolean;
  /** Order of the SYN options (see TcpOptionsSpec). */
  readonly layout: 'linux' | 'windows';
}

/** Linux 5.x/6.x defaults (p0f: `mss*44,7:mss,sok,ts,nop,ws`). */
export const LINUX_TCP: TcpStackProfile = { mss: 1460, window: 64240, windowScale: 7, sackPermitted: true, timestamps: true, layout: 'linux' };
/** Windows 10/11 and Server 2016+: scaling and SACK, no timestamps by default. */
export const WINDOWS_TCP: TcpStackProfile = { mss: 1460, window: 64240, windowScale: 8, sackPermitted: true, timestamps: false, layout: 'windows' };
/** Windows 7 / 8 (p0f "Windows 7 or 8": `8192,8:mss,nop,ws,nop,nop,sok`). */
export const WINDOWS7_TCP: TcpStackProfile = { ...WINDOWS_TCP, window: 8192 };
/** A small embedded stack (lwIP-like): MSS only. */
export const EMBEDDED_TCP: TcpStackProfile = { mss: 1460, window: 8192, windowScale: null, sackPermitted: false, timestamps: false, layout: 'linux' };

/**
 * Fills `out` with the SYN options of `own`. For the SYN/ACK pass the initiator's profile as
 * `offered`: a responder may only send WS, SACK-permitted and TS when the SYN carried them.
 */
export function fillSynOptions(own: TcpStackProfile, offered: TcpStackProfile | null, out: TcpOptionsSpec): void {
  out.mss = own.mss;
  out.layout = own.layout;
  out.windowScale = own.windowScale !== null && (offered === null || offered.windowScale !== null) ? own.windowScale : null;
  out.sackPermitted = own.sackPermitted && (offered === null || offered.sackPermitted);
  out.timestamps = own.timestamps && (offered === null || offered.timestamps);
}

/** The window field a side sends once the handshake is over (scaled down when both sides agreed to scaling). */
export function establishedWindow(own: TcpStackProfile, scaling: boolean): number {
  if (!scaling || own.windowScale === null) return own.window;
  return Math.max(1, Math.round(own.window / 2 ** own.windowScale));
}
