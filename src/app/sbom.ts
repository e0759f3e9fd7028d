/** SBOMs per device model (CycloneDX, SPDX): attach, list with the devices each applies to, show, detach. */
import type { SbomReportJson } from '../advisories/sbom/sbom-report-json.js';
import type { AttachInput, AttachResult } from '../store/interfaces.js';
import { modelKey, vendorKey } from '../advisories/sbom/vendor-key.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { reassessAfterWrite } from './reassess.js';

export type Reassessment = Awaited<ReturnType<typeof reassessAfterWrite>>;

/** Attaches the SBOM (replacing the model's earlier one), then re-assesses every device. */
export async function attachSbom(ws: Workspace, input: AttachInput): Promise<{
  result: AttachResult;
  /** Vendor and model as stored (the first attach's spelling wins). */
  name: { vendor: string; model: string };
  /** Devices of that model in the inventory now. */
  devices: string[];
  reassessment: Reassessment;
}> {
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
