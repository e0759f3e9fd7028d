/**
 * A register's free-text equipment type ("Infusion Pump", "Pump, Infusion", "Patient Monitor - Bedside") to a device
 * category, from the identification knowledge (data/device-types.json): the type → category pairs its rules set and
 * its FDA product codes' names. No list of our own: a type the knowledge does not know stays without a category.
 */
import type { KnowledgeBase } from '../../identify/knowledge/kb-types.js';
import type { DeviceCategory } from '../../identify/types.js';

export type TypeCategoryOf = (type: string) => DeviceCategory | null;

/** `Pumps, Infusion (IV)` -> {pump, infusion, iv}: case, punctuation, order and a plural s do not matter. */
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '').map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)));
}

interface KnownType {
  words: Set<string>;
  category: DeviceCategory;
}

/**
 * The category of the most specific known type all of whose words the text holds ("IV Infusion Pump" holds
 * "infusion pump"); null when none does, or when the most specific ones disagree (unknown is better than wrong).
 */
export function typeCategoryIndex(kb: Pick<KnowledgeBase, 'rules' | 'fdaProductCodes'>): TypeCategoryOf {
  const known: KnownType[] = [];
  const add = (name: string | undefined, category: string | undefined): void => {
    if (name === undefined || category === undefined || name.trim() === '') return;
    known.push({ words: words(name), category: category as DeviceCategory });
  };
  for (const rule of kb.rules['device-types']) add(rule.set.type, rule.set.category);
  for (const code of kb.fdaProductCodes) {
    add(code.type, code.category);
    add(code.name, code.category);
  }
  return (type) => {
    const have = words(type);
    let best: DeviceCategory | null = null;
    let bestSize = 0;
    let conflict = false;
    for (const k of known) {
      if (k.words.size < bestSize || ![...k.words].every((w) => have.has(w))) continue;
      if (k.words.size > bestSize) {
        best = k.category;
        bestSize = k.words.size;
        conflict = false;
      } else if (k.category !== best) conflict = true;
    }
    return conflict ? null : best;
  };
}
