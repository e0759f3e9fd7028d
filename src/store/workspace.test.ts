/**
 * The workspace's one transaction: what the stores write inside it commits together or not at all, a store's own
 * transaction inside it is a savepoint (its failure undoes only its part), and a run's batch rows stay unfinished until
 * the run finishes them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batch, key, obs, seen, T0 } from '../inventory/test-support/batch.js';
import { openWorkspace, type Workspace } from './workspace.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-workspace-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const PUMP = key('00:d0:75:00:00:42', '10.20.30.142');
const CT = key('00:09:fb:00:00:21', '10.20.20.21');

async function withFile<T>(name: string, work: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await openWorkspace(path.join(dir, name));
  try {
    return await work(ws);
  } finally {
    await ws.close();
  }
}

describe('workspace.transaction', () => {
  it('commits everything the stores wrote inside it', async () => {
    await withFile('commit.db', async (ws) => {
      await ws.transaction(async () => {
        const r = await ws.inventory.ingest(batch([obs(PUMP, 'vendor', 'BD')], [seen(PUMP, ['hl7'])]), T0);
        const id = r.deviceIds.values().next().value ?? '';
        await ws.inventory.setManualValue(id, 'location', 'ICU 3', 'biomed');
      });
      const [device] = await ws.inventory.listDevices();
      expect(device?.location).toBe('ICU 3');
    });
  });

  it('undoes everything, stores\' own committed transactions included, when the work fails', async () => {
    await withFile('rollback.db', async (ws) => {
      const failed = ws.transaction(async () => {
        await ws.inventory.ingest(batch([obs(PUMP, 'vendor', 'BD')], [seen(PUMP, ['hl7'])]), T0);
        expect(await ws.inventory.listDevices()).toHaveLength(1); // visible inside, before the commit
        throw new Error('the end of the run failed');
      });
      await expect(failed).rejects.toThrow('the end of the run failed');
      expect(await ws.inventory.listDevices()).toEqual([]);
      expect(await ws.runs.list()).toEqual([]);
      // The connection is usable after the rollback: a later transaction commits.
      await ws.transaction(() => ws.inventory.ingest(batch([obs(CT, 'vendor', 'GE Healthcare')], [seen(CT, ['dicom'])]), T0));
      expect(await ws.inventory.listDevices()).toHaveLength(1);
    });
  });

  it('keeps the outer work when a store\'s own transaction inside it fails and the failure is handled', async () => {
    await withFile('savepoint.db', async (ws) => {
      await ws.transaction(async () => {
        await ws.inventory.ingest(batch([obs(PUMP, 'vendor', 'BD')], [seen(PUMP, ['hl7'])]), T0);
        // An unknown field is refused inside setManualValue's own transaction: only that savepoint is undone.
        await expect(ws.inventory.setManualValue('no-such-device', 'location', 'ICU', 'biomed')).rejects.toThrow();
      });
      expect(await ws.inventory.listDevices()).toHaveLength(1);
    });
  });
});

describe('run rows', () => {
  it('stay unfinished when held open, and are finished together', async () => {
    await withFile('runs.db', async (ws) => {
      const ids: number[] = [];
      for (const k of [PUMP, CT]) {
        await ws.transaction(async () => {
          const r = await ws.inventory.ingest(batch([], [seen(k, ['hl7'])]), T0);
          await ws.runs.holdOpen(r.runId);
          ids.push(r.runId);
        });
      }
      // A batch written without holding it open is finished on its own, as every batch was before.
      await ws.inventory.ingest(batch([], [seen(key(null, '10.20.40.1'), ['dns'])]), T0);
      const open = await ws.runs.list();
      expect(open.map((r) => r.finished === null)).toEqual([true, true, false]);
      await ws.runs.finish(ids, T0);
      expect((await ws.runs.list()).every((r) => r.finished !== null)).toBe(true);
    });
  });
});
