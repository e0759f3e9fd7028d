/** Text forms of IP addresses: dotted IPv4, RFC 5952 IPv6 (shared by the capture layer and the decoders). */

export function ipv4Text(w: number): string {
  return `${w >>> 24}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;
}

/** RFC 5952: lower case, leading zeros dropped, the longest run (≥ 2) of zero groups as '::'. */
export function ipv6Text(words: ArrayLike<number>): string {
  const groups: number[] = [];
  for (let i = 0; i < 4; i++) {
    const w = words[i] ?? 0;
    groups.push(w >>> 16, w & 0xffff);
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  // IPv4-mapped addresses keep their dotted tail (::ffff:10.0.0.1), as tshark and most tools print them.
  if (bestStart === 0 && bestLen === 5 && groups[5] === 0xffff) return `::ffff:${ipv4Text(words[3] ?? 0)}`;
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
