/** SSH identification string (RFC 4253 §4.2): `SSH-protoversion-softwareversion SP comments CR LF`. */
import { latin1 } from '../common/byte-cursor.js';
import { cleanText } from '../common/text.js';
import type { SshBannerRecord } from './types.js';

/** RFC 4253 §4.2: the line is at most 255 characters including CR LF. */
const MAX_IDENT = 255;

/** The banner record of an `SSH-` line, or null for the other lines a server may send first. */
export function parseIdent(line: Uint8Array): SshBannerRecord | null {
  if (line.length < 4 || line[0] !== 0x53 || line[1] !== 0x53 || line[2] !== 0x48 || line[3] !== 0x2d) return null;
  const software = cleanText(latin1(line.subarray(0, MAX_IDENT)), MAX_IDENT);
  const dash = software.indexOf('-', 4);
  const protoVersion = dash < 0 ? software.slice(4) : software.slice(4, dash);
  const rest = dash < 0 ? '' : software.slice(dash + 1);
  const sp = rest.indexOf(' ');
  const softwareField = sp < 0 ? rest : rest.slice(0, sp);
  const comments = sp < 0 ? null : rest.slice(sp + 1).trim() || null;
  const [softwareName, softwareVersion] = splitSoftware(softwareField);
  return { kind: 'banner', software, protoVersion, softwareName, softwareVersion, comments };
}

/** `OpenSSH_9.2p1` -> OpenSSH / 9.2p1; `Cisco-1.25` -> Cisco / 1.25; `dropbear` -> dropbear / null. */
function splitSoftware(s: string): [string, string | null] {
  const us = s.indexOf('_');
  if (us > 0) return [s.slice(0, us), s.slice(us + 1) || null];
  const m = /^(.+?)-(\d.*)$/.exec(s);
  if (m?.[1] !== undefined && m[2] !== undefined) return [m[1], m[2]];
  return [s, null];
}
