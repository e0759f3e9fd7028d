/**
 * The MAC inside an IPv6 link-local address formed from it (RFC 4291 §2.5.1 and Appendix A, modified EUI-64): the
 * interface identifier is the MAC's first three octets with the universal/local bit inverted, then ff:fe, then its
 * last three. Only read back when that pattern is there and the inverted bit says "universal" (an IEEE-assigned
 * MAC): a random or privacy identifier (RFC 7217, RFC 8981) or a locally administered one names no NIC.
 */

/** The eight 16-bit groups of an IPv6 text address (zone id dropped), or null when it is not one. */
function groups(ip: string): number[] | null {
  const text = ip.split('%')[0]?.toLowerCase() ?? '';
  if (!/^[0-9a-f:]+$/.test(text) || text.length > 39) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const part = (s: string | undefined): string[] => (s === undefined || s === '' ? [] : s.split(':'));
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<string>(halves.length === 1 ? 0 : missing).fill('0'), ...tail];
  if (all.some((g) => g.length === 0 || g.length > 4)) return null;
  return all.map((g) => parseInt(g, 16));
}

/** The MAC an fe80::/10 address was built from, lower-case colon-separated, or null. */
export function macFromLinkLocal(ip: string): string | null {
  const g = groups(ip);
  if (g === null || (g[0] ?? 0) >> 6 !== 0x3fa) return null; // fe80::/10
  const [a = 0, b = 0, c = 0, d = 0] = g.slice(4);
  if ((b & 0xff) !== 0xff || c >> 8 !== 0xfe) return null;
  const first = a >> 8;
  // Inverted U/L bit: 1 here is a universally administered MAC; the group bit must be clear (a unicast NIC).
  if ((first & 0x02) === 0 || (first & 0x01) !== 0) return null;
  const octets = [first ^ 0x02, a & 0xff, b >> 8, c & 0xff, d >> 8, d & 0xff];
  if (octets.every((o) => o === 0)) return null;
  return octets.map((o) => o.toString(16).padStart(2, '0')).join(':');
}
