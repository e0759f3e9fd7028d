/**
 * The HTTP API over one workspace (Fastify 5, TypeBox schemas, OpenAPI 3.1): routes registered from the route table,
 * each behind the role it names; every error JSON `{error, code}` (errors.ts). Authentication is injected, so the
 * login machinery (users, tokens, sessions, CSRF) plugs in without the routes knowing how a request was proven.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import type { Workspace } from '../store/workspace.js';
import { errorHandler, HttpCode, HttpError } from './errors.js';
import { DEFAULT_RATE_LIMIT, rateLimiter, type RateLimitOptions } from './rate-limit.js';
import { allows, urlPattern, type Principal, type Route } from './route-table.js';
import { API_ROUTES } from './routes/index.js';

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

/** Without an authenticator nobody is anyone: every route but the public ones answers 401. */
const NOBODY: Authenticate = () => Promise.resolve(null);

export const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;

export interface ServerOptions {
  authenticate?: Authenticate;
  /** Largest request body accepted (413 beyond it); the API takes small JSON documents only. */
  bodyLimitBytes?: number;
  /** false: no limit (benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** Fastify's logger option (pino); default none. Request logs carry method, URL and address, never headers. */
  logger?: FastifyServerOptions['logger'];
  /** PEM certificate and key: serve HTTPS. */
  tls?: { cert: Buffer; key: Buffer };
  /** The route table (tests pass a longer one to prove the matrix notices). */
  routes?: readonly Route[];
}

export async function buildServer(ws: Workspace, options: ServerOptions = {}): Promise<FastifyInstance> {
  const routes = options.routes ?? API_ROUTES;
  const authenticate = options.authenticate ?? NOBODY;
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
    reply.header('x-content-type-options', 'nosniff').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer');
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
          session: { type: 'apiKey', in: 'cookie', name: 'wardwatch_session', description: 'a console session (login)' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  for (const route of routes) {
    app.route({
      method: route.method,
      url: route.url,
      schema: {
        ...route.schema,
        summary: route.summary,
        tags: [route.tag],
        ...(route.access === 'public' ? { security: [] } : { security: [{ bearer: [] }, { session: [] }], description: `Needs role ${route.access} or above.` }),
      },
      // Before the body is read: an unauthenticated client cannot make us parse anything.
      onRequest: async (request) => {
        if (route.access === 'public') return;
        const principal = await authenticate(request);
        if (principal === null) throw new HttpError(401, HttpCode.Unauthorized, 'log in or send Authorization: Bearer <token>');
        if (!allows(route.access, principal)) throw new HttpError(403, HttpCode.Forbidden, `needs role ${route.access}`);
        request.principal = principal;
      },
      // A POST without a body (acknowledge, reopen) is an empty document: the schema then names what is missing.
      preValidation: (request, _reply, done) => {
        if (route.schema.body !== undefined && request.body === undefined) request.body = {};
        done();
      },
      handler: async (request, reply) => route.handler({
        ws, query: request.query, params: request.params, body: request.body, principal: request.principal, request, reply,
      }),
    });
  }
  return app;
}
