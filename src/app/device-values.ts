/** A person's values on a device (location, department …; inventory/manual-fields.ts), which win over inferred ones. */
import { resolveDeviceId } from '../inventory/resolve-device.js';
import type { Workspace } from '../store/workspace.js';

export interface DeviceValue {
  field: string;
  /** null removes the person's value: the inferred one returns. */
  value: string | null;
}

/** All values or none (one transaction); `device` is an id, MAC, IP or host name. Returns the device's id. */
export async function setDeviceValues(ws: Workspace, device: string, values: readonly DeviceValue[], by: string, nowMs: number = Date.now()): Promise<string> {
  const deviceId = await resolveDeviceId(ws.inventory, device);
  await ws.transaction(async () => {
    for (const v of values) await ws.inventory.setManualValue(deviceId, v.field, v.value, by, 'user', nowMs);
  });
  return deviceId;
}
