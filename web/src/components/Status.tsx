/** What a page shows while its data loads or when the API refused it. */
import type { ReactNode } from 'react';
import type { Loaded } from '../api/use-api.js';

export function Pending({ loaded, what }: { loaded: Loaded<unknown>; what: string }): ReactNode {
  if (loaded.state === 'loading') return <p className="muted" aria-busy="true">Loading {what}…</p>;
  if (loaded.state === 'error') return <p className="error" role="alert">Could not load {what}: {loaded.message}</p>;
  return null;
}
