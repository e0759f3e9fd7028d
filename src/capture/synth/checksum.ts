/** Internet checksum (RFC 1071) and the TCP/UDP pseudo-header sums (RFC 9293 §3.1, RFC 768, RFC 8200 §8.1). */

/**
 * Adds the big-endian 16-bit words of `buf[offset, offset + length)` to `sum` without folding (an odd
 * trailing byte counts as a word padded with zero, RFC 1071 §4.1). A double holds the running sum exactly
 * up to 2^53, far beyond any IP datagram, so folding is left to `foldChecksum`.
 */
export function sumWords(buf: Uint8Array, offset: number, length: number, sum = 0): number {
  let s = sum;
  const end = offset + length - 1;
  let i = offset;
  for (; i < end; i += 2) s += ((buf[i] ?? 0) << 8) | (buf[i + 1] ?? 0);
  if (i === end) s += (buf[i] ?? 0) << 8;
  return s;
}

/** Folds carries into 16 bits and complements: the value to store in a checksum field. */
export function foldChecksum(sum: number): number {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 65536);
  return ~s & 0xffff;
}

/**
 * Sum of the pseudo-header: source and destination addresses (4 or 16 bytes each, read from `buf`),
 * the protocol number and the upper-layer length. IPv4 and IPv6 sum to the same words in a different
 * layout, so one routine serves both.
 */
export function pseudoHeaderSum(buf: Uint8Array, srcOffset: number, dstOffset: number, addrLen: number, proto: number, l4Length: number): number {
  let s = sumWords(buf, srcOffset, addrLen);
  s = sumWords(buf, dstOffset, addrLen, s);
  return s + proto + (l4Length & 0xffff) + Math.floor(l4Length / 65536);
}
