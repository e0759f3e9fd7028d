/**
 * Inventory exports: CSV (the CLI's columns), JSON lines (one device a line) and a FHIR R4 Bundle of Device resources
 * (inventory/export/fhir-device.ts). CSV and JSON lines are streamed a row at a time.
 */
import { Readable } from 'node:stream';
import { devicesFhirBundle, listDevices } from '../../app/devices.js';
import { csvHeader, csvRow } from '../../app/devices-csv.js';
import type { DeviceJson } from '../../inventory/types.js';
import { defineRoute, type Route } from '../route-table.js';

function* csvLines(devices: readonly DeviceJson[]): Generator<string> {
  yield csvHeader();
  for (const d of devices) yield csvRow(d);
}

function* jsonLines(devices: readonly DeviceJson[]): Generator<string> {
  for (const d of devices) yield `${JSON.stringify(d)}\n`;
}

export const exportRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET', url: '/api/export/devices.csv', access: 'viewer', tag: 'exports',
    summary: 'The inventory as CSV (as `wardwatch devices --format csv`)',
    handler: async ({ ws, reply }) => {
      const devices = await listDevices(ws);
      reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="wardwatch-devices.csv"');
      return Readable.from(csvLines(devices));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/export/devices.jsonl', access: 'viewer', tag: 'exports',
    summary: 'The inventory as JSON lines, one device (the device JSON of the CLI) a line',
    handler: async ({ ws, reply }) => {
      const devices = await listDevices(ws);
      reply.type('application/jsonl; charset=utf-8').header('content-disposition', 'attachment; filename="wardwatch-devices.jsonl"');
      return Readable.from(jsonLines(devices));
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/export/devices.fhir', access: 'viewer', tag: 'exports',
    summary: 'The inventory as a FHIR R4 Bundle of Device resources (retired devices as inactive)',
    handler: async ({ ws, reply }) => {
      reply.type('application/fhir+json; charset=utf-8');
      return devicesFhirBundle(ws, undefined, new Date());
    },
  }),
];
