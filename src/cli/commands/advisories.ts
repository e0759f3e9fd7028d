/**
 * `wardwatch advisories import <file|dir|url…>`, `advisories list [--format table|json]` and `advisories unmatched`
 * (docs/architecture.md CLI): CSAF 2.0, CISA KEV, NVD CVE 2.0, ROLIE feeds and provider directories.
 */
import type { Command } from 'commander';
import { explainAdvisories, importAdvisories, listAdvisories, listAdvisoriesJson, unmatchedAdvisories, type AdvisoryWithDevices } from '../../app/advisories.js';
import type { ImportReport } from '../../advisories/import/import-sources.js';
import type { MatchOutcome } from '../../advisories/match/match-query.js';
import type { ProductQuery } from '../../advisories/types.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { textTable } from '../../util/text-table.js';
import { formatAssessment } from '../assessment-text.js';
import { withWorkspace } from '../workspace-flag.js';

const FORMATS = ['table', 'json'] as const;
const MAX_WARNINGS_SHOWN = 5;

function checkFormat(format: string): 'table' | 'json' {
  if (!(FORMATS as readonly string[]).includes(format)) throw new AppError(ErrorCode.BadArgument, `unknown format '${format}' (use ${FORMATS.join(', ')})`);
  return format as 'table' | 'json';
}

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0)) throw new AppError(ErrorCode.BadArgument, `${name} must be a positive number, not '${value}'`);
  return n;
}

function printReport(r: ImportReport, verbose: boolean): void {
  if (!r.ok) {
    process.stderr.write(`error: ${r.source}: ${r.message}\n`);
    return;
  }
  process.stdout.write(`${r.kind.padEnd(17)} ${r.source}: ${r.message}\n`);
  const shown = verbose ? r.warnings : r.warnings.slice(0, MAX_WARNINGS_SHOWN);
  for (const w of shown) process.stderr.write(`warning: ${r.source}: ${w}\n`);
  if (shown.length < r.warnings.length) process.stderr.write(`warning: ${r.source}: … and ${r.warnings.length - shown.length} more (--verbose)\n`);
}

function table(rows: readonly AdvisoryWithDevices[]): string {
  const body = rows.map((a) => [a.id, a.source, a.vendor ?? '', String(a.cves.length), String(a.devices.length), a.title]);
  return textTable(['ID', 'SOURCE', 'VENDOR', 'CVES', 'DEVICES', 'TITLE'], body, { maxWidth: 32, lastMaxWidth: 70 });
}

/** One device's matches with their reasons, and what did not match. */
function explainText(name: string, q: ProductQuery, outcome: MatchOutcome | null, reasons: readonly string[]): string {
  const what = [q.vendor, q.product, q.version].filter((x) => x !== null).join(' ');
  const lines = [`device ${name} (${what === '' ? 'unidentified' : what}):`];
  for (const m of outcome?.matches ?? []) {
    lines.push(`  ${m.vulnerability}  ${m.advisoryId}  CVSS ${m.cvssBase ?? '-'}${m.kev ? '  KEV' : ''}${m.versionUnknown ? '  (version unconfirmed)' : ''}`);
    for (const r of m.reasons) lines.push(`    - ${r}`);
  }
  for (const r of reasons) lines.push(`  ${r.replace(/^device [^:]+: /, '')}`);
  if ((outcome?.matches.length ?? 0) > 0) for (const miss of outcome?.misses ?? []) lines.push(`  not matched: ${miss}`);
  return `${lines.join('\n')}\n`;
}

export function registerAdvisories(program: Command): void {
  const advisories = program.command('advisories').description('vulnerability advisories: CSAF 2.0, CISA KEV, NVD CVE 2.0');
  advisories
    .command('import')
    .description('import advisories from files, directories, ROLIE feeds, provider-metadata.json or index.txt (paths or URLs)')
    .argument('<sources...>', 'files, directories or http(s) URLs')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--max-size <MiB>', 'largest document read', '64')
    .option('--timeout <sec>', 'seconds to wait for each URL', '30')
    .option('--no-assess', 'do not re-assess the devices afterwards')
    .option('--verbose', 'print every warning')
    .exitOverride()
    .action(async (sources: string[], flags: { db: string; maxSize: string; timeout: string; assess: boolean; verbose?: boolean }) => {
      const maxBytes = Math.round(positive('--max-size', flags.maxSize) * 1024 * 1024);
      const timeoutMs = Math.round(positive('--timeout', flags.timeout) * 1000);
      await withWorkspace(flags.db, {}, async (ws) => {
        const { reports, assessment } = await importAdvisories(ws, sources, { maxBytes, timeoutMs, assess: flags.assess, onReport: (r) => { printReport(r, flags.verbose === true); } });
        const sum = (k: 'advisories' | 'products' | 'vulnerabilities' | 'kev'): number => reports.reduce((n, r) => n + r[k], 0);
        const failed = reports.filter((r) => !r.ok).length;
        process.stdout.write(`imported ${sum('advisories')} advisories (${sum('products')} products, ${sum('vulnerabilities')} vulnerabilities) and ${sum('kev')} KEV entries; ${failed} failed\n`);
        if (assessment !== null) process.stdout.write(`${formatAssessment(assessment)}\n`);
        if (failed > 0) throw new AppError(ErrorCode.BadArgument, `${failed} of ${reports.length} sources could not be imported (see above); the others were`);
      });
    });
  advisories
    .command('list')
    .description('the imported advisories and the devices they match')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'table')
    .exitOverride()
    .action(async (flags: { db: string; format: string }) => {
      const format = checkFormat(flags.format);
      if (format === 'table') process.stdout.write(table(await withWorkspace(flags.db, { create: false }, listAdvisories)));
      else process.stdout.write(`${JSON.stringify({ advisories: await withWorkspace(flags.db, { create: false }, listAdvisoriesJson) }, null, 2)}\n`);
    });
  advisories
    .command('explain')
    .description('why each device matches the advisories it does (and not others)')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--device <id|name>', 'only this device (id, host name or IP)')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'table')
    .exitOverride()
    .action(async (flags: { db: string; device?: string; format: string }) => {
      const format = checkFormat(flags.format);
      const explained = await withWorkspace(flags.db, { create: false }, (ws) => explainAdvisories(ws, flags.device));
      if (format === 'table') {
        for (const e of explained) process.stdout.write(explainText(e.name, e.query, e.outcome, e.reasons));
        return;
      }
      const devices = explained.map((e) => ({ deviceId: e.deviceId, name: e.name, query: e.query, matches: e.outcome?.matches ?? [], misses: e.outcome?.misses ?? [], reasons: e.reasons }));
      process.stdout.write(`${JSON.stringify({ devices }, null, 2)}\n`);
    });
  advisories
    .command('unmatched')
    .description('devices no advisory matched and advisories no device matched, and why')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'table')
    .exitOverride()
    .action(async (flags: { db: string; format: string }) => {
      const format = checkFormat(flags.format);
      const report = await withWorkspace(flags.db, { create: false }, unmatchedAdvisories);
      if (format === 'json') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else process.stdout.write([...report.devices.flatMap((d) => d.reasons), ...report.advisories.map((a) => a.reason)].map((l) => `${l}\n`).join(''));
    });
}
