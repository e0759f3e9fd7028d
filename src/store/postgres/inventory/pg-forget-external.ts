/**
 * External addresses stored as devices become peers of the devices that reached them, on PostgreSQL: the decisions
 * are src/inventory/sqlite/forget-external.ts `planForgetExternal`'s, the writes a few multi-row statements.
 */
import { sql } from 'kysely';
import { FORGET_EXTERNAL_READS, planForgetExternal, type ForgetExternalResult } from '../../sqlite/inventory/forget-external.js';
import { rows } from '../../sqlite/inventory/read-devices.js';
import { iso, type Tx } from '../../sqlite/inventory/tx.js';
import { insertUnnest } from './pg-unnest.js';
import { PG_UPSERT_ON } from './pg-upserts.js';

/** Runs in the caller's transaction. */
export async function forgetExternalPg(tx: Tx, isExternal: (ip: string) => boolean, atMs: number): Promise<ForgetExternalResult> {
  const plan = planForgetExternal(await rows(tx, FORGET_EXTERNAL_READS.conduits, []), await rows(tx, FORGET_EXTERNAL_READS.liveIps, []), isExternal);
  await insertUnnest(tx, 'external_peers',
    [['device_id', 'text'], ['device_ip', 'text'], ['peer_ip', 'text'], ['direction', 'text'], ['proto', 'text'], ['port', 'integer'], ['app', 'text'],
      ['server_name', 'text'], ['flows', 'bigint'], ['bytes', 'bigint'], ['first_seen', 'text'], ['last_seen', 'text']],
    plan.peers, PG_UPSERT_ON.externalPeers, (r) => JSON.stringify([r[0], r[2], r[3], r[4], r[5]]));
  if (plan.conduitIds.length > 0) await sql`DELETE FROM conduits WHERE id = ANY(${plan.conduitIds}::bigint[])`.execute(tx);
  if (plan.deviceIds.length > 0) await sql`DELETE FROM devices WHERE id = ANY(${plan.deviceIds}::text[])`.execute(tx);
  if (plan.released.length > 0) {
    const at = iso(atMs);
    await sql`UPDATE device_addresses SET released_at = ${at} WHERE id = ANY(${plan.released.map((r) => r[0])}::bigint[])`.execute(tx);
    await insertUnnest(tx, 'attribute_history',
      [['device_id', 'text'], ['attribute', 'text'], ['old_value', 'text'], ['new_value', 'text'], ['changed_at', 'text'], ['origin', 'text']],
      plan.released.map(([, deviceId, ip]) => [deviceId, 'ip', ip, null, at, 'inferred']), '');
  }
  return plan.result;
}
