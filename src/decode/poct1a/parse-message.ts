/**
 * CLSI POCT1-A2 device messaging layer (XML): header, DEV (device identity) and DST (status) elements of one message.
 * Only the named device elements are read; PT (patient), OPR (operator) and OBS values are never copied.
 */
import { cleanString } from '../text.js';
import type { Poct1aRecord } from './types.js';

/** The `V` attribute of the first `<NAME …>` element, else its text content. */
export function elementValue(xml: string, name: string): string | null {
  const open = xml.indexOf(`<${name}`);
  if (open < 0) return null;
  const after = xml.charCodeAt(open + name.length + 1);
  // the next character must end the name (space, '/', '>'), so DEV.sw_version does not match DEV.sw_version_x
  if (after !== 0x20 && after !== 0x2f && after !== 0x3e && after !== 0x09 && after !== 0x0a && after !== 0x0d) return null;
  const close = xml.indexOf('>', open);
  if (close < 0) return null;
  const tag = xml.slice(open, close);
  const v = /\sV\s*=\s*("([^"]*)"|'([^']*)')/.exec(tag);
  const attr = v ? cleanString(unescapeXml(v[2] ?? v[3] ?? '')) : null;
  if (attr !== null || tag.endsWith('/')) return attr;
  const end = xml.indexOf(`</${name}`, close);
  return end < 0 ? null : cleanString(unescapeXml(xml.slice(close + 1, Math.min(end, close + 1 + 1024))));
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '');
}

/** A PT element holding anything (an attribute value or text) other than nothing. */
function patientPresent(xml: string): boolean {
  const re = /<PT[.>\s]/g;
  for (let m = re.exec(xml), n = 0; m !== null && n < 100; m = re.exec(xml), n++) {
    const end = xml.indexOf('>', m.index);
    const tag = xml.slice(m.index, end < 0 ? xml.length : end);
    if (/\sV\s*=\s*"[^"\s]/.test(tag) || /\sV\s*=\s*'[^'\s]/.test(tag)) return true;
    if (end >= 0 && tag.startsWith('<PT.') && !tag.endsWith('/')) {
      const text = xml.slice(end + 1, xml.indexOf('<', end + 1));
      if (text.trim().length > 0) return true;
    }
  }
  return false;
}

/** One complete POCT1-A message (its root element's name is `root`). */
export function parseMessage(xml: string, root: string): Poct1aRecord {
  const messageType = elementValue(xml, 'HDR.message_type') ?? root;
  const base = { messageType, controlId: elementValue(xml, 'HDR.control_id'), patientDataPresent: patientPresent(xml) };
  if (root.startsWith('HEL.')) {
    return {
      kind: 'hello',
      ...base,
      vendor: elementValue(xml, 'DEV.vendor_id'),
      model: elementValue(xml, 'DEV.model_id'),
      serial: elementValue(xml, 'DEV.serial_id'),
      softwareVersion: elementValue(xml, 'DEV.sw_version'),
      hardwareVersion: elementValue(xml, 'DEV.hw_version'),
      deviceName: elementValue(xml, 'DEV.device_name'),
      deviceId: elementValue(xml, 'DEV.device_id'),
    };
  }
  if (root.startsWith('DST.')) {
    const qty = elementValue(xml, 'DST.new_observations_qty');
    const n = qty === null ? NaN : Number(qty);
    return {
      kind: 'device-status',
      ...base,
      conditionCode: elementValue(xml, 'DST.condition_cd'),
      newObservations: Number.isFinite(n) ? n : null,
    };
  }
  return { kind: 'message', ...base };
}
