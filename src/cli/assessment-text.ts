/** The one line that says what re-assessing devices against advisories, SBOMs and VEX found. */
import type { AssessResult } from '../app/reassess.js';

export function formatAssessment(r: AssessResult): string {
  const suppressed = r.suppressed === 0 ? '' : ` (${r.suppressed} marked not affected by VEX)`;
  return `assessed ${r.devices} devices: ${r.findings} known-vulnerability findings on ${r.affectedDevices} devices${suppressed}; ${r.created} new, ${r.closed} closed`;
}

/** After an SBOM or VEX write: the summary on stdout, or a warning on stderr when assessing failed (the write stands). */
export function reportReassessment(r: { ok: true; result: AssessResult } | { ok: false; why: string }): void {
  if (r.ok) process.stdout.write(`${formatAssessment(r.result)}\n`);
  else process.stderr.write(`warning: stored, but re-assessing devices failed (${r.why}); run \`wardwatch advisories import\` again later\n`);
}
