/** What needs no login: liveness, and the API's own description (OpenAPI 3.1; the docs UI is mounted beside it). */
import { defineRoute, type Route } from '../route-table.js';

export const metaRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET', url: '/api/health', access: 'public', tag: 'meta',
    summary: 'Liveness: the server answers (it says nothing about the inventory)',
    handler: () => Promise.resolve({ status: 'ok' }),
  }),
  defineRoute({
    method: 'GET', url: '/api/openapi.json', access: 'public', tag: 'meta',
    summary: 'This API as an OpenAPI 3.1 document',
    handler: ({ request }) => Promise.resolve(request.server.swagger()),
  }),
];
