/** How a risk reads in words: in a cell `75 (high)`, in a sentence `risk 75 (high)` (JSON fields carry these texts too). */
import type { RiskJson } from '../inventory/types.js';

/** A risk in a column headed RISK: `75 (high)`; unscored is `-`. */
export function riskCell(risk: Pick<RiskJson, 'score' | 'level'> | null | undefined): string {
  return risk === null || risk === undefined ? '-' : `${String(risk.score)} (${risk.level})`;
}

/** A risk in running text: `risk 75 (high)`. */
export function riskText(risk: Pick<RiskJson, 'score' | 'level'> | null | undefined): string {
  return risk === null || risk === undefined ? 'risk unscored' : `risk ${riskCell(risk)}`;
}
