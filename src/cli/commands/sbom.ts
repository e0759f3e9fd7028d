/** `wardwatch sbom attach --vendor V --model M FILE` / `sbom list` / `sbom show` / `sbom detach` (design.md CLI; issue 5 §3). */
import path from 'node:path';
import type { Command } from 'commander';
import { parseSbom } from '../../advisories/sbom/parse-sbom.js';
import { readDocument } from '../../advisories/sbom/read-document.js';
import { reassessDevicesAfterSbomVex, reportReassessment as report } from '../../advisories/sbom/reassess-hook.js';
import { attachSbom, detachSbom, findSbom, listSboms } from '../../advisories/sbom/sbom-store.js';
import { modelKey, vendorKey } from '../../advisories/sbom/vendor-key.js';
import { SqliteInventory } from '../../inventory/sqlite/sqlite-inventory.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { sbomReport, sbomReportTable } from '../../advisories/sbom/sbom-report.js';
import { formatOption, textTable } from '../../util/text-table.js';
import { existingDb } from '../existing-db.js';

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
      const raw = await readDocument(file);
      const doc = parseSbom(raw.text, file);
      const inventory = await SqliteInventory.open(flags.db);
      try {
        const nowMs = Date.now();
        const r = await attachSbom(inventory.db, { vendor: flags.vendor, model: flags.model, doc, origin: path.basename(file), sha256: raw.sha256, nowMs });
        const sbomRow = await findSbom(inventory.db, flags.vendor, flags.model);
        const name = { vendor: sbomRow?.vendor ?? flags.vendor, model: sbomRow?.model ?? flags.model };
        const vex = r.vexStatements > 0 ? `, ${r.vexStatements} vendor analyses as VEX` : '';
        process.stdout.write(`attached ${file} to ${name.vendor} ${name.model}: ${doc.format} ${doc.specVersion ?? '?'}, ${r.components} components, ${r.vulnerabilities} embedded vulnerabilities${vex}${r.replaced ? ' (replaced the earlier SBOM)' : ''}\n`);
        if (r.components === 0) process.stderr.write(`warning: ${file}: the SBOM lists no components\n`);
        const devices = (await inventory.listDevices()).filter((d) => d.vendor !== null && d.model !== null && vendorKey(d.vendor) === vendorKey(name.vendor) && modelKey(d.model) === modelKey(name.model));
        if (devices.length === 0) process.stderr.write(`warning: no device in the inventory is ${name.vendor} ${name.model} yet; its SBOM applies once one is identified\n`);
        report(await reassessDevicesAfterSbomVex(flags.db, inventory, nowMs));
      } finally {
        await inventory.close();
      }
    });
  sbom
    .command('list')
    .description('the attached SBOMs')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .option('--format <format>', 'table or json', 'table')
    .action(async (flags: DbFlags & { format: string }) => {
      const format = formatOption(flags.format);
      const inventory = await SqliteInventory.open(existingDb(flags.db));
      try {
        const rows = await listSboms(inventory.db);
        // The inventory devices each SBOM applies to (same canonical vendor and model).
        const byModel = new Map<string, string[]>();
        for (const d of await inventory.listDevices()) {
          if (d.vendor === null || d.model === null) continue;
          const k = `${vendorKey(d.vendor)}\u0000${modelKey(d.model)}`;
          byModel.set(k, [...(byModel.get(k) ?? []), d.id]);
        }
        const sboms = rows.map((r) => ({
          vendor: r.vendor, model: r.model, format: r.format, specVersion: r.spec_version, documentName: r.document_name,
          serialNumber: r.serial_number, components: r.component_count, vulnerabilities: r.vulnerability_count, attachedAt: r.attached_at, origin: r.origin,
          devices: byModel.get(`${r.vendor_key}\u0000${r.model_key}`) ?? [],
        }));
        if (format === 'json') process.stdout.write(`${JSON.stringify({ sboms }, null, 2)}\n`);
        else process.stdout.write(textTable(['VENDOR', 'MODEL', 'FORMAT', 'COMPONENTS', 'VULNS', 'DEVICES', 'ATTACHED', 'FILE'],
          sboms.map((s) => [s.vendor, s.model, `${s.format} ${s.specVersion ?? ''}`.trim(), String(s.components), String(s.vulnerabilities), String(s.devices.length), s.attachedAt, s.origin])));
      } finally {
        await inventory.close();
      }
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
      const inventory = await SqliteInventory.open(existingDb(flags.db));
      try {
        const report = await sbomReport(inventory.db, flags.vendor, flags.model);
        for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
        if (format === 'json') process.stdout.write(`${JSON.stringify(report.json, null, 2)}\n`);
        else process.stdout.write(sbomReportTable(report.json));
      } finally {
        await inventory.close();
      }
    });
  sbom
    .command('detach')
    .description('remove a model\'s SBOM')
    .requiredOption('--vendor <vendor>', 'device vendor')
    .requiredOption('--model <model>', 'device model')
    .option('--db <file>', 'inventory database', './wardwatch.db')
    .action(async (flags: ModelFlags) => {
      const inventory = await SqliteInventory.open(existingDb(flags.db));
      try {
        if (!await detachSbom(inventory.db, flags.vendor, flags.model)) throw new AppError(ErrorCode.NotFound, `no SBOM attached to ${flags.vendor} ${flags.model}`);
        process.stdout.write(`detached the SBOM of ${flags.vendor} ${flags.model}\n`);
        report(await reassessDevicesAfterSbomVex(flags.db, inventory));
      } finally {
        await inventory.close();
      }
    });
}
