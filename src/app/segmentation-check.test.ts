/**
 * segmentation-violation (mission §5): once a policy is approved, a conduit outside its zone-to-zone services is a
 * finding on the client device (high when it reaches a patient-facing zone); approving again closes it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { batch, key, obs, seen, T0 } from '../inventory/test-support/batch.js';
import type { DeviceKey } from '../identify/types.js';
import type { ConduitSighting } from '../inventory/types.js';
import { buildPolicy } from '../segmentation/policy/policy-model.js';
import { readSegmentView } from '../segmentation/read-view.js';
import { openWorkspace, type Workspace } from '../store/workspace.js';
import { checkSegmentation } from './segmentation-check.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-segcheck-'));
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

const CT = key('00:09:fb:00:00:21', '10.20.20.21');
const PACS = key('00:50:56:00:00:10', '10.20.10.10');
const PUMP = key('00:d0:75:00:00:42', '10.20.30.142');

function conduit(client: DeviceKey, server: DeviceKey, port: number, app: string | null, atMs: number): ConduitSighting {
  return { client, server, proto: 'tcp', port, app, flows: 1, bytes: 100, firstSeenMs: atMs, lastSeenMs: atMs };
}

async function approveWhatIsSeen(ws: Workspace): Promise<void> {
  const view = await readSegmentView(ws.inventory);
  const rules = buildPolicy(view.conduits, view.devices).rules;
  await ws.baseline.approve(rules.map((r) => ({ fromZone: r.fromZone, toZone: r.toZone, proto: r.proto, port: r.port })), 'biomed', T0);
}

describe('segmentation check', () => {
  it('raises a finding for traffic outside the approved policy, and closes it once the policy allows it', async () => {
    const file = path.join(dir, 'w.db');
    const ws = await openWorkspace(file);
    const { inventory: inv, findings } = ws;
    try {
      // Categories come from evidence: an imaging modality, a PACS, an infusion pump.
      const devices = [obs(CT, 'category', 'imaging'), obs(PACS, 'category', 'imaging-infrastructure'), obs(PUMP, 'category', 'infusion')];
      await inv.ingest({ ...batch(devices, [seen(CT, ['dicom']), seen(PACS, ['dicom'])]), conduits: [conduit(CT, PACS, 104, 'dicom', T0)] });
      await inv.reclassify((await inv.listDevices()).map((d) => d.id), (evidence) => ({
        vendor: null, model: null, type: null, os: { name: null, version: null, label: null, endOfLife: null }, firmware: null, serial: null, hostnames: [], confidence: 0.9, evidence,
        category: (evidence.find((e) => e.attribute === 'category')?.value ?? 'unknown') as 'imaging',
      }), T0);
      expect(await checkSegmentation(ws)).toBe(0); // no policy approved yet: nothing to break
      await approveWhatIsSeen(ws);
      expect(await checkSegmentation(ws)).toBe(0);

      // Later: the CT opens SSH to the PACS (a new service), and the PACS opens a connection to the pump.
      await inv.ingest({ ...batch([], [seen(CT, ['ssh']), seen(PACS, ['ssh']), seen(PUMP, [])]), conduits: [conduit(CT, PACS, 22, 'ssh', T0 + 3_600_000), conduit(PACS, PUMP, 8080, null, T0 + 3_600_000)] });
      expect(await checkSegmentation(ws)).toBe(2);
      const raised = await findings.list({ kinds: ['segmentation-violation'] });
      expect(raised.map((f) => [f.severity, f.title]).sort()).toEqual([
        ['high', 'Traffic outside the approved segmentation policy: imaging-infrastructure -> infusion tcp/8080'],
        ['medium', 'Traffic outside the approved segmentation policy: imaging -> imaging-infrastructure tcp/22 (ssh)'],
      ]);
      expect(raised.find((f) => f.severity === 'medium')?.detail).toMatch(/^10\.20\.20\.21 \(imaging\) opened tcp\/22 \(ssh\) to 10\.20\.10\.10 \(imaging-infrastructure\) once; the policy approved on 2025-03-01 by biomed/);
      // Seen again: the same findings, counted, never duplicated.
      expect(await checkSegmentation(ws)).toBe(2);
      expect(await findings.list({ kinds: ['segmentation-violation'] })).toHaveLength(2);

      // A person approves the new traffic as it is now: both findings close.
      await approveWhatIsSeen(ws);
      expect(await checkSegmentation(ws)).toBe(0);
      expect((await findings.list({ kinds: ['segmentation-violation'], statuses: ['open'] }))).toEqual([]);
    } finally {
      await ws.close();
    }
  });
});
