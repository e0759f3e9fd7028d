/** Retire devices unseen for a number of days; ingest brings a retired device back when it shows again. */
import { addHistory, iso, type Tx } from './tx.js';

const DAY_MS = 86_400_000;

export async function retireUnseenTx(tx: Tx, days: number, nowMs: number): Promise<number> {
  const cutoff = iso(nowMs - days * DAY_MS);
  const now = iso(nowMs);
  const stale = await tx.selectFrom('devices').select('id').where('retired_at', 'is', null).where('last_seen', '<', cutoff).execute();
  if (stale.length === 0) return 0;
  await tx.updateTable('devices').set({ retired_at: now }).where('retired_at', 'is', null).where('last_seen', '<', cutoff).execute();
  for (const { id } of stale) await addHistory(tx, id, 'retiredAt', null, now, now, 'inferred');
  return stale.length;
}
