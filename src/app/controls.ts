/**
 * The compensating-controls register, maintenance windows and vendor support per model (what risk scoring reads
 * besides devices and findings; docs/risk.md).
 */
import { resolveDeviceId } from '../inventory/resolve-device.js';
import type { Control, ControlTarget, MaintenanceWindow, ModelSupport } from '../risk/types.js';
import type { SupportImportResult } from '../risk/controls/support-import.js';
import type { SupportInput } from '../store/interfaces.js';
import type { Workspace } from '../store/workspace.js';
import { AppError, ErrorCode } from '../util/app-error.js';

/** What a control or window applies to, as a person names it: one device (id, MAC, IP or host name), or a vendor/model. */
export interface TargetText {
  device?: string | undefined;
  vendor?: string | undefined;
  model?: string | undefined;
}

async function target(ws: Workspace, t: TargetText): Promise<ControlTarget> {
  if (t.device !== undefined) {
    if (t.vendor !== undefined || t.model !== undefined) throw new AppError(ErrorCode.BadArgument, 'give either --device or --vendor/--model, not both');
    return { deviceId: await resolveDeviceId(ws.inventory, t.device), vendor: null, model: null };
  }
  return { deviceId: null, vendor: t.vendor ?? null, model: t.model ?? null };
}

export async function addControl(ws: Workspace, input: { kind: string; description: string; target: TargetText; expires: string | null; by: string }): Promise<Control> {
  return ws.controls.addControl({ kind: input.kind, description: input.description, target: await target(ws, input.target), expires: input.expires, by: input.by });
}

export async function addWindow(ws: Workspace, input: { schedule: string; description: string; target: TargetText; by: string }): Promise<MaintenanceWindow> {
  return ws.controls.addWindow({ schedule: input.schedule, description: input.description, target: await target(ws, input.target), by: input.by });
}

export function listControls(ws: Workspace): Promise<Control[]> {
  return ws.controls.listControls();
}

export function listWindows(ws: Workspace): Promise<MaintenanceWindow[]> {
  return ws.controls.listWindows();
}

/** A control (ctl-…) or a maintenance window (win-…); says which it was. */
export function removeControl(ws: Workspace, id: string): Promise<'control' | 'window'> {
  return ws.controls.remove(id);
}

export function setSupport(ws: Workspace, input: SupportInput): Promise<ModelSupport> {
  return ws.support.set(input);
}

/** CSV vendor,model,end_of_support[,status[,notes]]: all rows or none. */
export function importSupport(ws: Workspace, input: AsyncIterable<Uint8Array>): Promise<SupportImportResult> {
  return ws.support.importCsv(input);
}

export function listSupport(ws: Workspace): Promise<ModelSupport[]> {
  return ws.support.list();
}

export function removeSupport(ws: Workspace, vendor: string, model: string): Promise<void> {
  return ws.support.remove(vendor, model);
}
