/** Register columns to device fields: defaults for common CMMS export headers, `--map column=field` overrides. */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { printable } from '../../util/text-table.js';
import { MANUAL_FIELDS, type ManualField } from '../manual-fields.js';

/** mac and ip only identify a device; every other field is a value the register sets (manual-fields.ts). */
export type RegisterField = ManualField | 'mac' | 'ip';
export const REGISTER_FIELDS: readonly RegisterField[] = ['mac', 'ip', ...(Object.keys(MANUAL_FIELDS) as ManualField[])];
/** The fields that find a device, in the order they are trusted. */
export const IDENTITY_FIELDS = ['mac', 'serial', 'assetTag', 'ip', 'hostname'] as const;
export type IdentityField = (typeof IDENTITY_FIELDS)[number];

/** Header names as CMMS exports spell them (Maximo, TMS, AIMS, EQ2, Excel sheets), compared by normalizeHeader. */
const DEFAULT_NAMES: Readonly<Record<string, RegisterField>> = {
  assettag: 'assetTag', asset: 'assetTag', assetno: 'assetTag', assetnumber: 'assetTag', assetid: 'assetTag',
  equipmentid: 'assetTag', equipmentno: 'assetTag', equipmentnumber: 'assetTag', controlnumber: 'assetTag', tag: 'assetTag',
  serial: 'serial', serialnumber: 'serial', serialno: 'serial', sn: 'serial',
  mac: 'mac', macaddress: 'mac', macaddr: 'mac',
  ip: 'ip', ipaddress: 'ip', ipaddr: 'ip',
  hostname: 'hostname', host: 'hostname', devicename: 'hostname', networkname: 'hostname',
  manufacturer: 'vendor', vendor: 'vendor', make: 'vendor', mfr: 'vendor', mfg: 'vendor', mfgr: 'vendor', manufacturername: 'vendor', vendorname: 'vendor',
  model: 'model', modelnumber: 'model', modelname: 'model', modelno: 'model', modelnum: 'model', modelnbr: 'model',
  location: 'location', room: 'location', site: 'location', locationroom: 'location', roomlocation: 'location', roomnumber: 'location', roomno: 'location',
  department: 'department', dept: 'department', costcenter: 'department',
  owner: 'owner', responsible: 'owner', custodian: 'owner', biomedowner: 'owner', ownername: 'owner', assetowner: 'owner',
  category: 'category', devicecategory: 'category',
  supportend: 'supportEnd', endofsupport: 'supportEnd', eos: 'supportEnd', endofsupportdate: 'supportEnd', eosdate: 'supportEnd',
  devicetype: 'type', equipmenttype: 'type', type: 'type',
  firmware: 'firmware', firmwareversion: 'firmware', softwareversion: 'firmware',
};

/** `Asset Tag`, `asset_tag`, `ASSET-TAG` -> `assettag`. */
export function normalizeHeader(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function isRegisterField(field: string): field is RegisterField {
  return (REGISTER_FIELDS as readonly string[]).includes(field);
}

export interface ColumnOverride {
  column: string;
  field: RegisterField;
}

/** Parse `--map column=field` (the last `=` splits, so a column name may hold one); bad input is AppError bad-argument. */
export function parseMapOptions(pairs: readonly string[]): ColumnOverride[] {
  return pairs.map((pair) => {
    const at = pair.lastIndexOf('=');
    if (at <= 0) throw new AppError(ErrorCode.BadArgument, `--map ${pair}: expected column=field`);
    const column = pair.slice(0, at).trim();
    const field = pair.slice(at + 1).trim();
    if (!isRegisterField(field)) {
      throw new AppError(ErrorCode.BadArgument, `--map ${pair}: unknown field "${field}"; fields: ${REGISTER_FIELDS.join(', ')}`);
    }
    return { column, field };
  });
}

/**
 * A header none of the names above spells is guessed by its last word, the noun English puts last ("Biomed Owner",
 * "Location/Room", "Equipment Manufacturer"), and only for nouns that name one field whatever qualifies them: "Parent
 * Asset" or "Vendor Phone" must not file another device's tag or a phone number as this device's values.
 */
const HEAD_NOUNS: Readonly<Record<string, RegisterField>> = {
  owner: 'owner', room: 'location', location: 'location', manufacturer: 'vendor', department: 'department', firmware: 'firmware',
};

/** `Location/Room` -> `room`; camelCase splits too (`biomedOwner` -> `owner`). */
function lastWord(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
  return words.at(-1) ?? '';
}

/** How a column got its field: named by `--map`, a known header name, a guess from its last word, or none (ignored). */
export type ColumnSource = 'map' | 'name' | 'guess' | null;

export interface ColumnPlan {
  /** The field each header column fills (null: ignored). */
  fields: (RegisterField | null)[];
  sources: ColumnSource[];
}

/** The plan for a header: overrides win; then known names, then guesses, each the first column of a field. */
export function planColumns(header: readonly string[], overrides: readonly ColumnOverride[]): ColumnPlan {
  const fields: (RegisterField | null)[] = header.map(() => null);
  const sources: ColumnSource[] = header.map(() => null);
  const taken = new Set<RegisterField>();
  for (const { column, field } of overrides) {
    let index = header.indexOf(column);
    if (index < 0) index = header.findIndex((h) => normalizeHeader(h) === normalizeHeader(column));
    if (index < 0) {
      throw new AppError(ErrorCode.BadArgument, `--map ${column}=${field}: no column "${column}" in the header (columns: ${printable(header.join(', '))})`);
    }
    fields[index] = field;
    sources[index] = 'map';
    taken.add(field);
  }
  const assign = (source: 'name' | 'guess', fieldOf: (name: string) => RegisterField | undefined): void => {
    header.forEach((name, i) => {
      if (fields[i] !== null || overrides.some((o) => o.column === name)) return;
      const field = fieldOf(name);
      if (field === undefined || taken.has(field)) return;
      fields[i] = field;
      sources[i] = source;
      taken.add(field);
    });
  };
  assign('name', (name) => DEFAULT_NAMES[normalizeHeader(name)]);
  assign('guess', (name) => HEAD_NOUNS[lastWord(name)]);
  if (!fields.some((f) => f !== null && (IDENTITY_FIELDS as readonly string[]).includes(f))) {
    throw new AppError(
      ErrorCode.BadArgument,
      `line 1: no header naming an asset tag, serial, MAC, IP or hostname column (found: ${printable(header.slice(0, 12).join(', '))}); name one with --map column=field`,
    );
  }
  return { fields, sources };
}

/** The field each header column fills (null: ignored). */
export function resolveColumns(header: readonly string[], overrides: readonly ColumnOverride[]): (RegisterField | null)[] {
  return planColumns(header, overrides).fields;
}
