/** SBOMs per device model (CycloneDX, SPDX): attach, list with the devices each applies to, show, detach. */
import { parseSbom } from '../advisories/sbom/parse-sbom.js';
import { decodeDocument, type DocumentBytes } from '../advisories/sbom/read-document.js';
import type { SbomReportJson } from '../advisories/sbom/sbom-report-json.js';
import type { SbomDocument } from '../advisories/sbom/types.js';
import type { AttachInput, AttachResult } from '../store/interfaces.js';
import { modelKey, vendorKey } from '../advisories/sbom/vendor-key.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { reassessAfterWrite } from './reassess.js';

export type Reassessment = Awaited<ReturnType<typeof reassessAfterWrite>>;

/** An SBOM document decoded and parsed, ready to attach. */
export interface ParsedSbom {
  /** The document as messages name it (the path given, or an upload's file name). */
  name: string;
  doc: SbomDocument;
  sha256: string;
}

/**
 * Decodes and parses an SBOM (CycloneDX JSON or XML, SPDX JSON or tag-value); bad-argument naming the document. It
 * needs no workspace, so a bad document is refused before any database is opened (or created).
 */
export function parseSbomDocument(document: DocumentBytes): ParsedSbom {
  const raw = decodeDocument(document);
  return { name: document.name, doc: parseSbom(raw.text, document.name), sha256: raw.sha256 };
}

export interface SbomAttachment {
  result: AttachResult;
  /** Vendor and model as stored (the first attach's spelling wins). */
  name: { vendor: string; model: string };
  /** Devices of that model in the inventory now. */
  devices: string[];
  reassessment: Reassessment;
  /** What a person should know: an SBOM without components, a model no device has yet. */
  warnings: string[];
}

/** Attaches a parsed SBOM to a model under `origin` (the name it is listed by), then re-assesses every device. */
export async function attachSbomDocument(ws: Workspace, input: { vendor: string; model: string; sbom: ParsedSbom; origin: string; nowMs: number }): Promise<SbomAttachment> {
  const { sbom } = input;
  const attached = await attachSbom(ws, { vendor: input.vendor, model: input.model, doc: sbom.doc, origin: input.origin, sha256: sbom.sha256, nowMs: input.nowMs });
  const warnings: string[] = [];
  if (attached.result.components === 0) warnings.push(`${sbom.name}: the SBOM lists no components`);
  if (attached.devices.length === 0) warnings.push(`no device in the inventory is ${attached.name.vendor} ${attached.name.model} yet; its SBOM applies once one is identified`);
  return { ...attached, warnings };
}

/** Attaches the SBOM (replacing the model's earlier one), then re-assesses every device. */
export async function attachSbom(ws: Workspace, input: AttachInput): Promise<Omit<SbomAttachment, 'warnings'>> {
  const result = await ws.sbom.attach(input);
  const row = await ws.sbom.find(input.vendor, input.model);
  const name = { vendor: row?.vendor ?? input.vendor, model: row?.model ?? input.model };
  const devices = (await ws.inventory.listDevices())
    .filter((d) => d.vendor !== null && d.model !== null && vendorKey(d.vendor) === vendorKey(name.vendor) && modelKey(d.model) === modelKey(name.model))
    .map((d) => d.id);
  return { result, name, devices, reassessment: await reassessAfterWrite(ws, input.nowMs) };
}

export interface SbomListing {
  vendor: string; model: string; format: string; specVersion: string | null; documentName: string | null;
  serialNumber: string | null; components: number; vulnerabilities: number; attachedAt: string; origin: string;
  /** Inventory devices of the same canonical vendor and model. */
  devices: string[];
}

export async function listSboms(ws: Workspace): Promise<SbomListing[]> {
  const rows = await ws.sbom.list();
  const byModel = new Map<string, string[]>();
  for (const d of await ws.inventory.listDevices()) {
    if (d.vendor === null || d.model === null) continue;
    const k = `${vendorKey(d.vendor)}\u0000${modelKey(d.model)}`;
    byModel.set(k, [...(byModel.get(k) ?? []), d.id]);
  }
  return rows.map((r) => ({
    vendor: r.vendor, model: r.model, format: r.format, specVersion: r.spec_version, documentName: r.document_name,
    serialNumber: r.serial_number, components: r.component_count, vulnerabilities: r.vulnerability_count, attachedAt: r.attached_at, origin: r.origin,
    devices: byModel.get(`${r.vendor_key}\u0000${r.model_key}`) ?? [],
  }));
}

/** A model's components and their vulnerability matches, with VEX decisions. */
export function showSbom(ws: Workspace, vendor: string, model: string): Promise<{ json: SbomReportJson; warnings: string[] }> {
  return ws.sbom.report(vendor, model);
}

/** Removes a model's SBOM (not-found when there is none), then re-assesses every device. */
export async function detachSbom(ws: Workspace, vendor: string, model: string): Promise<Reassessment> {
  if (!await ws.sbom.detach(vendor, model)) throw new AppError(ErrorCode.NotFound, `no SBOM attached to ${vendor} ${model}`);
  return reassessAfterWrite(ws);
}
