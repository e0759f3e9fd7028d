/** Fields a person may set on a device (`wardwatch device set`, CMMS import) and the column each one overrides. */
import { DEVICE_CATEGORIES } from '../identify/types.js';
import { AppError, ErrorCode } from '../util/app-error.js';

/** camelCase field -> devices column; hostname has no column (it joins the observed hostnames, first). */
export const MANUAL_FIELDS = {
  location: 'location',
  department: 'department',
  assetTag: 'asset_tag',
  owner: 'owner',
  vendor: 'vendor',
  model: 'model',
  type: 'type',
  category: 'category',
  serial: 'serial',
  firmware: 'firmware',
  osName: 'os_name',
  osVersion: 'os_version',
  osLabel: 'os_label',
  supportEnd: 'support_end',
  supportStatus: 'support_status',
  hostname: null,
} as const;

export type ManualField = keyof typeof MANUAL_FIELDS;
export type ManualColumn = Exclude<(typeof MANUAL_FIELDS)[ManualField], null>;

export function isManualField(field: string): field is ManualField {
  return Object.hasOwn(MANUAL_FIELDS, field);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Throws AppError bad-argument naming the allowed fields or the allowed values. */
export function checkManualValue(field: string, value: string | null): ManualField {
  if (!isManualField(field)) {
    throw new AppError(
      ErrorCode.BadArgument,
      `unknown device field "${field}"; allowed: ${Object.keys(MANUAL_FIELDS).join(', ')}`,
    );
  }
  if (value === null) return field;
  if (field === 'category' && !(DEVICE_CATEGORIES as readonly string[]).includes(value)) {
    throw new AppError(ErrorCode.BadArgument, `category "${value}" is not one of: ${DEVICE_CATEGORIES.join(', ')}`);
  }
  if (field === 'supportEnd' && !(ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)))) {
    throw new AppError(ErrorCode.BadArgument, `supportEnd "${value}" is not a date (YYYY-MM-DD)`);
  }
  return field;
}

/** `00-1B-…`, `001b.…`, `001B…` -> `00:1b:…`; null when it is not 48 bits of hex. */
export function normalizeMac(mac: string): string | null {
  const hex = mac.replace(/[:.\-\s]/g, '').toLowerCase();
  if (!/^[0-9a-f]{12}$/.test(hex)) return null;
  return hex.match(/../g)?.join(':') ?? null;
}
