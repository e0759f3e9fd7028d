/** Validation of knowledge files: unknown JSON in, typed entries out, or an AppError naming the file and entry. */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { DEVICE_CATEGORIES, type DeviceCategory, type EvidenceAttribute } from '../types.js';
import type { DicomRoot, FdaProductCode, LifecycleEntry, PatternRule, TcpSignature } from './kb-types.js';
import type { VendorEntry, VendorKind } from '../vendor-mentions.js';

const ATTRIBUTES: ReadonlySet<string> = new Set<EvidenceAttribute>([
  'vendor', 'model', 'type', 'category', 'osName', 'osVersion', 'osLabel', 'firmware', 'serial', 'hostname', 'aeTitle',
  'hl7Application', 'hl7Facility', 'dicomImplementationClassUid', 'dicomImplementationVersionName', 'location',
  'department', 'switchPort', 'switchName', 'vlan', 'udi', 'eui64', 'tlsClientFingerprint', 'tlsServerName',
]);

export type Obj = Record<string, unknown>;

export function fail(file: string, where: string, message: string): never {
  throw new AppError(ErrorCode.BadArgument, `${file}: ${where}: ${message}`);
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(file: string, where: string, o: Obj, key: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.length === 0) fail(file, where, `"${key}" must be a non-empty string`);
  return v;
}

function optStr(file: string, where: string, o: Obj, key: string): string | null {
  const v = o[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') fail(file, where, `"${key}" must be a string or null`);
  return v;
}

export function confidence(file: string, where: string, o: Obj): number {
  const v = o.confidence;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) fail(file, where, '"confidence" must be a number from 0 to 1');
  return v;
}

export function array(file: string, where: string, o: Obj, key: string): unknown[] {
  const v = o[key];
  if (!Array.isArray(v)) fail(file, where, `"${key}" must be an array`);
  return v;
}

export function category(file: string, where: string, v: string): DeviceCategory {
  const found = DEVICE_CATEGORIES.find((c) => c === v);
  if (found === undefined) fail(file, where, `category "${v}" is not one of ${DEVICE_CATEGORIES.join(', ')}`);
  return found;
}

export function patternRule(file: string, i: number, e: unknown): PatternRule {
  const where = `rules[${i}]`;
  if (!isObj(e)) fail(file, where, 'must be an object');
  const field = str(file, where, e, 'field');
  const match = str(file, where, e, 'match');
  let re: RegExp;
  try {
    re = new RegExp(match, 'i');
  } catch (err) {
    fail(file, where, `"match" is not a valid regular expression (${err instanceof Error ? err.message : 'invalid'})`);
  }
  const setRaw = e.set;
  if (!isObj(setRaw) || Object.keys(setRaw).length === 0) fail(file, where, '"set" must be a non-empty object');
  const set: Partial<Record<EvidenceAttribute, string>> = {};
  for (const [k, v] of Object.entries(setRaw)) {
    if (!ATTRIBUTES.has(k)) fail(file, where, `"set.${k}" is not an evidence attribute`);
    if (typeof v !== 'string' || v.length === 0) fail(file, where, `"set.${k}" must be a non-empty string`);
    if (k === 'category' && !v.includes('$')) category(file, where, v);
    set[k as EvidenceAttribute] = v;
  }
  const toolkit = e.toolkit ?? false;
  if (typeof toolkit !== 'boolean') fail(file, where, '"toolkit" must be true or false');
  return { field, match, re, set, confidence: confidence(file, where, e), source: str(file, where, e, 'source'), toolkit };
}

export function dicomRoot(file: string, i: number, e: unknown): DicomRoot {
  const where = `entries[${i}]`;
  if (!isObj(e)) fail(file, where, 'must be an object');
  const root = str(file, where, e, 'root');
  if (!/^\d+(\.\d+)*$/.test(root)) fail(file, where, `"root" ${root} is not a dotted UID root`);
  const kind = e.kind ?? 'vendor';
  if (kind !== 'vendor' && kind !== 'toolkit' && kind !== 'generic') fail(file, where, '"kind" must be vendor, toolkit or generic');
  return { root, vendor: str(file, where, e, 'vendor'), product: optStr(file, where, e, 'product'), kind, confidence: confidence(file, where, e), source: str(file, where, e, 'source') };
}

export function tcpSignature(file: string, i: number, e: unknown): TcpSignature {
  const where = `entries[${i}]`;
  if (!isObj(e)) fail(file, where, 'must be an object');
  const direction = e.direction;
  if (direction !== 'request' && direction !== 'response') fail(file, where, '"direction" must be request or response');
  const ttl = e.ttl;
  if (ttl !== 32 && ttl !== 64 && ttl !== 128 && ttl !== 255) fail(file, where, '"ttl" must be 32, 64, 128 or 255');
  const window = str(file, where, e, 'window');
  if (!/^(\*|\d+|mss\*\d+)$/.test(window)) fail(file, where, '"window" must be *, a number or mss*N');
  const windowScale = str(file, where, e, 'windowScale');
  if (!/^(\*|\d+)$/.test(windowScale)) fail(file, where, '"windowScale" must be * or a number');
  const host = e.hostConfidence ?? null;
  if (host !== null && (typeof host !== 'number' || !Number.isFinite(host) || host < 0 || host > 1)) fail(file, where, '"hostConfidence" must be a number from 0 to 1');
  return {
    direction, ttl, window, windowScale, options: str(file, where, e, 'options'), osName: str(file, where, e, 'osName'),
    osLabel: optStr(file, where, e, 'osLabel'), confidence: confidence(file, where, e), hostConfidence: host, source: str(file, where, e, 'source'),
  };
}

export function lifecycleEntry(file: string, i: number, e: unknown): LifecycleEntry {
  const where = `entries[${i}]`;
  if (!isObj(e)) fail(file, where, 'must be an object');
  const endOfSupport = str(file, where, e, 'endOfSupport');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(endOfSupport) || Number.isNaN(Date.parse(endOfSupport))) fail(file, where, '"endOfSupport" must be a YYYY-MM-DD date');
  const pt = e.productType ?? null;
  if (pt !== null && pt !== 'workstation' && pt !== 'server' && pt !== 'embedded') fail(file, where, '"productType" must be workstation, server, embedded or null');
  const general = e.generalEdition ?? false;
  if (typeof general !== 'boolean') fail(file, where, '"generalEdition" must be true or false');
  return {
    name: str(file, where, e, 'name'), version: str(file, where, e, 'version'), label: str(file, where, e, 'label'),
    family: str(file, where, e, 'family'), productType: pt, generalEdition: general, endOfSupport, source: str(file, where, e, 'source'),
  };
}

export function fdaCode(file: string, i: number, e: unknown): FdaProductCode {
  const where = `fdaProductCodes[${i}]`;
  if (!isObj(e)) fail(file, where, 'must be an object');
  const deviceClass = e.deviceClass;
  if (deviceClass !== 1 && deviceClass !== 2 && deviceClass !== 3) fail(file, where, '"deviceClass" must be 1, 2 or 3');
  if (typeof e.lifeSustaining !== 'boolean') fail(file, where, '"lifeSustaining" must be true or false');
  return {
    code: str(file, where, e, 'code'), name: str(file, where, e, 'name'), deviceClass, regulation: str(file, where, e, 'regulation'),
    lifeSustaining: e.lifeSustaining, type: str(file, where, e, 'type'), category: category(file, where, str(file, where, e, 'category')),
    source: str(file, where, e, 'source'),
  };
}

/** A data/vendor-aliases.json entry as vendor-mentions.ts compiles it, plus its computer-maker and device-maker flags. */
export interface VendorAliasEntry extends VendorEntry {
  computerMaker: boolean;
  /** An IT maker of whole devices (printers, cameras, UPS, network gear): its OUI alone names the device's maker. */
  deviceMaker: boolean;
  /** IANA Private Enterprise Numbers: an SNMP sysObjectID under 1.3.6.1.4.1.<PEN> names this maker. */
  pens: number[];
  source: string;
}

const VENDOR_KINDS: readonly VendorKind[] = ['medical', 'clinical-software', 'it', 'platform'];

function nameList(file: string, where: string, e: Obj, key: string, known: ReadonlySet<string> | null): string[] {
  const v = e[key] ?? [];
  if (!Array.isArray(v) || !v.every((a) => typeof a === 'string' && a.length > 0)) fail(file, where, `"${key}" must be non-empty strings`);
  const names = v as string[];
  const stray = known === null ? undefined : names.find((a) => !known.has(a));
  if (stray !== undefined) fail(file, where, `"${key}" entry "${stray}" is not the canonical name or one of the aliases`);
  return names;
}

export function vendorEntry(file: string, i: number, e: unknown): VendorAliasEntry {
  const where = `entries[${i}]`;
  if (!isObj(e)) fail(file, where, 'must be an object');
  const canonical = str(file, where, e, 'canonical');
  const source = str(file, where, e, 'source');
  if (!Array.isArray(e.aliases)) fail(file, where, '"aliases" must be an array');
  const aliases = nameList(file, where, e, 'aliases', null);
  const known = new Set([canonical, ...aliases]);
  const computer = e.computerMaker ?? false;
  if (typeof computer !== 'boolean') fail(file, where, '"computerMaker" must be true or false');
  const device = e.deviceMaker ?? false;
  if (typeof device !== 'boolean') fail(file, where, '"deviceMaker" must be true or false');
  // A PC maker's OUI names the hardware under someone else's product: it cannot also name the device alone.
  if (device && computer) fail(file, where, '"deviceMaker" and "computerMaker" exclude each other');
  const pens = e.pens ?? [];
  if (!Array.isArray(pens) || !pens.every((n) => Number.isSafeInteger(n) && (n as number) > 0)) fail(file, where, '"pens" must be positive integers (IANA Private Enterprise Numbers)');
  // A site's own entry without a kind is taken as an IT maker: its OUI alone then never names a device.
  const kind = e.kind ?? 'it';
  if (typeof kind !== 'string' || !(VENDOR_KINDS as readonly string[]).includes(kind)) fail(file, where, `"kind" must be one of ${VENDOR_KINDS.join(', ')}`);
  return {
    canonical, aliases, kind: kind as VendorKind, source, computerMaker: computer, deviceMaker: device, pens: pens as number[],
    restricted: nameList(file, where, e, 'restricted', known), conglomerate: nameList(file, where, e, 'conglomerate', known),
  };
}
