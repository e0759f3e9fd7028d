/** Maintenance-window schedules: the weekly and cron forms normalised, anything else refused with the reason. */
import { describe, expect, it } from 'vitest';
import { parseSchedule } from './schedule.js';

describe('parseSchedule', () => {
  it.each([
    ['Sat 22:00-Sun 04:00', 'Sat 22:00-Sun 04:00'],
    ['saturday 22:00 - sunday 4:00', 'Sat 22:00-Sun 04:00'],
    ['mon-fri 2:00-4:00', 'Mon-Fri 02:00-04:00'],
    ['tue,THU 01:00-03:30', 'Tue,Thu 01:00-03:30'],
    ['Daily 01:30-02:30', 'daily 01:30-02:30'],
    ['cron 0 2 * * 6 for 2h', 'cron 0 2 * * 6 for 120m'],
    ['cron */15 1-3 1,15 * 0 for 45m', 'cron */15 1-3 1,15 * 0 for 45m'],
  ])('%s -> %s', (input, out) => {
    expect(parseSchedule(input)).toBe(out);
  });
  it.each([
    ['', /empty/],
    ['weekends', /expected "Sat 22:00-Sun 04:00"/],
    ['Funday 01:00-02:00', /"Funday" is not a day/],
    ['Mon 25:00-26:00', /"25:00" is not a time/],
    ['cron 0 2 * * 6', /expected "cron M H DOM MON DOW for 90m"/],
    ['cron 61 2 * * 6 for 1h', /outside 0-59/],
    ['cron 0 2 * * 6 for 0m', /duration/],
    ['cron 0 2 * 13 6 for 1h', /outside 1-12/],
    ['cron 0 5-2 * * * for 1h', /outside 0-23/],
    ['cron 0 */0 * * * for 1h', /step/],
  ])('refuses %j', (input, message) => {
    expect(() => parseSchedule(input)).toThrow(message);
  });
});
