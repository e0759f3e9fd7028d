/** CycloneDX analysis.state / affects.versions[].status -> the VEX status vocabulary (CycloneDX 1.4+ impactAnalysisState). */
import type { VexStatus } from '../types.js';

const STATE: Readonly<Record<string, VexStatus>> = {
  not_affected: 'not_affected',
  false_positive: 'not_affected',
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
};

const VERSION_STATUS: Readonly<Record<string, VexStatus>> = {
  affected: 'affected',
  unaffected: 'not_affected',
  unknown: 'under_investigation',
};

export function statusOfAnalysisState(state: string | null): VexStatus | null {
  return state === null ? null : STATE[state] ?? null;
}

export function statusOfVersionStatus(status: string | null): VexStatus | null {
  return status === null ? null : VERSION_STATUS[status] ?? null;
}
