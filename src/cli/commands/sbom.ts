/** `wardwatch sbom attach --vendor V --model M FILE` / `sbom list` / `sbom show` / `sbom detach` (docs/architecture.md CLI). */
import path from 'node:path';
import type { Command } from 'commander';
import { readDocumentBytes } from '../../advisories/sbom/read-document.js';
import { sbomReportTable } from '../../advisories/sbom/sbom-report-json.js';
import { attachSbomDocument, detachSbom, listSboms, parseSbomDocument, showSbom } from '../../app/sbom.js';
import { formatOption, textTable } from '../../util/text-table.js';
import { reportReassessment as report } from '../assessment-text.js';
import { withWorkspace } from '../workspace-flag.js';

interface DbFlags { db: string }
interface ModelFlags extends DbFlags { vendor: string; model: string }

export function registerSbom(program: Command): void {
  const sbom = program.command('sbom').description('software bills of materials per device model (CycloneDX, SPDX)');
  sbom
    .command('attach')
    .description('attach a CycloneDX or SPDX SBOM to a device model (replaces the model\'s earlier SBOM)')
    .argument('<file>', 'CycloneDX JSON or XML, SPDX JSON (2.2, 2.3, 3.0) or SPDX tag-value file')
    .requiredOption('--vendor <vendor>', 'device vendor, e.g. "GE Healthcare"')
    .requiredOption('--model <model>', 'device model, e.g. "CARESCAPE B650"')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .action(async (file: string, flags: ModelFlags) => {
      // Parsed before the database is opened: a bad file creates none.
      const sbom = parseSbomDocument({ name: file, bytes: await readDocumentBytes(file) });
      await withWorkspace(flags.db, {}, async (ws) => {
        const { result: r, name, reassessment, warnings } = await attachSbomDocument(ws, { vendor: flags.vendor, model: flags.model, sbom, origin: path.basename(file), nowMs: Date.now() });
        const vex = r.vexStatements > 0 ? `, ${r.vexStatements} vendor analyses as VEX` : '';
        process.stdout.write(`attached ${file} to ${name.vendor} ${name.model}: ${sbom.doc.format} ${sbom.doc.specVersion ?? '?'}, ${r.components} components, ${r.vulnerabilities} embedded vulnerabilities${vex}${r.replaced ? ' (replaced the earlier SBOM)' : ''}\n`);
        for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
        report(reassessment);
      });
    });
  sbom
    .command('list')
    .description('the attached SBOMs')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', 'table or json', 'table')
    .action(async (flags: DbFlags & { format: string }) => {
      const format = formatOption(flags.format);
      const sboms = await withWorkspace(flags.db, { create: false }, listSboms);
      if (format === 'json') process.stdout.write(`${JSON.stringify({ sboms }, null, 2)}\n`);
      else process.stdout.write(textTable(['VENDOR', 'MODEL', 'FORMAT', 'COMPONENTS', 'VULNS', 'DEVICES', 'ATTACHED', 'FILE'],
        sboms.map((s) => [s.vendor, s.model, `${s.format} ${s.specVersion ?? ''}`.trim(), String(s.components), String(s.vulnerabilities), String(s.devices.length), s.attachedAt, s.origin])));
    });
  sbom
    .command('show')
    .description('a model\'s SBOM components and their vulnerability matches, with VEX decisions')
    .requiredOption('--vendor <vendor>', 'device vendor')
    .requiredOption('--model <model>', 'device model')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', 'table or json', 'table')
    .action(async (flags: ModelFlags & { format: string }) => {
      const format = formatOption(flags.format);
      const shown = await withWorkspace(flags.db, { create: false }, (ws) => showSbom(ws, flags.vendor, flags.model));
      for (const w of shown.warnings) process.stderr.write(`warning: ${w}\n`);
      if (format === 'json') process.stdout.write(`${JSON.stringify(shown.json, null, 2)}\n`);
      else process.stdout.write(sbomReportTable(shown.json));
    });
  sbom
    .command('detach')
    .description('remove a model\'s SBOM')
    .requiredOption('--vendor <vendor>', 'device vendor')
    .requiredOption('--model <model>', 'device model')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .action(async (flags: ModelFlags) => {
      await withWorkspace(flags.db, { create: false }, async (ws) => {
        const reassessment = await detachSbom(ws, flags.vendor, flags.model);
        process.stdout.write(`detached the SBOM of ${flags.vendor} ${flags.model}\n`);
        report(reassessment);
      });
    });
}
