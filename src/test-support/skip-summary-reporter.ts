/**
 * Vitest reporter: after the run, lists the tests skipped because this machine lacks a tool, root or network
 * namespaces (their names carry `[skipped: needs …]`, see tools.ts), one line per skipped group with its reason.
 */
import type { Reporter, TestModule } from 'vitest/node';
import { SKIP_MARK } from './tools.js';

export default class SkipSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    // One line per skipped test or group: the name up to and including its mark, with how many tests it holds.
    const groups = new Map<string, number>();
    for (const m of testModules) {
      for (const t of m.children.allTests('skipped')) {
        const at = t.fullName.indexOf(SKIP_MARK);
        if (at < 0) continue;
        const end = t.fullName.indexOf(']', at);
        const key = `${m.relativeModuleId} > ${t.fullName.slice(0, end < 0 ? undefined : end + 1)}`;
        groups.set(key, (groups.get(key) ?? 0) + 1);
      }
    }
    if (groups.size === 0) return;
    const total = [...groups.values()].reduce((a, b) => a + b, 0);
    const lines = [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `  ${k}${n > 1 ? ` (${String(n)} tests)` : ''}`);
    process.stdout.write(`\n${String(total)} tests skipped for want of a tool, root or network namespaces (.ci/run installs them all):\n${lines.join('\n')}\n`);
  }
}
