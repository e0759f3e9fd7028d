/**
 * Migration 0009: the vendor keys stored with SBOMs and VEX statements recomputed with the advisories' alias table,
 * then the one vendor normaliser (accents folded, advisory-only aliases known), so stored keys match what lookups
 * compute. Two SBOMs that now share (vendor, model) keys are one model: the newer stays, as an attach would leave it.
 *
 * Frozen: the normaliser and the alias table are copies of what shipped with this migration (the table in
 * 0009-vendor-keys-snapshot.ts), so the migration gives the same result whatever the data files say today.
 */
import type { Kysely } from 'kysely';
import { VENDOR_KEY_SNAPSHOT } from './0009-vendor-keys-snapshot.js';

interface KeyedTables {
  sboms: { id: number; vendor: string; vendor_key: string; model_key: string };
  vex_statements: { id: number; vendor: string | null; vendor_key: string | null };
}

const LEGAL_SUFFIX = /\b(inc|incorporated|corp|corporation|co|company|ltd|limited|llc|gmbh|ag|sa|bv|ab|oy|plc|kg|pty|spa)\b/g;
const SPECIAL: Readonly<Record<string, string>> = { ß: 'ss', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D', ł: 'l', Ł: 'L' };
const CANONICAL_KEY = new Map(VENDOR_KEY_SNAPSHOT);

/** Accents folded, lower case, punctuation, underscores and legal suffixes dropped ("Dräger AG" -> "drager"). */
function aliasKey(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[ßæÆøØœŒđĐłŁ]/g, (c) => SPECIAL[c] ?? c);
  return folded.replace(/_/g, ' ').toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').replace(LEGAL_SUFFIX, ' ').replace(/\s+/g, ' ').trim();
}

/** The key of the vendor's canonical name, as the alias tables of the day made it. */
function vendorKey(vendor: string): string {
  const key = aliasKey(vendor);
  return CANONICAL_KEY.get(key) ?? key;
}

export async function up(untyped: Kysely<unknown>): Promise<void> {
  const db = untyped as unknown as Kysely<KeyedTables>;
  const sboms = await db.selectFrom('sboms').select(['id', 'vendor', 'vendor_key', 'model_key']).orderBy('id', 'desc').execute();
  const kept = new Set<string>();
  for (const s of sboms) {
    const key = vendorKey(s.vendor);
    const slot = `${key}\u0000${s.model_key}`;
    // Newest first: an older SBOM of the same model goes, with its components and statements (cascades).
    if (kept.has(slot)) await db.deleteFrom('sboms').where('id', '=', s.id).execute();
    else {
      kept.add(slot);
      if (key !== s.vendor_key) await db.updateTable('sboms').set({ vendor_key: `\u0000${String(s.id)}` }).where('id', '=', s.id).execute();
    }
  }
  // Two passes: a key may move to one another SBOM held a moment ago (UNIQUE would refuse the swap in one).
  for (const s of sboms) {
    const key = vendorKey(s.vendor);
    if (key !== s.vendor_key) await db.updateTable('sboms').set({ vendor_key: key }).where('id', '=', s.id).execute();
  }
  const statements = await db.selectFrom('vex_statements').select(['id', 'vendor', 'vendor_key']).where('vendor', 'is not', null).execute();
  for (const v of statements) {
    const key = v.vendor === null ? null : vendorKey(v.vendor);
    if (key !== v.vendor_key) await db.updateTable('vex_statements').set({ vendor_key: key }).where('id', '=', v.id).execute();
  }
}
