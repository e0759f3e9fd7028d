/** Reading `Authorization: Bearer <token>` (RFC 6750 §2.1) with one clear reason for every way it can be wrong. */
import { API_TOKEN_PATTERN } from './api-token-format.js';

/** No real token header is longer; anything beyond is refused before it is looked at. */
export const MAX_AUTHORIZATION_CHARS = 512;

export const BearerProblem = {
  Missing: 'missing',
  TooLong: 'too-long',
  NotBearer: 'not-bearer',
  Malformed: 'malformed',
  NotWardwatchToken: 'not-wardwatch-token',
} as const;
export type BearerProblem = (typeof BearerProblem)[keyof typeof BearerProblem];

/** Messages for the 401 body; none repeats what the client sent. */
export const BEARER_PROBLEM_MESSAGES: Readonly<Record<BearerProblem, string>> = {
  missing: 'authentication required: send "Authorization: Bearer <token>" or log in',
  'too-long': `Authorization header is longer than ${MAX_AUTHORIZATION_CHARS} characters`,
  'not-bearer': 'Authorization scheme must be Bearer',
  malformed: 'Authorization header must be "Bearer" followed by one space and the token',
  'not-wardwatch-token': 'bearer token is not a wardwatch API token (they start with ww_)',
};

export type BearerParse = { ok: true; token: string } | { ok: false; problem: BearerProblem };

// RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token; b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" /
// "/" ) *"=". The scheme is case-insensitive (RFC 9110 §11.1).
const BEARER = /^bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token from an Authorization header value (Node gives an array when a client repeats the header). */
export function parseBearer(header: string | readonly string[] | undefined): BearerParse {
  if (header === undefined || header === '') return { ok: false, problem: BearerProblem.Missing };
  if (typeof header !== 'string') return { ok: false, problem: BearerProblem.Malformed };
  if (header.length > MAX_AUTHORIZATION_CHARS) return { ok: false, problem: BearerProblem.TooLong };
  const scheme = /^\S+/.exec(header)?.[0] ?? '';
  if (scheme.toLowerCase() !== 'bearer') {
    return { ok: false, problem: scheme === '' ? BearerProblem.Malformed : BearerProblem.NotBearer };
  }
  const token = BEARER.exec(header)?.[1];
  if (token === undefined) return { ok: false, problem: BearerProblem.Malformed };
  if (!API_TOKEN_PATTERN.test(token)) return { ok: false, problem: BearerProblem.NotWardwatchToken };
  return { ok: true, token };
}
