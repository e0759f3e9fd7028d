/** `--device` for the controls commands: a device id, else a MAC, else an IP the device holds now (as `device set`). */
import { isIP } from 'node:net';
import { normalizeMac } from '../../inventory/manual-fields.js';
import type { InventoryRepository } from '../../inventory/inventory-repository.js';
import { AppError, ErrorCode } from '../../util/app-error.js';

export async function resolveDeviceId(inventory: InventoryRepository, id: string): Promise<string> {
  const direct = await inventory.getDevice(id);
  if (direct !== null) return direct.id;
  const mac = normalizeMac(id);
  const query = mac !== null ? { mac } : isIP(id) !== 0 ? { ip: id } : null;
  const found = query === null ? [] : await inventory.findDevices(query);
  if (found.length > 1) throw new AppError(ErrorCode.BadArgument, `${id.slice(0, 60)} names ${found.length} devices; use a device id`);
  const device = found[0];
  if (device === undefined) throw new AppError(ErrorCode.NotFound, `no device with id, MAC or IP ${id.slice(0, 60)}`);
  return device.device.id;
}
