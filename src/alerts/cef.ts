/**
 * An alert event as an ArcSight CEF line (CEF rev 25): `CEF:0|Vendor|Product|Version|SignatureID|Name|Severity|ext`.
 * Extension keys are the dictionary's own (src, dst, smac, dmac, shost, dhost, spt/dpt, proto, cat, act, msg, rt,
 * externalId, cs1-cs6 with labels, cn1 with label, c6a2/c6a3 for IPv6), each value bounded to the dictionary's length.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { cefExtensionValue, cefHeader } from './cef-escape.js';
import { FINDING_NAMES } from './finding-names.js';
import { cefSeverity } from './risk-level.js';
import type { AlertDevice, AlertEvent } from './types.js';

export const CEF_VENDOR = 'wardwatch';
export const CEF_PRODUCT = 'wardwatch';

/** Header lengths from the CEF guide: vendor/product/version 63, signature id 1023, name 512. */
const HEADER_MAX = { vendor: 63, product: 63, version: 31, signature: 1023, name: 512 } as const;
/** Extension lengths from the CEF dictionary; keys not listed (addresses, numbers) are short by construction. */
const EXT_MAX: Readonly<Record<string, number>> = { msg: 1023, shost: 1023, dhost: 1023, cat: 1023, act: 63, externalId: 40, proto: 31, app: 31 };
const CUSTOM_STRING_MAX = 4000;
const LABEL_MAX = 1023;

export interface CefOptions {
  productVersion: string;
}

const NAMES: Readonly<Record<Exclude<AlertEvent['kind'], 'finding-new' | 'finding-reopened'>, string>> = {
  'device-new': 'New device',
  'device-changed': 'Device changed',
  'segmentation-violation': 'Segmentation policy violation',
  'ingest-status': 'Ingest status',
  test: 'Test alert',
};

type Ext = [key: string, value: string | number | null | undefined][];

function signature(e: AlertEvent): string {
  return e.kind === 'finding-new' || e.kind === 'finding-reopened' ? `${e.kind}:${e.finding.kind}` : e.kind;
}

function eventName(e: AlertEvent): string {
  if (e.kind === 'finding-new') return FINDING_NAMES[e.finding.kind];
  if (e.kind === 'finding-reopened') return `${FINDING_NAMES[e.finding.kind]} (re-opened)`;
  return NAMES[e.kind];
}

/** src/dst take IPv4 only (CEF dictionary); an IPv6 address goes to c6a2 (source) / c6a3 (destination). */
function endpoint(d: AlertDevice | null, side: 's' | 'd'): Ext {
  if (d === null) return [];
  const ip = d.ip;
  const v6 = side === 's' ? 'c6a2' : 'c6a3';
  return [
    [side === 's' ? 'src' : 'dst', ip !== null && isIPv4(ip) ? ip : null],
    [v6, ip !== null && isIPv6(ip) ? ip : null],
    [`${v6}Label`, ip !== null && isIPv6(ip) ? (side === 's' ? 'Source IPv6 Address' : 'Destination IPv6 Address') : null],
    [`${side}mac`, d.mac],
    [`${side}host`, d.hostname],
  ];
}

function deviceFields(d: AlertDevice | null): Ext {
  if (d === null) return [];
  const vendorModel = [d.vendor, d.model].filter((x) => x !== null).join(' ');
  return [
    ['cs1Label', 'deviceId'], ['cs1', d.id],
    ['cs2Label', 'deviceVendorModel'], ['cs2', vendorModel === '' ? null : vendorModel],
    ['cs3Label', 'zone'], ['cs3', d.zone],
    ['cs4Label', 'deviceType'], ['cs4', d.type ?? d.category],
    ['cn1Label', 'riskScore'], ['cn1', d.riskScore],
  ];
}

function kindFields(e: AlertEvent): Ext {
  switch (e.kind) {
    case 'device-new':
      return [...endpoint(e.device, 's'), ...deviceFields(e.device), ['act', 'new']];
    case 'device-changed':
      return [
        ...endpoint(e.device, 's'), ...deviceFields(e.device), ['act', 'changed'],
        ['cs6Label', 'changes'], ['cs6', e.changes.map((c) => `${c.field}: ${c.from ?? '-'} -> ${c.to ?? '-'}`).join('; ')],
      ];
    case 'finding-new':
    case 'finding-reopened': {
      const f = e.finding;
      const ext: Ext = [...endpoint(e.device, 's'), ...deviceFields(e.device), ['act', e.kind === 'finding-new' ? 'new' : 'reopened']];
      ext.push(['cs5Label', 'findingKind'], ['cs5', f.kind], ['cs6Label', 'findingId'], ['cs6', f.id]);
      ext.push(['cn2Label', 'findingRiskScore'], ['cn2', f.riskScore], ['cn3Label', 'kev'], ['cn3', f.kev ? 1 : 0]);
      if (f.cves.length > 0) ext.push(['flexString1Label', 'cves'], ['flexString1', f.cves.join(',')]);
      if (f.service !== null) ext.push(['app', f.service]);
      return ext;
    }
    case 'segmentation-violation': {
      const c = e.conduit;
      return [
        ...endpoint(e.client, 's'), ...endpoint(e.server, 'd'), ['act', 'violation'],
        ['cs1Label', 'clientDeviceId'], ['cs1', e.client?.id], ['cs2Label', 'serverDeviceId'], ['cs2', e.server?.id],
        ['cs3Label', 'fromZone'], ['cs3', c.fromZone], ['cs4Label', 'toZone'], ['cs4', c.toZone],
        ['proto', c.proto], ['dpt', c.port], ['app', c.app], ['cnt', c.flows], ['in', c.bytes],
      ];
    }
    case 'ingest-status':
      return [['act', e.ingest.state], ['cn1Label', 'packetsPerSec'], ['cn1', e.ingest.packetsPerSec], ['cn2Label', 'drops'], ['cn2', e.ingest.drops], ['fname', e.ingest.lastFile]];
    case 'test':
      return [['act', 'test']];
  }
}

function maxFor(key: string): number {
  if (key.endsWith('Label')) return LABEL_MAX;
  return EXT_MAX[key] ?? CUSTOM_STRING_MAX;
}

/** The CEF line for `event` (no trailing newline; syslog framing adds what it needs). */
export function formatCef(event: AlertEvent, opts: CefOptions): string {
  const header = [
    'CEF:0',
    cefHeader(CEF_VENDOR, HEADER_MAX.vendor),
    cefHeader(CEF_PRODUCT, HEADER_MAX.product),
    cefHeader(opts.productVersion, HEADER_MAX.version),
    cefHeader(signature(event), HEADER_MAX.signature),
    cefHeader(eventName(event), HEADER_MAX.name),
    String(cefSeverity(event.level)),
  ].join('|');
  const ext: Ext = [['rt', event.tsMs], ['externalId', event.id], ['cat', event.kind], ['msg', event.summary], ...kindFields(event)];
  const parts: string[] = [];
  for (const [key, value] of ext) {
    if (value === null || value === undefined || value === '') continue;
    parts.push(`${key}=${cefExtensionValue(String(value), maxFor(key))}`);
  }
  return `${header}|${parts.join(' ')}`;
}
