/** What changed since a moment (as `wardwatch changes --format json`). */
import { Type } from '@sinclair/typebox';
import { changesReport } from '../../app/changes.js';
import { defineRoute, type Route } from '../route-table.js';

export const changesRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET', url: '/api/changes', access: 'viewer', tag: 'changes',
    summary: 'New devices, changed attributes, new and closed findings since a moment (ISO date/time or 30m, 24h, 7d, 2w)',
    querystring: Type.Object({ since: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })) }, { additionalProperties: false }),
    handler: async ({ ws, query }) => (await changesReport(ws, query.since)).report,
  }),
];
