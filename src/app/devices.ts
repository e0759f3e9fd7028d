/** The inventory as outputs read it: devices with risk scored, the JSON export's scores and cached lines, FHIR. */
import { toFhirBundle } from '../inventory/export/fhir-device.js';
import type { DeviceJson, RiskDevice } from '../inventory/types.js';
import type { Scored } from '../risk/assess.js';
import { loadRiskWeights } from '../risk/weights.js';
import type { Workspace } from '../store/workspace.js';
import { riskView } from './risk-view.js';
import { scoreDevices } from './risk-view.js';

export interface DeviceListOptions {
  weightsFile?: string | undefined;
  includeRetired?: boolean;
}

/** Devices with `risk` filled, in the store's listing order. */
export async function listDevices(ws: Workspace, options: DeviceListOptions = {}): Promise<DeviceJson[]> {
  return (await riskView(ws, { weightsFile: options.weightsFile, devices: { includeRetired: options.includeRetired ?? false }, findings: false })).devices;
}

/**
 * The JSON export: what risk needs of each device, scored, and the device's cached listing line read a chunk at a
 * time by `linesOf` (docs/architecture.md device JSON without `risk`), so a large inventory never sits in memory as objects.
 */
export async function devicesForExport(ws: Workspace, weightsFile?: string): Promise<{
  devices: Scored<RiskDevice>[];
  linesOf: (ids: readonly string[]) => Promise<Map<string, Buffer>>;
}> {
  const weights = loadRiskWeights(weightsFile);
  const devices = await scoreDevices(ws, await ws.inventory.listDevicesForExport(), weights);
  return { devices, linesOf: (ids) => ws.inventory.deviceLines(ids) };
}

/** FHIR R4 Device resources; retired devices go out as status inactive (consumers track a device's whole life). */
export async function devicesFhirBundle(ws: Workspace, weightsFile: string | undefined, generatedAt: Date): Promise<ReturnType<typeof toFhirBundle>> {
  return toFhirBundle(await listDevices(ws, { weightsFile, includeRetired: true }), { generatedAt });
}
