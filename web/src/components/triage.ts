/**
 * A person's status change on a finding, through the workflow routes (POST /api/findings/:id/acknowledge, /mitigate,
 * /reopen, /accept with reason, owner and expiry). Many findings are changed one request at a time: the API has no
 * bulk route, so a bulk action reports which of its findings failed and why.
 */
import { request } from '../api/client.js';
import type { FindingJson, PersonStatus } from '../api/types.js';

export interface TriageChange {
  status: PersonStatus;
  reason?: string;
  owner?: string;
  /** YYYY-MM-DD, required for risk-accepted. */
  expires?: string;
}

const VERB: Record<PersonStatus, string> = { open: 'reopen', acknowledged: 'acknowledge', mitigated: 'mitigate', 'risk-accepted': 'accept' };

export async function changeFinding(id: string, change: TriageChange): Promise<FindingJson> {
  const body = change.status === 'risk-accepted'
    ? { reason: change.reason, owner: change.owner, expires: change.expires }
    : change.reason !== undefined && change.reason !== '' ? { reason: change.reason } : {};
  const answer = (await request(`/api/findings/${encodeURIComponent(id)}/${VERB[change.status]}`, { method: 'POST', body })) as { finding: FindingJson };
  return answer.finding;
}

export interface BulkResult {
  changed: FindingJson[];
  failed: { id: string; message: string }[];
}

export async function changeFindings(ids: readonly string[], change: TriageChange): Promise<BulkResult> {
  const result: BulkResult = { changed: [], failed: [] };
  for (const id of ids) {
    try {
      result.changed.push(await changeFinding(id, change));
    } catch (err) {
      result.failed.push({ id, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return result;
}
