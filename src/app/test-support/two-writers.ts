/**
 * Test support: the two-writers suite, run on each dialect (src/app/writers.test.ts on SQLite files,
 * src/store/conformance/postgres-writers.test.ts on PostgreSQL): two `analyze` processes, or `analyze` and
 * `device set`, at once both succeed and nothing either wrote is lost; two processes creating a new database at once
 * both migrate it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '../../store/workspace.js';
import { corpusCaptures, dbState, run, SAMPLE, type DbState } from './analyze-runs.js';

const all = corpusCaptures();
const half = Math.floor(all.length / 2);
/** Two runs over different captures (the sample with the second), so each writes devices and findings of its own. */
const FIRST = all.slice(0, half);
const SECOND = [...all.slice(half), SAMPLE];
const analyze = (db: string, captures: readonly string[]): string[] => ['analyze', ...captures, '--db', db, '--json', '--no-progress'];

/** `newDatabase(name)`: the `--db` value of a new, empty database (called inside the suite's hooks and tests). */
export function twoWritersSuite(title: string, newDatabase: (name: string) => string): void {
  describe(title, () => {
    /** Both runs one after the other: what two concurrent runs must leave too. */
    let sequential: DbState;

    beforeAll(async () => {
      const db = newDatabase('sequential');
      expect((await run(analyze(db, FIRST))).code).toBe(0);
      expect((await run(analyze(db, SECOND))).code).toBe(0);
      sequential = await dbState(db);
      expect(sequential.findings.length).toBeGreaterThan(5);
    }, 120_000);

    it.each([1, 2, 3])('two analyze runs creating the database at once both finish and lose nothing (trial %i)', async (trial) => {
      const db = newDatabase(`both-${String(trial)}`);
      const [a, b] = await Promise.all([run(analyze(db, FIRST)), run(analyze(db, SECOND))]);
      expect(a.stderr).toBe('');
      expect(b.stderr).toBe('');
      expect([a.code, b.code]).toEqual([0, 0]);
      const state = await dbState(db);
      expect(state.devices).toBe(sequential.devices);
      expect(state.addresses).toEqual(sequential.addresses);
      expect(state.findings).toEqual(sequential.findings);
      expect(state.runs.every((r) => r.finished)).toBe(true);
    }, 120_000);

    it('analyze and device set at once both succeed: the run keeps its findings and the person keeps the value', async () => {
      const db = newDatabase('device-set');
      expect((await run(analyze(db, FIRST))).code).toBe(0);
      const target = (await dbState(db)).addresses.find((a) => a.startsWith('10.') || a.startsWith('192.168.'));
      expect(target).toBeDefined();
      const sets = Array.from({ length: 4 }, (_, i) => run(['device', 'set', target ?? '', `location=Ward ${String(i)}`, '--db', db]));
      const [analysis, ...setRuns] = await Promise.all([run(analyze(db, SECOND)), ...sets]);
      expect(analysis.code, analysis.stderr).toBe(0);
      for (const s of setRuns) expect(s.code, s.stderr).toBe(0);
      const state = await dbState(db);
      expect(state.findings).toEqual(sequential.findings);
      expect(state.devices).toBe(sequential.devices);
      // Each `device set` names the device it changed; the last to commit wins, and one of them must be there.
      const ids = new Set(setRuns.map((s) => /^device (\S+): set location$/m.exec(s.stdout)?.[1]));
      expect(ids.size).toBe(1);
      const ws = await openWorkspace(db, { create: false });
      try {
        const device = await ws.inventory.getDevice([...ids][0] ?? '');
        expect(device?.location ?? null).toMatch(/^Ward [0-3]$/);
      } finally {
        await ws.close();
      }
    }, 120_000);
  });
}
