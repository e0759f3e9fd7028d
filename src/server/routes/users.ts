/**
 * Users and API tokens for admins (as `wardwatch users …` and `wardwatch tokens …`, src/app/user-admin.ts): every
 * change audited with who and from where; a password is never echoed, and a token's secret is answered once.
 */
import { Type } from '@sinclair/typebox';
import { MAX_PASSWORD_BYTES } from '../../auth/password-params.js';
import { MAX_USER_NAME_LENGTH } from '../../auth/user-name.js';
import { addUser, createToken, listTokens, listUsers, removeUserNamed, revokeToken, setUserPassword, setUserRole } from '../../app/user-admin.js';
import { auditOrigin } from '../audit-origin.js';
import { HttpCode, HttpError } from '../errors.js';
import { defineRoute, ROLES, type Principal, type Route } from '../route-table.js';
import { listRoute } from './list-route.js';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_BYTES, description: 'checked against the password policy (NIST SP 800-63B); never echoed or logged' });
const NameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: MAX_USER_NAME_LENGTH }) });
/** Ten years, as `wardwatch tokens create --expires`. */
const MAX_EXPIRY_DAYS = 3650;

/** An admin cannot remove or demote the account they are using: the site must not lose its last way in by a slip. */
function refuseSelf(principal: Principal | null, name: string, what: string): void {
  if (principal !== null && principal.user === name.toLowerCase()) throw new HttpError(400, HttpCode.BadRequest, `you cannot ${what} your own account; ask another admin`);
}

export const userRoutes: readonly Route[] = [
  listRoute({ url: '/api/users', access: 'admin', tag: 'admin', key: 'users', list: listUsers, summary: 'The users (as `wardwatch users list --format json`; never a password hash)' }),
  defineRoute({
    method: 'POST', url: '/api/users', access: 'admin', tag: 'admin',
    summary: 'Add a user with a role and a password the policy accepts',
    body: Type.Object({ name: Type.String({ minLength: 1, maxLength: MAX_USER_NAME_LENGTH }), role: RoleSchema, password: Password }, { additionalProperties: false }),
    handler: async (ctx) => {
      const user = await addUser(ctx.ws, ctx.body, auditOrigin(ctx), ctx.auth.now);
      ctx.reply.code(201);
      return { user };
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/users/:name', access: 'admin', tag: 'admin',
    summary: 'Remove a user and end their sessions',
    params: NameParams,
    handler: async (ctx) => {
      refuseSelf(ctx.principal, ctx.params.name, 'remove');
      await removeUserNamed(ctx.ws, ctx.params.name, auditOrigin(ctx), ctx.auth.now);
      return ctx.reply.code(204).send();
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/users/:name/role', access: 'admin', tag: 'admin',
    summary: "Change a user's role (their sessions end, so it applies at once)",
    params: NameParams, body: Type.Object({ role: RoleSchema }, { additionalProperties: false }),
    handler: async (ctx) => {
      refuseSelf(ctx.principal, ctx.params.name, 'change the role of');
      await setUserRole(ctx.ws, ctx.params.name, ctx.body.role, auditOrigin(ctx), ctx.auth.now);
      const user = (await listUsers(ctx.ws)).find((u) => u.name === ctx.params.name.toLowerCase());
      return { user };
    },
  }),
  defineRoute({
    method: 'PUT', url: '/api/users/:name/password', access: 'admin', tag: 'admin',
    summary: "Reset a user's password (their sessions end); the answer never holds it",
    params: NameParams, body: Type.Object({ password: Password }, { additionalProperties: false }),
    handler: async (ctx) => {
      await setUserPassword(ctx.ws, ctx.params.name, ctx.body.password, auditOrigin(ctx), ctx.auth.now);
      return ctx.reply.code(204).send();
    },
  }),
  listRoute({ url: '/api/tokens', access: 'admin', tag: 'admin', key: 'tokens', list: listTokens, summary: 'The API tokens (as `wardwatch tokens list --format json`; never the secrets)' }),
  defineRoute({
    method: 'POST', url: '/api/tokens', access: 'admin', tag: 'admin',
    summary: 'Create an API token: `secret` is in this answer only (stored hashed), to be sent as Authorization: Bearer',
    body: Type.Object({
      name: Type.String({ minLength: 1, maxLength: 64, description: 'what the token is for, e.g. siem-export' }),
      role: RoleSchema,
      expiresDays: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EXPIRY_DAYS })),
    }, { additionalProperties: false }),
    handler: async (ctx) => {
      const created = await createToken(ctx.ws, { name: ctx.body.name, role: ctx.body.role, expiresDays: ctx.body.expiresDays ?? null }, auditOrigin(ctx), ctx.auth.now);
      const token = (await listTokens(ctx.ws)).find((t) => t.id === created.record.id);
      ctx.reply.code(201);
      return { token, secret: created.token };
    },
  }),
  defineRoute({
    method: 'DELETE', url: '/api/tokens/:id', access: 'admin', tag: 'admin',
    summary: 'Revoke an API token by its id (from the list)',
    params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
    handler: async (ctx) => {
      await revokeToken(ctx.ws, ctx.params.id, auditOrigin(ctx), ctx.auth.now);
      return ctx.reply.code(204).send();
    },
  }),
];
