/** One device as a page shows it: its JSON with risk scored (evidence included), and its attribute history. */
import { resolveDeviceId } from '../inventory/resolve-device.js';
import type { DeviceJson, HistoryEntry } from '../inventory/types.js';
import { loadRiskWeights } from '../risk/weights.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { score } from './risk-view.js';

type DetailStores = Pick<Workspace, 'inventory' | 'findings' | 'risk'>;

/** `device` is an id, MAC, IP or host name (inventory/resolve-device.ts); a retired device is still shown. */
export async function deviceDetail(ws: DetailStores, device: string, weightsFile?: string): Promise<DeviceJson> {
  const weights = loadRiskWeights(weightsFile);
  const id = await resolveDeviceId(ws.inventory, device);
  const found = await ws.inventory.getDevice(id);
  if (found === null) throw new AppError(ErrorCode.NotFound, `no device ${device.slice(0, 60)}`);
  // By id: a device's score rests on its own findings only (risk/assess.ts groups them by device).
  const nowMs = Date.now();
  const [scored] = (await score(ws, [found], await ws.findings.list({ deviceId: found.id }, nowMs), weights, nowMs)).devices;
  return scored ?? found;
}

/** What changed on the device and who changed it, oldest first as the store keeps it. */
export async function deviceHistory(ws: Pick<Workspace, 'inventory'>, device: string): Promise<{ deviceId: string; history: HistoryEntry[] }> {
  const deviceId = await resolveDeviceId(ws.inventory, device);
  return { deviceId, history: await ws.inventory.history(deviceId) };
}
