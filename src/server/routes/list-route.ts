/** A read-only list row: GET url answers `{ <key>: list }`, the shape of the CLI's `… list --format json`. */
import type { Workspace } from '../../store/workspace.js';
import { defineRoute, type Access, type Route } from '../route-table.js';

export function listRoute(spec: { url: string; access: Access; tag: string; summary: string; key: string; list: (ws: Workspace) => Promise<unknown> }): Route {
  return defineRoute({
    method: 'GET', url: spec.url, access: spec.access, tag: spec.tag, summary: spec.summary,
    handler: async ({ ws }) => ({ [spec.key]: await spec.list(ws) }),
  });
}
