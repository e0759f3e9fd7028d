/**
 * Maintenance-window schedules, checked and normalised so every stored window reads the same way:
 *   weekly  `Sat 22:00-Sun 04:00`, `Mon-Fri 02:00-04:00`, `Tue,Thu 01:00-03:00`, `daily 01:30-02:30`
 *   cron    `cron 0 2 * * 6 for 120m` (minute hour day-of-month month day-of-week, crontab(5) fields, and a duration)
 * Times are the site's local wall clock, as biomed teams agree windows with wards.
 */
import { AppError, ErrorCode } from '../../util/app-error.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const FULL_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
const DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const bad = (text: string, why: string): AppError => new AppError(ErrorCode.BadArgument, `maintenance window "${text.slice(0, 60)}": ${why}`);

function day(token: string, text: string): number {
  const t = token.toLowerCase();
  const i = FULL_DAYS.findIndex((full, k) => t === full || t === DAYS[k]);
  if (i < 0) throw bad(text, `"${token}" is not a day (Mon … Sun)`);
  return i;
}

function time(token: string, text: string): string {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(token);
  if (m === null) throw bad(text, `"${token}" is not a time (HH:MM, 00:00-23:59)`);
  return `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}`;
}

/** `Mon-Fri`, `Tue,Thu`, `daily` -> the normalised day text. */
function days(token: string, text: string): string {
  if (token.toLowerCase() === 'daily') return 'daily';
  if (token.includes(',')) return token.split(',').map((t) => DAY_NAMES[day(t, text)] ?? '').join(',');
  const range = token.split('-');
  if (range.length === 2) return `${DAY_NAMES[day(range[0] ?? '', text)] ?? ''}-${DAY_NAMES[day(range[1] ?? '', text)] ?? ''}`;
  return DAY_NAMES[day(token, text)] ?? '';
}

const CRON_BOUNDS: readonly [number, number][] = [[0, 59], [0, 23], [1, 31], [1, 12], [0, 7]];

function cronField(field: string, [lo, hi]: [number, number], text: string): void {
  for (const part of field.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (m === null) throw bad(text, `cron field "${field}" is not valid`);
    const nums = [m[2], m[3], m[4]].filter((x): x is string => x !== undefined).map(Number);
    const [a, b] = [m[2], m[3]].map((x) => (x === undefined ? undefined : Number(x)));
    if ((a !== undefined && (a < lo || a > hi)) || (b !== undefined && (b < lo || b > hi || (a !== undefined && b < a)))) {
      throw bad(text, `cron field "${field}" is outside ${lo}-${hi}`);
    }
    if (m[4] !== undefined && Number(m[4]) === 0) throw bad(text, `cron step in "${field}" must be at least 1`);
    if (nums.some((n) => !Number.isSafeInteger(n))) throw bad(text, `cron field "${field}" is not valid`);
  }
}

function cron(tokens: readonly string[], text: string): string {
  // cron M H DOM MON DOW for DURATION
  if (tokens.length !== 8 || tokens[6]?.toLowerCase() !== 'for') throw bad(text, 'expected "cron M H DOM MON DOW for 90m"');
  const fields = tokens.slice(1, 6);
  fields.forEach((f, i) => { cronField(f, CRON_BOUNDS[i] ?? [0, 0], text); });
  const d = /^(\d{1,4})(m|h)$/.exec(tokens[7] ?? '');
  const minutes = d === null ? 0 : Number(d[1]) * (d[2] === 'h' ? 60 : 1);
  if (minutes < 1 || minutes > 7 * 24 * 60) throw bad(text, 'duration must be like 90m or 4h, at most a week');
  return `cron ${fields.join(' ')} for ${minutes}m`;
}

/** The normalised schedule, or AppError bad-argument naming the part that is wrong. */
export function parseSchedule(input: string): string {
  const text = input.trim();
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0) throw bad(text, 'empty');
  if (tokens[0]?.toLowerCase() === 'cron') return cron(tokens, text);
  // `Sat 22:00-Sun 04:00` has two tokens around the dash; join and split on it.
  const joined = tokens.join(' ').replace(/\s*-\s*/g, '-');
  const cross = /^(\S+) (\S+)-(\S+) (\S+)$/.exec(joined);
  if (cross !== null) {
    return `${DAY_NAMES[day(cross[1] ?? '', text)] ?? ''} ${time(cross[2] ?? '', text)}-${DAY_NAMES[day(cross[3] ?? '', text)] ?? ''} ${time(cross[4] ?? '', text)}`;
  }
  const simple = /^(\S+) (\S+)-(\S+)$/.exec(joined);
  if (simple === null) throw bad(text, 'expected "Sat 22:00-Sun 04:00", "Mon-Fri 02:00-04:00", "daily 01:00-02:00" or "cron 0 2 * * 6 for 120m"');
  return `${days(simple[1] ?? '', text)} ${time(simple[2] ?? '', text)}-${time(simple[3] ?? '', text)}`;
}
