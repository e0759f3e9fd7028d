/**
 * The API as data: every route is one row (method, url, the role it needs, its schemas, its handler). The server
 * registers routes from these rows only, and the authorisation matrix test is generated from the same rows, so a
 * route cannot exist without a stated role and a row in that matrix.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthDeps } from '../auth/auth-deps.js';
import type { Workspace } from '../store/workspace.js';

/** Roles in rising order of power; `public` needs no login (health, the API documents and the login itself). */
export const ROLES = ['viewer', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type Access = Role | 'public';

/** Who made a request, as the authentication hook found it. */
export interface Principal {
  user: string;
  role: Role;
  /** The console session's cookie value when the request came with one (logout ends it, /api/me shows its CSRF token). */
  sessionId?: string;
}

/**
 * A route whose body is a file (a CSAF advisory, an SBOM, a register CSV): read as raw bytes of one of the given
 * media types, up to `maxBytes` (a 413 beyond), instead of the JSON the other routes take.
 */
export interface Upload {
  contentTypes: readonly string[];
  maxBytes: number;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<Q, P, B> {
  ws: Workspace;
  /** The login machinery's store, clock and session policy (login, logout, admin routes). */
  auth: AuthDeps;
  query: Q;
  params: P;
  body: B;
  /** null only on public routes. */
  principal: Principal | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface Route {
  method: HttpMethod;
  url: string;
  access: Access;
  summary: string;
  tag: string;
  schema: { querystring?: TSchema; params?: TSchema; body?: TSchema };
  upload?: Upload;
  /** What the route answers; a value is sent as JSON, a reply already sent is left alone. */
  handler: (ctx: RouteContext<unknown, unknown, unknown>) => Promise<unknown>;
}

interface RouteSpec<Q extends TSchema, P extends TSchema, B extends TSchema> {
  method: HttpMethod;
  url: string;
  access: Access;
  summary: string;
  tag: string;
  querystring?: Q;
  params?: P;
  body?: B;
  upload?: Upload;
  handler: (ctx: RouteContext<Static<Q>, Static<P>, Static<B>>) => Promise<unknown>;
}

/** An upload route: its body is the file's bytes (a Buffer), never parsed as JSON by the framework. */
interface UploadSpec<Q extends TSchema, P extends TSchema> extends Omit<RouteSpec<Q, P, TSchema>, 'body' | 'upload' | 'handler'> {
  upload: Upload;
  handler: (ctx: RouteContext<Static<Q>, Static<P>, Buffer>) => Promise<unknown>;
}

/**
 * A row with its handler typed from its schemas. Fastify validates query, params and body against the same schemas
 * before the handler runs, which is what makes the narrowing from `unknown` sound.
 */
export function defineRoute<Q extends TSchema, P extends TSchema, B extends TSchema>(spec: RouteSpec<Q, P, B>): Route {
  return {
    method: spec.method,
    url: spec.url,
    access: spec.access,
    summary: spec.summary,
    tag: spec.tag,
    schema: {
      ...(spec.querystring !== undefined ? { querystring: spec.querystring } : {}),
      ...(spec.params !== undefined ? { params: spec.params } : {}),
      ...(spec.body !== undefined ? { body: spec.body } : {}),
    },
    ...(spec.upload !== undefined ? { upload: spec.upload } : {}),
    handler: (ctx) => spec.handler(ctx),
  };
}

/** An upload row: the server hands the handler the raw bytes, already checked against the media types and size. */
export function defineUpload<Q extends TSchema, P extends TSchema>(spec: UploadSpec<Q, P>): Route {
  const { handler, ...rest } = spec;
  return {
    ...defineRoute<Q, P, TSchema>({ ...rest, handler: () => Promise.resolve(null) }),
    upload: spec.upload,
    handler: (ctx) => {
      if (!Buffer.isBuffer(ctx.body)) return Promise.reject(new TypeError('an upload route was given a parsed body'));
      return handler({ ...ctx, body: ctx.body });
    },
  };
}

/** Whether `principal` may call a route needing `access`. */
export function allows(access: Access, principal: Principal | null): boolean {
  if (access === 'public') return true;
  if (principal === null) return false;
  return ROLES.indexOf(principal.role) >= ROLES.indexOf(access);
}

/** `/api/devices/:id` -> a pattern matching concrete paths (for 405: a path known under another method). */
export function urlPattern(url: string): RegExp {
  const body = url.split('/').map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/');
  return new RegExp(`^${body}$`);
}
