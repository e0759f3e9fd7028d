/**
 * `wardwatch conduits [--db FILE] [--device ID] [--zones] [--format table|json]`: the traffic seen between devices,
 * learned from flows (mission §5): each client device, the server device and port it opened, how often, when last;
 * then the external peers, addresses outside the site's networks each device exchanged traffic with.
 * `--zones` sums them per clinical zone pair: the conduits a segmentation design starts from.
 */
import type { Command } from 'commander';
import { listConduits, listZoneConduits } from '../../app/segmentation.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { textTable } from '../../util/text-table.js';
import { SEGMENT_TABLE, serviceText } from '../segment-view.js';
import { withWorkspace } from '../workspace-flag.js';

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
      await withWorkspace(flags.db, { create: false }, async (ws) => {
        if (flags.zones === true) {
          const zones = await listZoneConduits(ws, flags.device);
          if (flags.format === 'json') {
            process.stdout.write(`${JSON.stringify({ zoneConduits: zones }, null, 2)}\n`);
            return;
          }
          const rows = zones.map((z) => [z.fromZone, z.toZone, serviceText(z), String(z.flows), String(z.clients), String(z.servers), z.lastSeen.slice(0, 19)]);
          process.stdout.write(textTable(['FROM ZONE', 'TO ZONE', 'SERVICE', 'FLOWS', 'CLIENTS', 'SERVERS', 'LAST SEEN'], rows, SEGMENT_TABLE));
          return;
        }
        const { view, conduits, externalPeers: peers } = await listConduits(ws, flags.device);
        if (flags.format === 'json') {
          process.stdout.write(`${JSON.stringify({ conduits, externalPeers: peers }, null, 2)}\n`);
          return;
        }
        const label = (id: string, ip: string | null): string => {
          const name = view.byId.get(id)?.label ?? id;
          return ip === null || name.includes(ip) ? name : `${name} ${ip}`;
        };
        const rows = conduits.map((c) => [label(c.clientId, c.clientIp), c.clientZone, label(c.serverId, c.serverIp), c.serverZone, serviceText(c), String(c.flows), c.lastSeen.slice(0, 19)]);
        process.stdout.write(textTable(['CLIENT', 'ZONE', 'SERVER', 'ZONE', 'SERVICE', 'FLOWS', 'LAST SEEN'], rows, SEGMENT_TABLE));
        if (peers.length === 0) return;
        const peerRows = peers.map((p) => [
          label(p.deviceId, p.deviceIp), p.deviceZone, p.direction === 'out' ? 'to' : 'from', p.peerIp, p.serverName ?? '-',
          serviceText(p), String(p.flows), String(p.bytes), p.lastSeen.slice(0, 19),
        ]);
        process.stdout.write(`\nexternal peers (outside the site's networks)\n${textTable(['DEVICE', 'ZONE', 'DIR', 'PEER', 'NAME', 'SERVICE', 'FLOWS', 'BYTES', 'LAST SEEN'], peerRows, SEGMENT_TABLE)}`);
      });
    });
}
