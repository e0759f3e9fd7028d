/** The compensating-controls register and maintenance windows: add, list, remove, in the inventory DB. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { InventoryDb } from '../sqlite/inventory/schema.js';
import { AppError, ErrorCode } from '../../util/app-error.js';
import type { Control, ControlKind, ControlTarget, MaintenanceWindow } from '../../risk/types.js';
import { controlsDb, type ControlsDb, type ControlsTable, type MaintenanceWindowsTable } from './schema.js';
import { parseSchedule } from '../../risk/controls/schedule.js';
import { checkDate, checkKind, checkName, checkText } from '../../risk/controls/values.js';

export interface NewControl {
  kind: string;
  description: string;
  target: ControlTarget;
  expires?: string | null;
  by: string;
}

export interface NewWindow {
  schedule: string;
  description: string;
  target: ControlTarget;
  by: string;
}

const bad = (message: string): AppError => new AppError(ErrorCode.BadArgument, message);

/** `ctl-` / `win-` and 12 hex digits: short enough to type, the prefix says which list `remove` looks in. */
function newId(prefix: 'ctl' | 'win'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

function toControl(r: ControlsTable): Control {
  return { id: r.id, kind: r.kind as ControlKind, description: r.description, deviceId: r.device_id, vendor: r.vendor, model: r.model, expires: r.expires, by: r.created_by, createdAt: r.created_at };
}

function toWindow(r: MaintenanceWindowsTable): MaintenanceWindow {
  return { id: r.id, schedule: r.schedule, description: r.description, deviceId: r.device_id, vendor: r.vendor, model: r.model, by: r.created_by, createdAt: r.created_at };
}

export class ControlsStore {
  private readonly db: Kysely<ControlsDb>;

  constructor(db: Kysely<InventoryDb>) {
    this.db = controlsDb(db);
  }

  /** One device (which must exist) or a vendor with an optional model; never both. */
  private async checkTarget(t: ControlTarget): Promise<ControlTarget> {
    if (t.deviceId !== null) {
      if (t.vendor !== null || t.model !== null) throw bad('give either a device or a vendor/model, not both');
      const row = await this.db.selectFrom('devices').select('id').where('id', '=', t.deviceId).executeTakeFirst();
      if (row === undefined) throw new AppError(ErrorCode.NotFound, `no device with id ${t.deviceId}`);
      return t;
    }
    if (t.vendor === null) throw bad(t.model === null ? 'give a device (--device ID) or a vendor (--vendor V [--model M])' : '--model needs --vendor');
    return { deviceId: null, vendor: checkName(t.vendor, 'vendor'), model: t.model === null ? null : checkName(t.model, 'model') };
  }

  async addControl(input: NewControl, nowMs: number = Date.now()): Promise<Control> {
    const kind = checkKind(input.kind);
    const description = checkText(input.description, 'description');
    const expires = input.expires === undefined || input.expires === null ? null : checkDate(input.expires, 'expiry date');
    const target = await this.checkTarget(input.target);
    const row: ControlsTable = {
      id: newId('ctl'), kind, description, device_id: target.deviceId, vendor: target.vendor, model: target.model,
      expires, created_by: checkText(input.by, 'by', 100), created_at: new Date(nowMs).toISOString(),
    };
    await this.db.insertInto('controls').values(row).execute();
    return toControl(row);
  }

  async listControls(): Promise<Control[]> {
    const rows = await this.db.selectFrom('controls').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toControl);
  }

  async addWindow(input: NewWindow, nowMs: number = Date.now()): Promise<MaintenanceWindow> {
    const schedule = parseSchedule(input.schedule);
    const description = input.description.trim() === '' ? '' : checkText(input.description, 'description');
    const target = await this.checkTarget(input.target);
    const row: MaintenanceWindowsTable = {
      id: newId('win'), schedule, description, device_id: target.deviceId, vendor: target.vendor, model: target.model,
      created_by: checkText(input.by, 'by', 100), created_at: new Date(nowMs).toISOString(),
    };
    await this.db.insertInto('maintenance_windows').values(row).execute();
    return toWindow(row);
  }

  async listWindows(): Promise<MaintenanceWindow[]> {
    const rows = await this.db.selectFrom('maintenance_windows').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toWindow);
  }

  /** Removes a control (`ctl-…`) or a window (`win-…`); AppError not-found when there is none. */
  async remove(id: string): Promise<'control' | 'window'> {
    const table = id.startsWith('win-') ? 'maintenance_windows' : 'controls';
    const result = await this.db.deleteFrom(table).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new AppError(ErrorCode.NotFound, `no control or maintenance window with id ${id.slice(0, 60)}`);
    return table === 'controls' ? 'control' : 'window';
  }
}
