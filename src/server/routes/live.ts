/** Continuous ingest as the API shows it: its sources' status, and the live event stream (Server-Sent Events). */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { LiveHub } from '../live/live-hub.js';
import { DEFAULT_SSE, streamEvents, type SseOptions } from '../live/sse-stream.js';
import { defineRoute, type Route } from '../route-table.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Continuous ingest's status and event bus (an idle hub when serve runs without sources). */
    live: LiveHub;
    liveSse: SseOptions;
  }
}

/** Gives the server its hub (build-server.ts calls this once). */
export function decorateLive(app: FastifyInstance, hub: LiveHub | undefined, sse: SseOptions | undefined): void {
  const live = hub ?? new LiveHub();
  app.decorate('live', live);
  app.decorate('liveSse', sse ?? DEFAULT_SSE);
  // Open event streams would hold the server's close until their clients left.
  app.addHook('preClose', (done) => { live.bus.endStreams(); done(); });
}

export const liveRoutes: readonly Route[] = [
  defineRoute({
    method: 'GET', url: '/api/ingest/status', access: 'viewer', tag: 'ingest',
    summary: 'Continuous ingest (serve --watch / --capture): per source packets, packets/s, drops, last file, last error',
    handler: ({ request }) => Promise.resolve(request.server.live.status()),
  }),
  defineRoute({
    method: 'GET', url: '/api/events', access: 'viewer', tag: 'ingest',
    summary: 'Live events as Server-Sent Events (device-new, device-changed, finding-new, finding-reopened, segmentation-violation, ingest-status); send Last-Event-ID to resume',
    querystring: Type.Object({
      follow: Type.Optional(Type.Boolean({ default: true, description: 'false: send the buffered events (after Last-Event-ID) and end' })),
    }, { additionalProperties: false }),
    handler: ({ request, reply, query }) => {
      const header = request.headers['last-event-id'];
      const lastId = typeof header === 'string' && header.length <= 64 ? header : null;
      streamEvents(request, reply, request.server.live.bus, lastId, query.follow !== false, request.server.liveSse);
      return Promise.resolve(reply);
    },
  }),
];
