/** Text <-> bytes for MAC (IEEE 802), IPv4 (RFC 791) and IPv6 (RFC 4291 §2.2) addresses used by the synthesiser. */

/** Parses `00:1b:2c:3d:4e:5f` (or with `-`) into 6 bytes. */
export function mac(text: string): Uint8Array {
  const parts = text.split(/[:-]/);
  if (parts.length !== 6) throw new RangeError(`bad MAC address: ${text}`);
  return Uint8Array.from(parts, (p) => parseHexByte(p, text));
}

/** Parses dotted-quad IPv4 into 4 bytes. */
export function ipv4(text: string): Uint8Array {
  const parts = text.split('.');
  if (parts.length !== 4) throw new RangeError(`bad IPv4 address: ${text}`);
  return Uint8Array.from(parts, (p) => {
    const n = Number(p);
    if (!/^\d{1,3}$/.test(p) || n > 255) throw new RangeError(`bad IPv4 address: ${text}`);
    return n;
  });
}

/** Parses IPv6 text (with at most one `::`, no embedded IPv4) into 16 bytes. */
export function ipv6(text: string): Uint8Array {
  const halves = text.split('::');
  if (halves.length > 2) throw new RangeError(`bad IPv6 address: ${text}`);
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) throw new RangeError(`bad IPv6 address: ${text}`);
  const groups = [...head, ...(Array(missing).fill('0') as string[]), ...tail];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) throw new RangeError(`bad IPv6 address: ${text}`);
    const v = parseInt(g, 16);
    out[i * 2] = v >> 8;
    out[i * 2 + 1] = v & 0xff;
  });
  return out;
}

/** Either family, chosen by the presence of ':'. */
export function ip(text: string): Uint8Array {
  return text.includes(':') ? ipv6(text) : ipv4(text);
}

/** Formats 4 or 16 address bytes as text (IPv6 uncompressed-but-trimmed, enough for messages and tests). */
export function formatIp(bytes: Uint8Array): string {
  if (bytes.length === 4) return bytes.join('.');
  const groups: string[] = [];
  for (let i = 0; i < bytes.length; i += 2) groups.push((((bytes[i] ?? 0) << 8) | (bytes[i + 1] ?? 0)).toString(16));
  return groups.join(':');
}

export function formatMac(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(':');
}

function parseHexByte(p: string, text: string): number {
  if (!/^[0-9a-fA-F]{2}$/.test(p)) throw new RangeError(`bad MAC address: ${text}`);
  return parseInt(p, 16);
}
