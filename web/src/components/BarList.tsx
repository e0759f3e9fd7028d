/** Counts as horizontal bars, each a link to the list it counts (a person clicks the figure to see the devices behind it). */
import type { ReactNode } from 'react';
import { Link } from '../router.js';

export interface Bar {
  key: string;
  label: string;
  count: number;
  to: string;
  /** A class for the bar's colour (e.g. level-critical). */
  tone?: string;
}

export function BarList({ bars, label }: { bars: readonly Bar[]; label: string }): ReactNode {
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <ul className="bars" aria-label={label}>
      {bars.map((b) => (
        <li key={b.key}>
          <Link to={b.to} className="bar-link">
            <span className="bar-label">{b.label}</span>
            <span className="bar-track"><span className={`bar-fill ${b.tone ?? ''}`} style={{ width: `${String((b.count / max) * 100)}%` }} /></span>
            <span className="bar-count">{b.count.toLocaleString('en-US')}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** One headline figure that links to what it counts. */
export function Figure({ label, value, to, tone }: { label: string; value: number | string; to: string; tone?: string }): ReactNode {
  return (
    <Link to={to} className={`figure ${tone ?? ''}`}>
      <span className="figure-value">{typeof value === 'number' ? value.toLocaleString('en-US') : value}</span>
      <span className="figure-label">{label}</span>
    </Link>
  );
}
