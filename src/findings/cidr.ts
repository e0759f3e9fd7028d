/** IPv4/IPv6 CIDR parsing and membership (RFC 4632, RFC 4291 text forms) for the site's network zones. */

export interface Cidr {
  /** The text as the user wrote it, for messages. */
  text: string;
  v6: boolean;
  base: bigint;
  bits: number;
}

function v4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let n = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const b = Number(p);
    if (b > 255) return null;
    n = (n << 8n) | BigInt(b);
  }
  return n;
}

function v6(text: string): bigint | null {
  let s = text.toLowerCase();
  const pct = s.indexOf('%');
  if (pct >= 0) s = s.slice(0, pct);
  // An embedded IPv4 tail (::ffff:10.0.0.1) becomes two hex groups.
  const lastColon = s.lastIndexOf(':');
  if (s.includes('.') && lastColon >= 0) {
    const tail = v4(s.slice(lastColon + 1));
    if (tail === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(tail >> 16n).toString(16)}:${(tail & 0xffffn).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' ? [] : (halves[0] ?? '').split(':');
  const tail = halves.length === 2 ? (halves[1] === '' ? [] : (halves[1] ?? '').split(':')) : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0 || (halves.length === 2 && missing < 1)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  let n = 0n;
  for (const g of groups) {
    if (!/^[0-9a-f]{1,4}$/.test(g)) return null;
    n = (n << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return n;
}

/** An address as a number, and whether it is IPv6; null when the text is not an address. */
export function parseIp(text: string): { v6: boolean; n: bigint } | null {
  if (text.includes(':')) {
    const n = v6(text);
    return n === null ? null : { v6: true, n };
  }
  const n = v4(text);
  return n === null ? null : { v6: false, n };
}

export function parseCidr(text: string): Cidr | null {
  const slash = text.indexOf('/');
  const addr = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (addr === null) return null;
  const max = addr.v6 ? 128 : 32;
  const bitsText = slash < 0 ? String(max) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bitsText)) return null;
  const bits = Number(bitsText);
  if (bits > max) return null;
  const shift = BigInt(max - bits);
  return { text, v6: addr.v6, base: (addr.n >> shift) << shift, bits };
}

export function inCidr(ip: { v6: boolean; n: bigint }, c: Cidr): boolean {
  if (ip.v6 !== c.v6) return false;
  const shift = BigInt((c.v6 ? 128 : 32) - c.bits);
  return (ip.n >> shift) << shift === c.base;
}

export function inAny(ip: { v6: boolean; n: bigint }, list: readonly Cidr[]): boolean {
  return list.some((c) => inCidr(ip, c));
}
