/**
 * The whole inventory in the browser, read a page of 500 at a time through the API's cursor (GET /api/devices): the
 * overview counts it, the inventory filters and sorts it locally so a keystroke never waits for the network. Evidence
 * is dropped from each row (the device page reads it), which keeps 10,000 devices to a few megabytes.
 */
import { useEffect, useState } from 'react';
import { getJson, query } from './client.js';
import type { DeviceJson, DevicePage } from './types.js';

export type DeviceRow = Omit<DeviceJson, 'evidence' | 'externalPeers'>;

const PAGE = 500;

export interface DeviceLoad {
  rows: DeviceRow[];
  done: boolean;
  error: string | null;
}

function slim(d: DeviceJson): DeviceRow {
  const row: DeviceRow & Partial<Pick<DeviceJson, 'evidence' | 'externalPeers'>> = { ...d };
  delete row.evidence;
  delete row.externalPeers;
  return row;
}

/** Every device, each page handed to `onPage` as it arrives. */
export async function loadAllDevices(onPage: (rows: DeviceRow[]) => void, signal: AbortSignal): Promise<DeviceRow[]> {
  const all: DeviceRow[] = [];
  let cursor: string | null = null;
  do {
    const page: DevicePage = await getJson<DevicePage>(`/api/devices${query({ limit: PAGE, cursor })}`, signal);
    for (const d of page.devices) all.push(slim(d));
    onPage(all.slice());
    cursor = page.nextCursor;
  } while (cursor !== null && !signal.aborted);
  return all;
}

let cached: DeviceRow[] | null = null;

/** Forget the cached inventory (after a change, or on the Refresh button). */
export function forgetDevices(): void {
  cached = null;
}

/** The inventory, from the cache of this page's life or loaded; `version` bumps force a reload. */
export function useAllDevices(version = 0): DeviceLoad {
  const [load, setLoad] = useState<DeviceLoad>(() => ({ rows: cached ?? [], done: cached !== null, error: null }));
  useEffect(() => {
    if (cached !== null && version === 0) {
      setLoad({ rows: cached, done: true, error: null });
      return;
    }
    const abort = new AbortController();
    setLoad({ rows: [], done: false, error: null });
    loadAllDevices((rows) => { setLoad({ rows, done: false, error: null }); }, abort.signal).then(
      (rows) => {
        cached = rows;
        setLoad({ rows, done: true, error: null });
      },
      (err: unknown) => {
        if (!abort.signal.aborted) setLoad((l) => ({ ...l, done: true, error: err instanceof Error ? err.message : String(err) }));
      },
    );
    return () => { abort.abort(); };
  }, [version]);
  return load;
}
