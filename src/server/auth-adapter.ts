/**
 * The login library (src/auth) as the server's `authenticate` hook: an API token (Authorization: Bearer) or a session
 * cookie with its CSRF token on unsafe methods. Its 401s become "no one" (the route answers 401) and its 403 (a
 * session without a valid CSRF token) is answered as a 403 here.
 */
import type { FastifyRequest } from 'fastify';
import { authenticateRequest, CSRF_HEADER, type AuthDeps } from '../auth/index.js';
import type { Authenticate } from './build-server.js';
import { HttpCode, HttpError } from './errors.js';

export function authenticateWith(deps: AuthDeps): Authenticate {
  return async (request: FastifyRequest) => {
    const result = await authenticateRequest(deps, {
      method: request.method,
      authorization: request.headers.authorization,
      cookie: request.headers.cookie,
      csrfToken: request.headers[CSRF_HEADER],
      tls: request.protocol === 'https',
    });
    if (result.ok) {
      const p = result.principal;
      return p.kind === 'user' ? { user: p.name, role: p.role, sessionId: p.sessionId } : { user: p.name, role: p.role };
    }
    if (result.status === 403) throw new HttpError(403, HttpCode.Forbidden, result.message);
    return null;
  };
}
