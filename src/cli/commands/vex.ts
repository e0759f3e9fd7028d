/** `wardwatch vex import FILE… [--vendor V] [--model M]` / `vex list` (docs/architecture.md CLI; CycloneDX VEX, CSAF 2.0 VEX, OpenVEX). */
import path from 'node:path';
import type { Command } from 'commander';
import { readDocumentBytes } from '../../advisories/sbom/read-document.js';
import { importVexDocument, listVex, reassessAfterVex } from '../../app/vex.js';
import { formatOption, textTable } from '../../util/text-table.js';
import { reportReassessment as report } from '../assessment-text.js';
import { withWorkspace } from '../workspace-flag.js';

interface ImportFlags {
  db: string;
  vendor?: string;
  model?: string;
}

export function registerVex(program: Command): void {
  const vex = program.command('vex').description('vendor VEX statements: which vulnerabilities do not affect which products');
  vex
    .command('import')
    .description('import CycloneDX VEX, CSAF 2.0 VEX or OpenVEX documents (re-importing a document replaces it)')
    .argument('<files...>', 'VEX JSON files')
    .option('--vendor <vendor>', 'vendor for statements that name none (e.g. a CycloneDX VEX about "ABC 4.2")')
    .option('--model <model>', 'product for statements that name no product at all')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .action(async (files: string[], flags: ImportFlags) => {
      await withWorkspace(flags.db, {}, async (ws) => {
        // File by file, each in its own transaction: a bad file stops the run and keeps the ones before it.
        for (const file of files) {
          const { format, title, result: r, warnings } = await importVexDocument(ws, { name: file, bytes: await readDocumentBytes(file) }, {
            origin: path.basename(file), importedAt: new Date().toISOString(), defaultVendor: flags.vendor ?? null, defaultProduct: flags.model ?? null,
          });
          process.stdout.write(`imported ${file}: ${format} VEX${title === null ? '' : ` ${title}`}, ${r.statements} statements (${r.notAffected} not affected)\n`);
          for (const w of warnings) process.stderr.write(`warning: ${w}\n`);
        }
        report(await reassessAfterVex(ws));
      });
    });
  vex
    .command('list')
    .description('the imported VEX statements, newest first per vulnerability')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', 'table or json', 'table')
    .option('--vulnerability <id>', 'only statements about this CVE (or alias)')
    .action(async (flags: { db: string; format: string; vulnerability?: string }) => {
      const format = formatOption(flags.format);
      const statements = await withWorkspace(flags.db, { create: false }, (ws) => listVex(ws, flags.vulnerability));
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify({ statements }, null, 2)}\n`);
        return;
      }
      // purl / CPE say it all; otherwise vendor, product (or name / bom-ref) and version words.
      const productText = (p: (typeof statements)[number]['product']): string =>
        p.purl ?? p.cpe ?? [p.vendor, p.product ?? p.name ?? p.ref, p.version ?? p.versionRange].filter((x) => x !== null).join(' ');
      process.stdout.write(textTable(['VULNERABILITY', 'PRODUCT', 'STATUS', 'JUSTIFICATION', 'ISSUED', 'SOURCE'],
        statements.map((s) => [s.vulnerability, productText(s.product), s.status, s.justification ?? '', s.issuedAt.slice(0, 10), s.source])));
    });
}
