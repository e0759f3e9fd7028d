/** Segmentation and risk over the whole site: conduits (per device pair or zone pair), the allow-list policy, risk by level. */
import { Type } from '@sinclair/typebox';
import { listDevices } from '../../app/devices.js';
import { RISK_LEVELS } from '../../app/device-page.js';
import { compilePolicy, listConduits, listZoneConduits } from '../../app/segmentation.js';
import { defineRoute, type Route } from '../route-table.js';

/** Devices named in the risk summary, highest first (the full list is /api/devices?risk=…). */
const RISKIEST_SHOWN = 20;

export const segmentationRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET', url: '/api/conduits', access: 'viewer', tag: 'segmentation',
    summary: 'Conduits between devices and external peers (as `wardwatch conduits --format json`); zones=true sums them per zone pair',
    querystring: Type.Object({ zones: Type.Boolean({ default: false }) }, { additionalProperties: false }),
    handler: async ({ ws, query }) => {
      if (query.zones) return { zoneConduits: await listZoneConduits(ws) };
      const { conduits, externalPeers } = await listConduits(ws);
      return { conduits, externalPeers };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/policy', access: 'viewer', tag: 'segmentation',
    summary: 'The allow-list policy compiled from the conduits seen (as `wardwatch policy --format json`)',
    handler: async ({ ws }) => ({ policy: (await compilePolicy(ws)).policy }),
  }),
  defineRoute({
    method: 'GET', url: '/api/risk', access: 'viewer', tag: 'risk',
    summary: 'Live devices per risk level and the riskiest ones',
    handler: async ({ ws }) => {
      const devices = await listDevices(ws);
      const levels = Object.fromEntries(RISK_LEVELS.map((l) => [l, devices.filter((d) => d.risk?.level === l).length]));
      const riskiest = devices.filter((d) => d.risk !== null).sort((a, b) => (b.risk?.score ?? 0) - (a.risk?.score ?? 0) || (a.id < b.id ? -1 : 1)).slice(0, RISKIEST_SHOWN)
        .map((d) => ({ id: d.id, ips: d.ips, hostnames: d.hostnames, vendor: d.vendor, model: d.model, type: d.type, category: d.category, risk: d.risk }));
      return { devices: devices.length, levels, riskiest };
    },
  }),
];
