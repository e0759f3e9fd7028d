/** A small history router: the console's paths are real URLs (the server answers index.html for them), so a link can be shared and a reload stays put. */
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

function snapshot(): string {
  return window.location.pathname + window.location.search;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (options.replace === true) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  for (const l of listeners) l();
}

export interface Location {
  path: string;
  params: URLSearchParams;
  /** path + search, as a `next` after login. */
  href: string;
}

export function useLocation(): Location {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { path: url.pathname, params: url.searchParams, href };
}

/** Replaces the query string (filters kept in the URL so a filtered view is a link). */
export function setParams(params: URLSearchParams): void {
  const s = params.toString();
  navigate(`${window.location.pathname}${s === '' ? '' : `?${s}`}`, { replace: true });
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string; children: ReactNode };

export function Link({ to, children, onClick, ...rest }: LinkProps): ReactNode {
  const click = (e: MouseEvent<HTMLAnchorElement>): void => {
    onClick?.(e);
    // A modified click opens a new tab as the browser would.
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={click} {...rest}>{children}</a>;
}
