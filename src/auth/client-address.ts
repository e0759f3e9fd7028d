/** The key a client address is throttled under: the IPv4 address, or the IPv6 /64 one host typically owns. */
import { isIPv4, isIPv6 } from 'node:net';

const MAPPED_V4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

/**
 * `10.1.2.3` -> `10.1.2.3`; `::ffff:10.1.2.3` -> `10.1.2.3` (a dual-stack socket's view of an IPv4 client);
 * `2001:db8::1` -> `2001:db8:0:0::/64`, since one host can use every address of its /64 (RFC 4291 §2.5.1, RFC 8981).
 * Null for anything that is not an address.
 */
export function throttleAddressKey(address: string): string | null {
  const mapped = MAPPED_V4.exec(address)?.[1];
  if (mapped !== undefined && isIPv4(mapped)) return mapped;
  if (isIPv4(address)) return address;
  const plain = address.split('%')[0] ?? ''; // drop a zone index (fe80::1%eth0)
  if (!isIPv6(plain)) return null;
  return `${expandIpv6(plain).slice(0, 4).join(':')}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head = '', tail] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === undefined || tail === '' ? [] : tail.split(':');
  // An embedded IPv4 tail (::1.2.3.4) takes two groups; only the first four groups are used, so its value is moot.
  const groups = (g: string[]): number => g.reduce((n, part) => n + (part.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? 0 : 8 - groups(left) - groups(right);
  return [...left, ...Array<string>(Math.max(0, zeros)).fill('0'), ...right].map((g) => g.replace(/^0+(?=.)/, ''));
}
