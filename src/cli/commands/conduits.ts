/**
 * `wardwatch conduits [--db FILE] [--device ID] [--zones] [--format table|json]`: the traffic seen between devices,
 * learned from flows (mission §5): each client device, the server device and port it opened, how often, when last;
 * then the external peers, addresses outside the site's networks each device exchanged traffic with.
 * `--zones` sums them per clinical zone pair: the conduits a segmentation design starts from.
 */
import type { Command } from 'commander';
import { resolveDeviceId } from '../../inventory/resolve-device.js';
import { SqliteInventory } from '../../inventory/sqlite/sqlite-inventory.js';
import { zoneConduits, zoneOf } from '../../segmentation/zone-conduits.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { readSegmentView } from '../../segmentation/read-view.js';
import { textTable } from '../../util/text-table.js';
import { SEGMENT_TABLE, serviceText } from '../segment-view.js';
import { existingDb } from '../existing-db.js';

const FORMATS = ['table', 'json'] as const;

export function registerConduits(program: Command): void {
  program
    .command('conduits')
    .description('traffic seen between devices (client -> server port), or per clinical zone with --zones')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--device <id>', 'only conduits of this device (id, MAC, IP or host name)')
    .option('--zones', 'sum conduits per zone pair (zones are clinical categories)')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'table')
    .action(async (flags: { db: string; device?: string; zones?: boolean; format: string }) => {
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new AppError(ErrorCode.BadArgument, `unknown format '${flags.format}' (use ${FORMATS.join(', ')})`);
      const inventory = await SqliteInventory.open(existingDb(flags.db));
      try {
        const deviceId = flags.device === undefined ? undefined : await resolveDeviceId(inventory, flags.device);
        const view = await readSegmentView(inventory);
        const conduits = deviceId === undefined ? view.conduits : view.conduits.filter((c) => c.clientId === deviceId || c.serverId === deviceId);
        if (flags.zones === true) {
          const zones = zoneConduits(conduits, view.devices);
          if (flags.format === 'json') {
            process.stdout.write(`${JSON.stringify({ zoneConduits: zones }, null, 2)}\n`);
            return;
          }
          const rows = zones.map((z) => [z.fromZone, z.toZone, serviceText(z), String(z.flows), String(z.clients), String(z.servers), z.lastSeen.slice(0, 19)]);
          process.stdout.write(textTable(['FROM ZONE', 'TO ZONE', 'SERVICE', 'FLOWS', 'CLIENTS', 'SERVERS', 'LAST SEEN'], rows, SEGMENT_TABLE));
          return;
        }
        const zoneOfId = (id: string): string => zoneOf(view.byId.get(id));
        // Peers of retired devices are left out, as their conduits are.
        const peers = (await inventory.externalPeers(deviceId)).filter((p) => view.byId.has(p.deviceId));
        if (flags.format === 'json') {
          const withZones = conduits.map((c) => ({ ...c, clientZone: zoneOfId(c.clientId), serverZone: zoneOfId(c.serverId) }));
          const external = peers.map((p) => ({ ...p, deviceZone: zoneOfId(p.deviceId) }));
          process.stdout.write(`${JSON.stringify({ conduits: withZones, externalPeers: external }, null, 2)}\n`);
          return;
        }
        const label = (id: string, ip: string | null): string => {
          const name = view.byId.get(id)?.label ?? id;
          return ip === null || name.includes(ip) ? name : `${name} ${ip}`;
        };
        const rows = conduits.map((c) => [label(c.clientId, c.clientIp), zoneOfId(c.clientId), label(c.serverId, c.serverIp), zoneOfId(c.serverId), serviceText(c), String(c.flows), c.lastSeen.slice(0, 19)]);
        process.stdout.write(textTable(['CLIENT', 'ZONE', 'SERVER', 'ZONE', 'SERVICE', 'FLOWS', 'LAST SEEN'], rows, SEGMENT_TABLE));
        if (peers.length === 0) return;
        const peerRows = peers.map((p) => [
          label(p.deviceId, p.deviceIp), zoneOfId(p.deviceId), p.direction === 'out' ? 'to' : 'from', p.peerIp, p.serverName ?? '-',
          serviceText(p), String(p.flows), String(p.bytes), p.lastSeen.slice(0, 19),
        ]);
        process.stdout.write(`\nexternal peers (outside the site's networks)\n${textTable(['DEVICE', 'ZONE', 'DIR', 'PEER', 'NAME', 'SERVICE', 'FLOWS', 'BYTES', 'LAST SEEN'], peerRows, SEGMENT_TABLE)}`);
      } finally {
        await inventory.close();
      }
    });
}
