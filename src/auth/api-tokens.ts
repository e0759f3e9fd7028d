/** API tokens: created (shown once), authenticated from a Bearer header, listed and revoked. */
import { AppError, ErrorCode } from '../util/app-error.js';
import type { ApiTokenRecord, ApiTokenStore } from './auth-store.js';
import { generateApiTokenId, generateApiTokenSecret, hashApiToken } from './api-token-format.js';
import { parseBearer, type BearerProblem } from './bearer.js';
import type { Role } from './roles.js';

export interface NewApiToken {
  /** The secret, to print once (`wardwatch tokens create`); never stored, never logged. */
  readonly token: string;
  readonly record: ApiTokenRecord;
}

export interface CreateApiTokenInput {
  readonly name: string;
  readonly role: Role;
  readonly createdBy: string | null;
  readonly expiresAtMs?: number | null;
}

const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

export async function createApiToken(store: ApiTokenStore, input: CreateApiTokenInput, nowMs: number): Promise<NewApiToken> {
  if (!TOKEN_NAME.test(input.name)) {
    throw new AppError(ErrorCode.BadArgument, 'token name must be 1-64 letters, digits, spaces or . _ - (starting with a letter or digit)');
  }
  const expiresAtMs = input.expiresAtMs ?? null;
  if (expiresAtMs !== null && expiresAtMs <= nowMs) throw new AppError(ErrorCode.BadArgument, 'token expiry must be in the future');
  const token = generateApiTokenSecret();
  const record: ApiTokenRecord = {
    id: generateApiTokenId(),
    name: input.name,
    role: input.role,
    tokenHash: hashApiToken(token),
    createdBy: input.createdBy,
    createdAtMs: nowMs,
    expiresAtMs,
    revokedAtMs: null,
    lastUsedAtMs: null,
  };
  await store.insertToken(record);
  return { token, record };
}

export type TokenRefusal = BearerProblem | 'unknown' | 'revoked' | 'expired';

export type TokenAuthentication = { ok: true; token: ApiTokenRecord } | { ok: false; refusal: TokenRefusal };

/**
 * Who an Authorization header speaks for. `unknown`, `revoked` and `expired` must all answer the same 401 to the
 * client (the refusal is for the audit log), so a stolen old token does not learn it was once valid.
 */
/** How stale a token's recorded last use may be before a request writes it again. */
export const TOKEN_TOUCH_EVERY_MS = 60_000;

export async function authenticateApiToken(
  store: ApiTokenStore,
  authorization: string | readonly string[] | undefined,
  nowMs: number,
): Promise<TokenAuthentication> {
  const parsed = parseBearer(authorization);
  if (!parsed.ok) return { ok: false, refusal: parsed.problem };
  const token = await store.findTokenByHash(hashApiToken(parsed.token));
  if (token === undefined) return { ok: false, refusal: 'unknown' };
  if (token.revokedAtMs !== null) return { ok: false, refusal: 'revoked' };
  if (token.expiresAtMs !== null && nowMs >= token.expiresAtMs) return { ok: false, refusal: 'expired' };
  // Last use is for admins reviewing tokens, to the minute: writing it on every request made every read a write, and a
  // read then waited behind live ingest's write transaction (a SIEM polling with a token stalled the API).
  if (token.lastUsedAtMs === null || nowMs - token.lastUsedAtMs >= TOKEN_TOUCH_EVERY_MS) await store.touchToken(token.id, nowMs);
  return { ok: true, token };
}

/** The token list as shown to admins: everything but the hash. */
export type ApiTokenListing = Omit<ApiTokenRecord, 'tokenHash'>;

export async function listApiTokens(store: ApiTokenStore): Promise<ApiTokenListing[]> {
  return (await store.listTokens()).map((t) => ({
    id: t.id,
    name: t.name,
    role: t.role,
    createdBy: t.createdBy,
    createdAtMs: t.createdAtMs,
    expiresAtMs: t.expiresAtMs,
    revokedAtMs: t.revokedAtMs,
    lastUsedAtMs: t.lastUsedAtMs,
  }));
}

/** Revokes by the short id; a second revoke or an unknown id is a NotFound error. */
export async function revokeApiToken(store: ApiTokenStore, id: string, nowMs: number): Promise<void> {
  if (!(await store.revokeToken(id, nowMs))) throw new AppError(ErrorCode.NotFound, 'no active token has that id');
}
