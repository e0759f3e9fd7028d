/** Schemas several route files share: path ids and the findings filters. */
import { Type } from '@sinclair/typebox';
import { FINDING_KINDS, FINDING_STATUSES, type FindingKind, type FindingStatus } from '../../findings/types.js';
import { HttpCode, HttpError } from '../errors.js';

/** Ids are ours (hex) but a device may also be named by MAC, IP or host name, as on the command line. */
export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 200 }) });

export const FindingFilters = Type.Object({
  kind: Type.Optional(Type.String({ maxLength: 1000, description: `comma-separated: ${FINDING_KINDS.join(', ')}` })),
  status: Type.Optional(Type.String({ maxLength: 200, description: `comma-separated: ${FINDING_STATUSES.join(', ')}, or all; default open,acknowledged (as the CLI)` })),
}, { additionalProperties: false });

/** The CLI's default listing (`wardwatch findings`): what still needs a person. */
const DEFAULT_STATUSES: readonly FindingStatus[] = ['open', 'acknowledged'];

function listOf<T extends string>(text: string | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((v) => v.trim()).filter((v) => v !== '');
  for (const v of items) if (!(allowed as readonly string[]).includes(v)) throw new HttpError(400, HttpCode.BadRequest, `unknown ${what} '${v.slice(0, 40)}' (use ${allowed.join(', ')})`);
  return items as T[];
}

/** `kind` and `status` as the app's finding options; `status=all` means every status. */
export function findingFilters(q: { kind?: string | undefined; status?: string | undefined }): { kinds: FindingKind[] | undefined; statuses: FindingStatus[] | undefined } {
  const kinds = listOf(q.kind, FINDING_KINDS, 'kind');
  const statuses = q.status === 'all' ? undefined : listOf(q.status, FINDING_STATUSES, 'status') ?? [...DEFAULT_STATUSES];
  return { kinds, statuses };
}
