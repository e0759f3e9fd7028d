/**
 * Advisories as people use them: import (files, directories, feeds), list with the devices each matches now, explain
 * a device's matches and misses, and what matched nothing. Matches follow the current inventory, never stored lists.
 */
import { deviceQuery } from '../advisories/assess-devices.js';
import { importDocumentText, importSources, type ImportOptions, type ImportReport } from '../advisories/import/import-sources.js';
import type { MatchOutcome } from '../advisories/match/match-query.js';
import { loadAliasTables } from '../advisories/normalise/aliases.js';
import type { AdvisorySummary } from '../store/interfaces.js';
import type { ProductQuery } from '../advisories/types.js';
import { advisoryReasons, deviceName, deviceReasons, type UnmatchedReport } from '../advisories/unmatched.js';
import type { DeviceJson } from '../inventory/types.js';
import type { AdvisoryStore } from '../store/interfaces.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { reassessDevices, type AssessResult } from './reassess.js';

/** Imports every source (a failed one is reported and the rest go on), then re-assesses the devices unless told not to. */
export async function importAdvisories(ws: Workspace, sources: readonly string[], options: ImportOptions & { assess: boolean }): Promise<{ reports: ImportReport[]; assessment: AssessResult | null }> {
  const reports = await importSources(ws.advisories, sources, options);
  return { reports, assessment: options.assess ? await reassessDevices(ws) : null };
}

/** One uploaded document (CSAF 2.0, KEV, NVD CVE 2.0), then the re-assessment unless told not to. */
export async function importAdvisoryUpload(ws: Workspace, source: string, text: string, options: { assess: boolean; nowMs?: number }): Promise<{ report: ImportReport; assessment: AssessResult | null }> {
  const report = await importDocumentText(ws.advisories, source, text, options.nowMs === undefined ? {} : { nowMs: options.nowMs });
  return { report, assessment: options.assess ? await reassessDevices(ws) : null };
}

export type AdvisoryWithDevices = AdvisorySummary & { devices: string[] };

/** The imported advisories, each with the ids of the devices it matches now. */
export async function listAdvisories(ws: Workspace): Promise<AdvisoryWithDevices[]> {
  const byAdvisory = await devicesByAdvisory(ws.advisories, await ws.inventory.listDevices());
  return (await ws.advisories.list()).map((a) => ({ ...a, devices: byAdvisory.get(a.id) ?? [] }));
}

/** The list as `advisories list --format json` prints it (and GET /api/advisories answers). */
export async function listAdvisoriesJson(ws: Workspace): Promise<Pick<AdvisoryWithDevices, 'id' | 'title' | 'vendor' | 'cves' | 'devices' | 'kev' | 'source' | 'publisher' | 'revision' | 'updated' | 'products'>[]> {
  return (await listAdvisories(ws)).map((a) => ({ id: a.id, title: a.title, vendor: a.vendor, cves: a.cves, devices: a.devices, kev: a.kev, source: a.source, publisher: a.publisher, revision: a.revision, updated: a.updated, products: a.products }));
}

async function devicesByAdvisory(store: AdvisoryStore, devices: readonly DeviceJson[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const d of devices) {
    const q = deviceQuery(d);
    if (q.vendor === null || q.product === null) continue;
    for (const advisoryId of new Set((await store.match(q)).map((m) => m.advisoryId))) out.set(advisoryId, [...(out.get(advisoryId) ?? []), d.id]);
  }
  return out;
}

export interface DeviceExplanation {
  deviceId: string;
  name: string;
  query: ProductQuery;
  outcome: MatchOutcome | null;
  reasons: string[];
}

/** Why each device (or the one named: id, host name or IP) matches the advisories it does, and not others. */
export async function explainAdvisories(ws: Workspace, device?: string): Promise<DeviceExplanation[]> {
  const devices = (await ws.inventory.listDevices()).filter((d) => device === undefined || d.id === device || d.hostnames.includes(device) || d.ips.includes(device));
  if (device !== undefined && devices.length === 0) throw new AppError(ErrorCode.NotFound, `no device with id, host name or IP '${device}'`);
  const out: DeviceExplanation[] = [];
  for (const d of devices) {
    const query = deviceQuery(d);
    const outcome = query.vendor === null || query.product === null ? null : await ws.advisories.explain(query);
    out.push({ deviceId: d.id, name: deviceName(d), query, outcome, reasons: deviceReasons(d, query, outcome) });
  }
  return out;
}

/** Devices no advisory matched and advisories no device matched, each with why. */
export async function unmatchedAdvisories(ws: Workspace): Promise<UnmatchedReport> {
  const devices = await ws.inventory.listDevices();
  const report: UnmatchedReport = { devices: [], advisories: [] };
  const matched = new Set<string>();
  for (const d of devices) {
    const q = deviceQuery(d);
    const outcome = q.vendor === null || q.product === null ? null : await ws.advisories.explain(q);
    for (const m of outcome?.matches ?? []) matched.add(m.advisoryId);
    const reasons = deviceReasons(d, q, outcome);
    if (reasons.length > 0) report.devices.push({ deviceId: d.id, name: deviceName(d), reasons });
  }
  report.advisories = advisoryReasons(matched, await ws.advisories.products(), devices, loadAliasTables());
  return report;
}
