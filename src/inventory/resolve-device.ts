/**
 * A device as a person names it on the command line: its id (or one merged away since), else a MAC, else an IP it
 * holds now, else a host name. One rule for every command that takes a device (device set, findings --device,
 * controls --device, conduits --device, blast-radius).
 */
import { isIP } from 'node:net';
import { AppError, ErrorCode } from '../util/app-error.js';
import type { InventoryRepository } from './inventory-repository.js';
import { normalizeMac } from './manual-fields.js';

export async function resolveDeviceId(inventory: InventoryRepository, text: string): Promise<string> {
  const direct = await inventory.getDevice(text);
  if (direct !== null) return direct.id;
  const mac = normalizeMac(text);
  const query = mac !== null ? { mac } : isIP(text) !== 0 ? { ip: text } : { hostname: text };
  const found = await inventory.findDevices(query);
  const shown = text.slice(0, 60);
  if (found.length > 1) throw new AppError(ErrorCode.BadArgument, `${shown} names ${found.length} devices; use a device id`);
  const device = found[0];
  if (device === undefined) throw new AppError(ErrorCode.NotFound, `no device with id, MAC, IP or host name ${shown} (see \`wardwatch devices\`)`);
  return device.device.id;
}
