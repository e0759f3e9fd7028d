/**
 * The IANA Private Enterprise Number registry (data/enterprise-numbers.json, https://www.iana.org/assignments/enterprise-numbers),
 * read on the first lookup. The shipped file holds ~62,000 numbers (1.9 MB): parsing it at start-up cost every run
 * ~0.1 s and ~30 MB of heap although only an SNMP agent's sysObjectID ever asks for a number, so a capture without
 * SNMP never reads it. User `--rules` entries are validated at load (a bad file fails before ingest) and win.
 */
import { fail, isObj } from './validate.js';

/** Validated entries of one `enterprise-numbers` section (`{ "entries": { "9": "ciscoSystems", … } }`). */
export function parsePenSection(label: string, doc: unknown): Map<number, string> {
  if (!isObj(doc)) fail(label, 'top level', 'must be an object');
  const entries = doc.entries;
  if (!isObj(entries)) fail(label, 'top level', '"entries" must be an object of enterprise number -> organisation');
  const out = new Map<number, string>();
  for (const [k, v] of Object.entries(entries)) {
    if (!/^\d{1,9}$/.test(k)) fail(label, `entries.${k}`, 'key must be an enterprise number such as 9');
    if (typeof v !== 'string' || v.length === 0) fail(label, `entries.${k}`, 'organisation must be a non-empty string');
    out.set(Number(k), v);
  }
  return out;
}

/**
 * User entries first, then the shipped file, which `readShipped` returns parsed the first time a number is not among
 * the user's. A shipped file that cannot be read or fails validation throws AppError on that lookup; the shipped
 * file's own test (load-kb.test.ts) reads it whole, so that is a packaging fault, not a runtime path.
 */
export class LazyPenRegistry {
  private shipped: Map<number, string> | null = null;
  private readonly user = new Map<number, string>();

  constructor(private readonly readShipped: () => unknown, private readonly shippedLabel: string) {}

  /** Entries of a user rules file: checked now, winning over the shipped registry and over earlier user files. */
  addUser(entries: ReadonlyMap<number, string>): void {
    for (const [k, v] of entries) this.user.set(k, v);
  }

  /** Number -> registered organisation: what penMaker (lookup.ts) reads. */
  get(pen: number): string | undefined {
    return this.user.get(pen) ?? this.loadShipped().get(pen);
  }

  /** Whether the shipped file has been parsed yet (tests assert start-up stays free of it). */
  get loaded(): boolean {
    return this.shipped !== null;
  }

  private loadShipped(): Map<number, string> {
    if (this.shipped === null) {
      this.shipped = parsePenSection(this.shippedLabel, this.readShipped());
    }
    return this.shipped;
  }
}
