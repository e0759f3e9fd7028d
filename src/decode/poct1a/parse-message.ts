/**
 * CLSI POCT1-A2 device messaging layer (XML): header, DEV (device identity) and DST (status) elements of one message.
 * Only the named device elements are read; PT (patient), OPR (operator) and OBS values are never copied: PT elements
 * are reported by name only (`PT.patient_id`).
 */
import { cleanString } from '../common/text.js';
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

/** PT sub-elements that are demographics rather than identifiers (as HL7's PID-8 sex and PID-10 race). */
const NOT_IDENTIFYING = /(gender|sex|race|ethnic)/i;
/** Element names are schema names (`PT.patient_id`), never values; anything else is not reported. */
const ELEMENT_NAME = /^PT\.[A-Za-z0-9_-]{1,48}$/;
const MAX_PHI_FIELDS = 16;

/** The element's value (V attribute or text) is not blank; `end` is the index of the tag's closing '>'. */
function holdsValue(xml: string, tag: string, end: number): boolean {
  if (/\sV\s*=\s*"[^"\s]/.test(tag) || /\sV\s*=\s*'[^'\s]/.test(tag)) return true;
  if (end < 0 || tag.endsWith('/')) return false;
  const next = xml.indexOf('<', end + 1);
  return xml.slice(end + 1, next < 0 ? xml.length : next).trim().length > 0;
}

/**
 * Presence of patient data (POCT1-A2 PT element: PT.patient_id, PT.name, PT.birth_date, PT.location …): whether
 * any PT element held a value, and the names of the identifying ones that did; `OBS.value` when an observation's
 * value travels with an identified patient (as HL7's OBX-5). Values are never copied.
 */
function patientData(xml: string): { present: boolean; phiFields: string[] } {
  const phiFields: string[] = [];
  let present = false;
  const re = /<PT[.>\s]/g;
  for (let m = re.exec(xml), n = 0; m !== null && n < 100; m = re.exec(xml), n++) {
    const end = xml.indexOf('>', m.index);
    const tag = xml.slice(m.index, end < 0 ? xml.length : end);
    if (!tag.startsWith('<PT.')) {
      present ||= /\sV\s*=\s*("[^"\s]|'[^'\s])/.test(tag); // a bare <PT V="…"> holds a value but names no field
      continue;
    }
    if (!holdsValue(xml, tag, end)) continue;
    present = true;
    const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
    if (ELEMENT_NAME.test(name) && !NOT_IDENTIFYING.test(name) && !phiFields.includes(name) && phiFields.length < MAX_PHI_FIELDS) phiFields.push(name);
  }
  if (phiFields.length > 0) {
    const obs = /<OBS\.value[\s/>]/g;
    for (let m = obs.exec(xml), n = 0; m !== null && n < 100; m = obs.exec(xml), n++) {
      const end = xml.indexOf('>', m.index);
      if (holdsValue(xml, xml.slice(m.index, end < 0 ? xml.length : end), end)) {
        phiFields.push('OBS.value');
        break;
      }
    }
  }
  return { present, phiFields };
}

/** One complete POCT1-A message (its root element's name is `root`). */
export function parseMessage(xml: string, root: string): Poct1aRecord {
  const messageType = elementValue(xml, 'HDR.message_type') ?? root;
  const pt = patientData(xml);
  const base = { messageType, controlId: elementValue(xml, 'HDR.control_id'), patientDataPresent: pt.present, phiFields: pt.phiFields };
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
