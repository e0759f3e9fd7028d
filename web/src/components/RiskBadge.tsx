/** A risk level as a coloured badge with its score; the words are there too, so colour is never the only signal. */
import type { ReactNode } from 'react';
import type { RiskJson } from '../api/types.js';

export function RiskBadge({ risk }: { risk: Pick<RiskJson, 'level' | 'score'> | null }): ReactNode {
  if (risk === null) return <span className="badge level-none">not scored</span>;
  return <span className={`badge level-${risk.level}`}>{risk.level} {Math.round(risk.score)}</span>;
}
