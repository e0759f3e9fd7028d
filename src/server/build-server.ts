/**
 * The HTTP API over one workspace (Fastify 5, TypeBox schemas, OpenAPI 3.1): routes registered from the route table,
 * each behind the role it names; every error JSON `{error, code}` (errors.ts); the security headers of
 * src/auth/security-headers.ts on every response. Authentication is injected (by default the database's users, API
 * tokens and sessions, auth-adapter.ts), so the routes never know how a request was proven.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { AuditAction } from '../auth/audit-event.js';
import { appendAudit } from '../auth/audit-log.js';
import type { AuthDeps } from '../auth/auth-deps.js';
import { NO_STORE, securityHeaders } from '../auth/security-headers.js';
import { sessionCookieName } from '../auth/session-cookie.js';
import { DEFAULT_SESSION_POLICY } from '../auth/sessions.js';
import type { Workspace } from '../store/workspace.js';
import { auditOrigin } from './audit-origin.js';
import { authenticateWith } from './auth-adapter.js';
import { registerConsole } from './console-static.js';
import { errorHandler, HttpCode, HttpError } from './errors.js';
import { oneWriterAtATime } from './one-writer.js';
import { DEFAULT_RATE_LIMIT, rateLimiter, type RateLimitOptions } from './rate-limit.js';
import { allows, urlPattern, type Principal, type Route } from './route-table.js';
import { API_ROUTES } from './routes/index.js';
import type { LiveHub } from './live/live-hub.js';
import type { SseOptions } from './live/sse-stream.js';
import { decorateLive } from './routes/live.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who made the request; null on public routes and before authentication. */
    principal: Principal | null;
  }
}

/**
 * Who made a request, or null when it proves no one. Called for every non-public route before the body is read; it
 * sees the whole request (the `Authorization: Bearer` header, the session cookie in `request.cookies`, the method, so
 * a cookie session can demand its CSRF token on unsafe methods). It may throw an HttpError (a 403 for a bad CSRF token).
 */
export type Authenticate = (request: FastifyRequest) => Promise<Principal | null>;

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export interface ServerOptions {
  /** Default: the users, API tokens and sessions of `auth` (auth-adapter.ts). */
  authenticate?: Authenticate;
  /** The login machinery's store, clock and session policy; each defaults to the workspace's auth store, the wall clock, DEFAULT_SESSION_POLICY. */
  auth?: Partial<AuthDeps>;
  /** Largest JSON request body accepted (413 beyond it); upload routes state their own larger limit (Route.upload). */
  bodyLimitBytes?: number;
  /** false: no limit (benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** Fastify's logger option (pino); default none. Request logs carry method, URL and address, never headers. */
  logger?: FastifyServerOptions['logger'];
  /** PEM certificate and key: serve HTTPS. */
  tls?: { cert: Buffer; key: Buffer };
  /** The route table (tests pass a longer one to prove the matrix notices). */
  routes?: readonly Route[];
  /** Continuous ingest's status and events (serve --watch / --capture); an idle hub without. */
  live?: LiveHub;
  sse?: SseOptions;
}

export async function buildServer(ws: Workspace, options: ServerOptions = {}): Promise<FastifyInstance> {
  const routes = options.routes ?? API_ROUTES;
  const auth: AuthDeps = { store: ws.auth, now: Date.now, sessionPolicy: DEFAULT_SESSION_POLICY, ...options.auth };
  const authenticate = options.authenticate ?? authenticateWith(auth);
  const tls = options.tls;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    // One slow client must not hold a connection for ever.
    connectionTimeout: 60_000,
    requestTimeout: 120_000,
    // A path segment longer than any id, MAC, IP or host name is refused (414) before routing.
    routerOptions: { maxParamLength: 256 },
    // Errors raised before a route is found (a bad URL, an over-long segment) take the same JSON shape.
    frameworkErrors: (err, request, reply) => { errorHandler(err, request, reply); },
    // Schemas are contracts: an unknown field is an error, not silently dropped.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
    serverFactory: (handler) => (tls === undefined ? createHttpServer(handler) : createHttpsServer({ cert: tls.cert, key: tls.key }, handler)),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorateRequest('principal', null);
  decorateLive(app, options.live, options.sse);
  // The API reads JSON only: any other body type is a 415, not a string the schema then rejects.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const methods = routes.filter((r) => urlPattern(r.url).test(path)).map((r) => r.method);
    if (methods.length > 0) {
      return reply.code(405).header('allow', methods.join(', ')).send({ error: `${request.method} is not allowed here (use ${methods.join(', ')})`, code: HttpCode.MethodNotAllowed });
    }
    return reply.code(404).send({ error: 'no such route', code: HttpCode.NotFound });
  });

  const limit = options.rateLimit === false ? null : rateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers({ ...securityHeaders(tls !== undefined), ...NO_STORE });
    const wait = limit?.(request.ip, Date.now()) ?? null;
    if (wait !== null) {
      reply.header('retry-after', String(wait));
      throw new HttpError(429, HttpCode.RateLimited, 'too many requests; slow down');
    }
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'wardwatch API', version: '1', description: 'Passive medical-device inventory, findings, risk and segmentation. JSON shapes are those of the CLI\'s --format json.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'an API token (`wardwatch tokens create`)' },
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(false), description: `a console session (POST /api/login; ${sessionCookieName(true)} over TLS); unsafe methods also need the x-csrf-token header` },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  for (const route of routes) if (route.upload === undefined) addRoute(app, route, ws, auth, authenticate);
  // Uploads in their own context: there the body is the file's raw bytes, whatever its media type, so a CSV or an SBOM
  // is never parsed by the framework's JSON parser; each route checks its types and has its own size limit.
  await app.register((child, _opts, done) => {
    child.removeAllContentTypeParsers();
    child.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, next) => { next(null, body); });
    for (const route of routes) if (route.upload !== undefined) addRoute(child, route, ws, auth, authenticate);
    done();
  });
  await registerConsole(app);
  return app;
}

/** The media type of a Content-Type header, lower-case, without parameters. */
function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function addRoute(app: FastifyInstance, route: Route, ws: Workspace, auth: AuthDeps, authenticate: Authenticate): void {
  const upload = route.upload;
  app.route({
    method: route.method,
    url: route.url,
    ...(upload !== undefined ? { bodyLimit: upload.maxBytes } : {}),
    schema: {
      ...route.schema,
      summary: route.summary,
      tags: [route.tag],
      ...(route.access === 'public' ? { security: [] } : { security: [{ bearer: [] }, { session: [] }] }),
      description: [
        route.access === 'public' ? 'No login needed.' : `Needs role ${route.access} or above.`,
        upload === undefined ? '' : `The body is the file itself (${upload.contentTypes.join(', ')}), at most ${String(upload.maxBytes)} bytes.`,
      ].filter((t) => t !== '').join(' '),
    },
    // Before the body is read: an unauthenticated client cannot make us parse anything.
    onRequest: async (request) => {
      if (route.access === 'public') return;
      // A refusal of someone proven (a role too low, a session without its CSRF token) is recorded: it is either a
      // console bug or someone trying doors. A 401 is not: scanners would fill the log.
      const denied = (principal: Principal | null, reason: string): Promise<void> => oneWriterAtATime(ws, () =>
        appendAudit(auth, auditOrigin({ principal, request }), AuditAction.AccessDenied, `${route.method} ${route.url}`, { reason }, 'denied'));
      let principal: Principal | null;
      try {
        principal = await authenticate(request);
      } catch (err) {
        if (err instanceof HttpError && err.statusCode === 403) await denied(null, err.message);
        throw err;
      }
      if (principal === null) throw new HttpError(401, HttpCode.Unauthorized, 'log in or send Authorization: Bearer <token>');
      if (!allows(route.access, principal)) {
        await denied(principal, `needs role ${route.access}`);
        throw new HttpError(403, HttpCode.Forbidden, `needs role ${route.access}`);
      }
      request.principal = principal;
    },
    // Still before the body is read: an upload of the wrong media type is refused without reading it.
    preParsing: async (request, _reply, payload) => {
      if (upload !== undefined && !upload.contentTypes.includes(mediaType(request.headers['content-type']))) {
        throw new HttpError(415, HttpCode.UnsupportedMediaType, `send the file as ${upload.contentTypes.join(' or ')}`);
      }
      return payload;
    },
    // A POST without a body (acknowledge, reopen) is an empty document: the schema then names what is missing.
    preValidation: (request, _reply, done) => {
      if (route.schema.body !== undefined && request.body === undefined) request.body = {};
      if (upload !== undefined && (!Buffer.isBuffer(request.body) || request.body.length === 0)) {
        done(new HttpError(400, HttpCode.BadRequest, 'the upload is empty'));
        return;
      }
      done();
    },
    handler: async (request, reply) => {
      const run = (): Promise<unknown> => route.handler({
        ws, auth, query: request.query, params: request.params, body: request.body, principal: request.principal, request, reply,
      });
      return route.method === 'GET' ? run() : oneWriterAtATime(ws, run);
    },
  });
}
