/**
 * Uploads (admin): CSAF 2.0 / KEV / NVD advisories, SBOMs (CycloneDX, SPDX), VEX documents and the biomed register
 * CSV (with a preview of its column mapping), each as the file itself in the body, and the reconcile report. A file
 * the parsers refuse gets a 400 naming why and changes nothing; every upload, accepted or refused, is audited.
 */
import { Type } from '@sinclair/typebox';
import { parseSbom } from '../../advisories/sbom/parse-sbom.js';
import { decodeDocument } from '../../advisories/sbom/read-document.js';
import { parseVex } from '../../advisories/vex/parse-vex.js';
import { importAdvisoryUpload } from '../../app/advisories.js';
import type { AssessResult } from '../../app/reassess.js';
import { importUploadedRegister, previewRegister, reconcile } from '../../app/register.js';
import { attachSbom } from '../../app/sbom.js';
import { importVex, reassessAfterVex } from '../../app/vex.js';
import { parseMapOptions } from '../../inventory/cmms/column-map.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import { auditedImport } from '../audit-trail.js';
import { defineRoute, defineUpload, type Route } from '../route-table.js';

const MIB = 1024 * 1024;
/**
 * Per-route body limits (the JSON routes keep 64 KB). A CSAF advisory is tens of KB and the CISA KEV catalog about
 * 1.5 MB; an NVD CVE 2.0 page of 2,000 records is 10-20 MB; a device SBOM rarely passes a few MB. The whole body is
 * held in memory while it is parsed, so these stay far below the CLI's 256 MB file limit.
 */
export const UPLOAD_LIMITS = { advisory: 32 * MIB, sbom: 32 * MIB, vex: 16 * MIB, register: 16 * MIB } as const;

const JSON_TYPES = ['application/json'];
const SBOM_TYPES = ['application/json', 'application/vnd.cyclonedx+json', 'application/spdx+json', 'application/xml', 'text/xml', 'application/vnd.cyclonedx+xml', 'text/spdx', 'text/plain'];
const VEX_TYPES = ['application/json', 'application/vnd.cyclonedx+json', 'application/csaf+json'];
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain'];

/** The uploaded file's name, as the CLI keeps a file's base name: shown in lists, findings and the audit log. */
const FileName = Type.String({ minLength: 1, maxLength: 120, pattern: '^[A-Za-z0-9][A-Za-z0-9 ._()-]*$', description: "the file's name, kept as its origin" });
const Vendor = Type.String({ minLength: 1, maxLength: 200 });

/** The re-assessment's figures (its per-device match map stays inside). */
function assessmentJson(r: AssessResult): Omit<AssessResult, 'matches'> {
  return { devices: r.devices, affectedDevices: r.affectedDevices, findings: r.findings, suppressed: r.suppressed, created: r.created, updated: r.updated, closed: r.closed };
}

const RegisterQuery = Type.Object({
  name: Type.Optional(FileName),
  map: Type.Optional(Type.String({ maxLength: 2000, description: 'comma-separated column=field overrides, as `--map`' })),
}, { additionalProperties: false });

function registerOptions(q: { name?: string | undefined; map?: string | undefined }): { source: string; overrides: ReturnType<typeof parseMapOptions> } {
  return { source: q.name ?? 'register.csv', overrides: parseMapOptions(q.map === undefined ? [] : q.map.split(',')) };
}

export const importRoutes: readonly Route[] = [
  defineUpload({
    method: 'POST', url: '/api/imports/advisories', access: 'admin', tag: 'imports',
    summary: 'Import one advisory document (CSAF 2.0, CISA KEV or NVD CVE 2.0 JSON) and re-assess the devices (assess=false: not now)',
    upload: { contentTypes: [...JSON_TYPES, 'application/csaf+json'], maxBytes: UPLOAD_LIMITS.advisory },
    querystring: Type.Object({ name: Type.Optional(FileName), assess: Type.Boolean({ default: true }) }, { additionalProperties: false }),
    handler: async (ctx) => {
      const name = ctx.query.name ?? 'advisory.json';
      return auditedImport(ctx, 'advisories', name, async () => {
        const doc = decodeDocument({ name, bytes: ctx.body });
        const { report, assessment } = await importAdvisoryUpload(ctx.ws, name, doc.text, { assess: ctx.query.assess });
        if (!report.ok) throw new AppError(ErrorCode.BadArgument, report.message);
        return {
          answer: { report, assessment: assessment === null ? null : assessmentJson(assessment) },
          detail: { kind: report.kind, advisories: report.advisories, kev: report.kev, bytes: ctx.body.length },
        };
      });
    },
  }),
  defineUpload({
    method: 'POST', url: '/api/imports/sbom', access: 'admin', tag: 'imports',
    summary: "Attach an SBOM (CycloneDX JSON/XML, SPDX JSON or tag-value) to a device model, replacing the model's earlier one, and re-assess",
    upload: { contentTypes: SBOM_TYPES, maxBytes: UPLOAD_LIMITS.sbom },
    querystring: Type.Object({ vendor: Vendor, model: Vendor, name: Type.Optional(FileName) }, { additionalProperties: false }),
    handler: async (ctx) => {
      const name = ctx.query.name ?? 'sbom.json';
      return auditedImport(ctx, 'sbom', name, async () => {
        const raw = decodeDocument({ name, bytes: ctx.body });
        const doc = parseSbom(raw.text, name);
        // The CLI attaches it with a warning; over the API, where nobody reads a warning before it replaces the
        // model's real SBOM, an SBOM without components is refused.
        if (doc.components.length === 0) throw new AppError(ErrorCode.BadArgument, `${name}: the SBOM lists no components; nothing attached`);
        const { result, name: model, devices, reassessment } = await attachSbom(ctx.ws, { vendor: ctx.query.vendor, model: ctx.query.model, doc, origin: name, sha256: raw.sha256, nowMs: ctx.auth.now() });
        return {
          answer: { sbom: { ...model, format: doc.format, specVersion: doc.specVersion, ...result }, devices, reassessment: reassessment.ok ? { ok: true, result: assessmentJson(reassessment.result) } : reassessment },
          detail: { vendor: model.vendor, model: model.model, format: doc.format, components: result.components, replaced: result.replaced, bytes: ctx.body.length },
        };
      });
    },
  }),
  defineUpload({
    method: 'POST', url: '/api/imports/vex', access: 'admin', tag: 'imports',
    summary: 'Import a VEX document (CycloneDX VEX, CSAF 2.0 VEX, OpenVEX; re-importing replaces it) and re-assess',
    upload: { contentTypes: VEX_TYPES, maxBytes: UPLOAD_LIMITS.vex },
    querystring: Type.Object({ vendor: Type.Optional(Vendor), model: Type.Optional(Vendor), name: Type.Optional(FileName) }, { additionalProperties: false }),
    handler: async (ctx) => {
      const name = ctx.query.name ?? 'vex.json';
      return auditedImport(ctx, 'vex', name, async () => {
        const raw = decodeDocument({ name, bytes: ctx.body });
        const doc = parseVex(raw.text, name, raw.sha256);
        const result = await importVex(ctx.ws, doc, { origin: name, importedAt: new Date(ctx.auth.now()).toISOString(), defaultVendor: ctx.query.vendor ?? null, defaultProduct: ctx.query.model ?? null });
        const reassessment = await reassessAfterVex(ctx.ws);
        return {
          answer: { vex: { format: doc.format, title: doc.title, ...result }, reassessment: reassessment.ok ? { ok: true, result: assessmentJson(reassessment.result) } : reassessment },
          detail: { format: doc.format, statements: result.statements, notAffected: result.notAffected, bytes: ctx.body.length },
        };
      });
    },
  }),
  defineUpload({
    method: 'POST', url: '/api/imports/register/preview', access: 'admin', tag: 'imports',
    summary: 'What importing a register CSV would do, writing nothing: the detected column mapping, matches, value changes, and why an import would be refused',
    upload: { contentTypes: CSV_TYPES, maxBytes: UPLOAD_LIMITS.register },
    querystring: RegisterQuery,
    handler: async (ctx) => previewRegister(ctx.ws, ctx.body, { ...registerOptions(ctx.query), nowMs: ctx.auth.now() }),
  }),
  defineUpload({
    method: 'POST', url: '/api/imports/register', access: 'admin', tag: 'imports',
    summary: 'Import a biomed register CSV (all rows or none; refused whole when it holds spreadsheet formulas or rows no export produces)',
    upload: { contentTypes: CSV_TYPES, maxBytes: UPLOAD_LIMITS.register },
    querystring: RegisterQuery,
    handler: async (ctx) => {
      const options = registerOptions(ctx.query);
      return auditedImport(ctx, 'register', options.source, async () => {
        const summary = await importUploadedRegister(ctx.ws, ctx.body, { ...options, nowMs: ctx.auth.now() });
        return { answer: { summary }, detail: { rows: summary.rows, matched: summary.matched, unmatched: summary.unmatched, skipped: summary.skipped, changes: summary.changeCount, bytes: ctx.body.length } };
      });
    },
  }),
  defineRoute({
    method: 'GET', url: '/api/reconcile', access: 'viewer', tag: 'imports',
    summary: 'The register against the wire (as `wardwatch reconcile --format json`): matched, seen-not-registered, registered-not-seen, conflicts',
    handler: async ({ ws }) => reconcile(ws),
  }),
];
