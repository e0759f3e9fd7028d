/** A console path that is not a page. */
import type { ReactNode } from 'react';
import { Link } from '../router.js';

export function NotFoundPage(): ReactNode {
  return (
    <section>
      <h1>Page not found</h1>
      <p>There is no such page. <Link to="/">Back to the overview</Link></p>
    </section>
  );
}
