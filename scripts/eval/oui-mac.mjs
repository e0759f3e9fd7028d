// MAC addresses for the scenario families' devices: the first prefix the IEEE MA-L registry (data/oui.json) lists for
// an owner name, then three bytes from the family's PRNG. 'local' gives a locally administered unicast address
// (IEEE 802 bit 1 of the first octet set), for a device whose registry owner no source lets us vouch for.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const hex2 = (b) => b.toString(16).padStart(2, '0');

/** `macUnder(owner)`: a new MAC under `owner`'s prefix (throws, naming `family`, when the registry has no such owner). */
export function macFactory(root, rnd, family) {
  const oui = JSON.parse(readFileSync(join(root, 'data', 'oui.json'), 'utf8')).entries;
  const prefixOf = new Map();
  for (const [prefix, owner] of Object.entries(oui)) if (!prefixOf.has(owner)) prefixOf.set(owner, prefix);
  return (owner) => {
    if (owner === 'local') return ['02', ...Array.from({ length: 5 }, () => hex2(rnd() & 0xff))].join(':');
    const p = prefixOf.get(owner);
    if (p === undefined) throw new Error(`${family}: no OUI owner named ${owner} in data/oui.json`);
    return [p.slice(0, 2), p.slice(2, 4), p.slice(4, 6), hex2(rnd() & 0xff), hex2(rnd() & 0xff), hex2(rnd() & 0xff)].join(':').toLowerCase();
  };
}
