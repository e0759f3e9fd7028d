/**
 * Hosts of findings resolved to inventory devices at the end of an ingest, cached per address: by IP first (one
 * active holder at a time); by MAC only when the IP is unknown (a router's MAC fronts many addresses) and inside the
 * site: an address outside it is no device, and the MAC it came with is the gateway's.
 */
import type { InventoryRepository } from '../inventory/inventory-repository.js';
import type { DeviceJson } from '../inventory/types.js';
import type { Zone } from './site.js';

export class DeviceResolver {
  private readonly ids = new Map<string, string | null>();
  private readonly devices = new Map<string, DeviceJson>();
  /** Distinct addresses that matched no device. */
  unresolved = 0;

  constructor(
    private readonly inventory: InventoryRepository,
    private readonly zoneOf: (ip: string) => Zone = () => 'internal',
  ) {}

  /** `counted`: an address that matches nothing adds to `unresolved` (false for a client merely looked at). */
  async resolve(ip: string, mac: string | null, counted = true): Promise<DeviceJson | null> {
    let id = this.ids.get(ip);
    if (id === undefined) {
      id = await this.lookup(ip, mac);
      this.ids.set(ip, id);
      if (id === null && counted) this.unresolved++;
    }
    if (id === null) return null;
    let d = this.devices.get(id);
    if (d === undefined) {
      d = (await this.inventory.getDevice(id)) ?? undefined;
      if (d === undefined) return null;
      this.devices.set(id, d);
    }
    return d;
  }

  private async lookup(ip: string, mac: string | null): Promise<string | null> {
    const byIp = await this.inventory.findDevices({ ip });
    if (byIp.length === 1) return byIp[0]?.device.id ?? null;
    const zone = this.zoneOf(ip);
    if (byIp.length === 0 && mac !== null && zone !== 'external' && zone !== 'vendor') {
      const byMac = await this.inventory.findDevices({ mac });
      if (byMac.length === 1 && (byMac[0]?.device.ips.length ?? 0) <= 1) return byMac[0]?.device.id ?? null;
    }
    return null;
  }
}
