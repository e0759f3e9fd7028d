/** Reading the API from a component: loading, error and data, refetched when the path or `version` changes. */
import { useEffect, useState } from 'react';
import { getJson } from './client.js';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ok'; data: T };

export function useApi<T>(path: string | null, version = 0): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    const abort = new AbortController();
    setLoaded({ state: 'loading' });
    getJson<T>(path, abort.signal).then(
      (data) => { setLoaded({ state: 'ok', data }); },
      (err: unknown) => {
        if (abort.signal.aborted) return;
        setLoaded({ state: 'error', message: err instanceof Error ? err.message : String(err) });
      },
    );
    return () => { abort.abort(); };
  }, [path, version]);
  return loaded;
}
