/** Narrowing helpers for untrusted advisory JSON: `unknown` in, typed values out, never a throw except formatError. */
import { AppError, ErrorCode } from '../util/app-error.js';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function obj(v: unknown): Obj {
  return isObj(v) ? v : {};
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A non-empty trimmed string, else null. Long strings are cut: nothing from a file grows without bound. */
export function str(v: unknown, max = 4000): string | null {
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t.length > max ? `${t.slice(0, max)}…` : t;
}

export function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A bad document: one line naming what is wrong (the caller adds the file name). */
export function formatError(message: string): AppError {
  return new AppError(ErrorCode.BadArgument, message);
}

/** ISO-8601 UTC text of a date the source gave, or null when it is not a date. */
export function isoDate(v: unknown): string | null {
  const s = str(v, 64);
  if (s === null) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(s) || !s.includes('T') ? s : `${s}Z`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
