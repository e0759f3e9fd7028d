/**
 * Every error a client sees, mapped to HTTP in this one place: `{error, code}` JSON with a 4xx for anything the
 * request did wrong, a 5xx only for our own faults, and never a stack trace or an internal message.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ErrorCode } from '../util/app-error.js';

/** The `code` values the API answers with (extend only by appending). */
export const HttpCode = {
  BadRequest: 'bad-request',
  Unauthorized: 'unauthorized',
  Forbidden: 'forbidden',
  NotFound: 'not-found',
  MethodNotAllowed: 'method-not-allowed',
  PayloadTooLarge: 'payload-too-large',
  UnsupportedMediaType: 'unsupported-media-type',
  RateLimited: 'rate-limited',
  UriTooLong: 'uri-too-long',
  Unavailable: 'unavailable',
  Internal: 'internal',
} as const;
export type HttpCode = (typeof HttpCode)[keyof typeof HttpCode];

export interface ErrorBody {
  error: string;
  code: HttpCode;
}

/** An error a route raises on purpose, with its status. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly code: HttpCode, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

const BY_STATUS: Record<number, HttpCode> = {
  400: HttpCode.BadRequest, 401: HttpCode.Unauthorized, 403: HttpCode.Forbidden, 404: HttpCode.NotFound,
  405: HttpCode.MethodNotAllowed, 413: HttpCode.PayloadTooLarge, 414: HttpCode.UriTooLong, 415: HttpCode.UnsupportedMediaType, 429: HttpCode.RateLimited,
};

/** Text a client may see: one line, bounded, no control characters echoed back from its own input. */
function clean(message: string): string {
  return message.replace(/\p{Cc}/gu, ' ').slice(0, 300);
}

function isFastifyError(err: unknown): err is FastifyError {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' && err.code.startsWith('FST_');
}

/** The status and body for any thrown value. */
export function toHttp(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof HttpError) return { status: err.statusCode, body: { error: clean(err.message), code: err.code } };
  if (err instanceof AppError) {
    if (err.code === ErrorCode.NotFound) return { status: 404, body: { error: clean(err.message), code: HttpCode.NotFound } };
    if (err.code === ErrorCode.BadArgument) return { status: 400, body: { error: clean(err.message), code: HttpCode.BadRequest } };
    if (err.code === ErrorCode.DbLocked) return { status: 503, body: { error: 'the database is busy; try again', code: HttpCode.Unavailable } };
    return { status: 500, body: { error: 'internal error', code: HttpCode.Internal } };
  }
  const e = err as Partial<FastifyError> & { validation?: unknown };
  if (e.validation !== undefined) return { status: 400, body: { error: clean(String(e.message)), code: HttpCode.BadRequest } };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  // Fastify's own 4xx (bad JSON, body too large, wrong content type …) and body-parser errors carry a status.
  if (status >= 400 && status < 500) {
    return { status, body: { error: clean(isFastifyError(err) || err instanceof SyntaxError ? err.message : 'bad request'), code: BY_STATUS[status] ?? HttpCode.BadRequest } };
  }
  return { status: 500, body: { error: 'internal error', code: HttpCode.Internal } };
}

/** Fastify's error handler: 5xx are logged with their cause (never sent); 4xx are the client's and not logged as errors. */
export function errorHandler(err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = toHttp(err);
  if (status >= 500) request.log.error({ err }, 'request failed');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}
