/** Applying VEX to one match: the statement about the device first, else one about the SBOM component that matched. */
import type { Suppression } from '../../findings/types.js';
import type { ProductQuery, VexDecision, VexStore, VulnerabilityMatch } from '../types.js';

export async function decisionForMatch(store: VexStore, match: VulnerabilityMatch, device: ProductQuery): Promise<VexDecision | null> {
  const direct = await store.decisionFor(match.vulnerability, device);
  if (direct !== null || match.component === undefined) return direct;
  return store.decisionFor(match.vulnerability, match.component);
}

/** A not_affected decision as the findings' suppression (the vendor's justification shown); null for any other status. */
export function suppressionOf(decision: VexDecision | null): Suppression | null {
  if (decision?.status !== 'not_affected') return null;
  return { source: decision.source, justification: decision.justification ?? 'not affected (no justification given)', statement: decision.statement };
}
