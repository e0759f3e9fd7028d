/**
 * One vocabulary for the two scales the CLI shows (docs/architecture.md `risk` and `severity`). Severity is what a finding is,
 * whatever the device (critical … info); risk is what it means on this device (0-100 with a level). Both use the same
 * words, so a number-less word is never left to say which scale it is on: a table names the scale in its header, and
 * every other line says it ("risk 75 (high)", "severity critical"). Severities stay lower case, never shouted: an
 * upper-case word read as a third scale.
 */
import { SEVERITIES, type Severity } from '../findings/types.js';
import { riskCell, riskText } from '../app/risk-label.js';

export { riskCell, riskText };

/** A severity in running text: `severity high`. */
export function severityText(severity: Severity): string {
  return `severity ${severity}`;
}

/** `1 high, 10 medium` for the levels present, most severe first (risk levels and severities share the words). */
export function countByLevel(levels: Iterable<Severity>): string {
  const counts = new Map<Severity, number>();
  for (const l of levels) counts.set(l, (counts.get(l) ?? 0) + 1);
  return SEVERITIES.filter((l) => counts.has(l)).map((l) => `${(counts.get(l) ?? 0).toLocaleString('en-US')} ${l}`).join(', ');
}
