/** Narrowing helpers for SBOM / VEX JSON read as `unknown`: a missing or mistyped field reads as absent, never throws. */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Object at `key`, or null. */
export function objectAt(o: JsonObject, key: string): JsonObject | null {
  const v = o[key];
  return isObject(v) ? v : null;
}

/** Array at `key` (elements still unknown), or an empty array. */
export function arrayAt(o: JsonObject, key: string): readonly unknown[] {
  const v = o[key];
  return Array.isArray(v) ? (v as unknown[]) : [];
}

/** Objects of the array at `key`, skipping anything else. */
export function objectsAt(o: JsonObject, key: string): JsonObject[] {
  return arrayAt(o, key).filter(isObject);
}

/** Trimmed non-empty string at `key` (numbers are accepted as text, e.g. `"version": 1`), or null. */
export function textAt(o: JsonObject, key: string): string | null {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

/** Trimmed non-empty string at `key`, strings only (identifiers such as purl and CPE are never numbers), or null. */
export function stringAt(o: JsonObject, key: string): string | null {
  const v = o[key];
  return typeof v === 'string' ? textAt(o, key) : null;
}

/** Non-empty strings of the array at `key`. */
export function textsAt(o: JsonObject, key: string): string[] {
  const out: string[] = [];
  for (const v of arrayAt(o, key)) if (typeof v === 'string' && v.trim() !== '') out.push(v.trim());
  return out;
}

export function numberAt(o: JsonObject, key: string): number | null {
  const v = o[key];
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

/** An ISO time from a document field, normalised to toISOString form; null when absent or not a date. */
export function isoAt(o: JsonObject, key: string): string | null {
  const t = textAt(o, key);
  if (t === null) return null;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
