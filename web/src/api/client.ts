/**
 * The console's one way to the API: same-origin fetch with the session cookie, the CSRF token on unsafe methods
 * (the login contract), JSON errors `{error, code}` as ApiError, and a 401 reported once to whoever keeps the session
 * (it means the session expired or was ended elsewhere).
 */

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function onSessionLost(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The login and session probes answer 401 as a normal outcome, not a lost session. */
  quiet401?: boolean;
  signal?: AbortSignal;
}

function errorOf(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body && typeof body.error === 'string') {
    const code = 'code' in body && typeof body.code === 'string' ? body.code : 'error';
    return new ApiError(status, code, body.error);
  }
  return new ApiError(status, 'error', `the server answered ${String(status)}`);
}

/** The parsed JSON answer (null for 204). The server checks its answers against its own schemas; the console trusts its origin. */
export async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  });
  const text = await res.text();
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      body = null;
    }
  }
  if (res.ok) return body;
  if (res.status === 401 && options.quiet401 !== true) onUnauthorized?.();
  throw errorOf(res.status, body);
}

/** GET a JSON document typed as the route's answer. */
export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await request(path, signal !== undefined ? { signal } : {})) as T;
}

/** A query string from the defined values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
