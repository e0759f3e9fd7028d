/** Devices: the paged inventory, one device with its evidence, history, findings, conduits and blast radius, and a person's values. */
import { Type } from '@sinclair/typebox';
import { deviceDetail, deviceHistory } from '../../app/device-detail.js';
import { MAX_PAGE, pageDevices, RISK_LEVELS } from '../../app/device-page.js';
import { setDeviceValues } from '../../app/device-values.js';
import { findingsList } from '../../app/findings.js';
import { blastRadiusOf, listConduits } from '../../app/segmentation.js';
import { DEVICE_CATEGORIES } from '../../identify/types.js';
import { MANUAL_FIELDS } from '../../inventory/manual-fields.js';
import { AuditAction } from '../../auth/audit-event.js';
import { defineRoute, type Route } from '../route-table.js';
import { auditChange } from '../audit-trail.js';
import { FindingFilters, findingFilters, IdParams } from './schemas.js';

const Text = Type.String({ minLength: 1, maxLength: 200 });

const DeviceListQuery = Type.Object({
  category: Type.Optional(Type.Union(DEVICE_CATEGORIES.map((c) => Type.Literal(c)))),
  vendor: Type.Optional(Text),
  zone: Type.Optional(Text),
  risk: Type.Optional(Type.Union(RISK_LEVELS.map((l) => Type.Literal(l)))),
  seenSince: Type.Optional(Type.String({ format: 'date-time', description: 'ISO date-time: devices last seen at or after it' })),
  q: Type.Optional(Text),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400, pattern: '^[A-Za-z0-9_-]+$' })),
  limit: Type.Integer({ minimum: 1, maximum: MAX_PAGE, default: 100 }),
}, { additionalProperties: false });

/** A person's values: each field a string, or null to give the inferred value back (inventory/manual-fields.ts). */
const DeviceValues = Type.Object(
  Object.fromEntries(Object.keys(MANUAL_FIELDS).map((f) => [f, Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()]))])),
  { additionalProperties: false, minProperties: 1 },
);

export const deviceRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET', url: '/api/devices', access: 'viewer', tag: 'devices',
    summary: 'The inventory, a page at a time (opaque cursor over device ids: stable while devices are added)',
    querystring: DeviceListQuery,
    handler: async ({ ws, query }) => pageDevices(ws, {
      category: query.category, vendor: query.vendor, zone: query.zone, riskLevel: query.risk, seenSince: query.seenSince,
      q: query.q, cursor: query.cursor, limit: query.limit,
    }),
  }),
  defineRoute({
    method: 'GET', url: '/api/devices/:id', access: 'viewer', tag: 'devices',
    summary: 'One device (id, MAC, IP or host name) with its evidence and risk',
    params: IdParams,
    handler: async ({ ws, params }) => ({ device: await deviceDetail(ws, params.id) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/devices/:id/history', access: 'viewer', tag: 'devices',
    summary: "A device's attribute history (inferred, register and people's changes)",
    params: IdParams,
    handler: async ({ ws, params }) => deviceHistory(ws, params.id),
  }),
  defineRoute({
    method: 'GET', url: '/api/devices/:id/findings', access: 'viewer', tag: 'devices',
    summary: "A device's findings, highest risk first",
    params: IdParams, querystring: FindingFilters,
    handler: async ({ ws, params, query }) => ({ findings: await findingsList(ws, { device: params.id, ...findingFilters(query) }) }),
  }),
  defineRoute({
    method: 'GET', url: '/api/devices/:id/conduits', access: 'viewer', tag: 'devices',
    summary: "A device's conduits and external peers, each end with its zone",
    params: IdParams,
    handler: async ({ ws, params }) => {
      const { conduits, externalPeers } = await listConduits(ws, params.id);
      return { conduits, externalPeers };
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/devices/:id/blast-radius', access: 'viewer', tag: 'devices',
    summary: 'What a compromised device could reach, with the risk of each device reached',
    params: IdParams, querystring: Type.Object({ hops: Type.Integer({ minimum: 1, maximum: 10, default: 2 }) }, { additionalProperties: false }),
    handler: async ({ ws, params, query }) => ({ blastRadius: (await blastRadiusOf(ws, params.id, query.hops)).blastRadius }),
  }),
  defineRoute({
    method: 'PUT', url: '/api/devices/:id/values', access: 'analyst', tag: 'devices',
    summary: "Set a person's values on a device (null removes one: the inferred value returns); all or none",
    params: IdParams, body: DeviceValues,
    handler: async (ctx) => {
      const { ws, params, body, principal } = ctx;
      const values = Object.entries(body).map(([field, value]) => ({ field, value: typeof value === 'string' && value.trim() !== '' ? value.trim() : null }));
      const id = await setDeviceValues(ws, params.id, values, principal?.user ?? 'unknown');
      // Which fields, not their values: the device's history keeps those (GET /api/devices/:id/history).
      await auditChange(ctx, AuditAction.Change, `device:${id}`, { fields: values.map((v) => v.field).join(' '), cleared: values.filter((v) => v.value === null).length });
      return { device: await deviceDetail(ws, id) };
    },
  }),
];
