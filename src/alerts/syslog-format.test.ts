/** RFC 5424 formatting: a strict parser reads every field back; BOM only for UTF-8; size bounds keep messages parseable. */
import { describe, expect, it } from 'vitest';
import { device, NOW_MS } from '../risk/test-support/fixtures.js';
import { buildAlertEvent } from './build-event.js';
import { formatCef } from './cef.js';
import { encodeBounded, formatSyslog } from './syslog-format.js';
import { parseCef } from './test-support/cef-parse.js';
import { parse5424 } from './test-support/rfc5424.js';
import type { AlertEvent } from './types.js';

const header = { facility: 'local4', hostname: 'sensor 1', procId: '4242', productVersion: '0.1.0"]\\', sequenceId: 7 } as const;

function event(hostname: string): AlertEvent {
  return buildAlertEvent({ kind: 'device-new', device: device({ hostnames: [hostname], risk: { score: 80, level: 'high', reasons: [] } }) }, { nowMs: NOW_MS }) as AlertEvent;
}

describe('formatSyslog', () => {
  it('PRI, VERSION, TIMESTAMP, HOSTNAME, APP-NAME, PROCID, MSGID, SD and the CEF MSG all parse', () => {
    const e = event('CT01');
    const cef = formatCef(e, { productVersion: '0.1.0' });
    const m = parse5424(Buffer.from(formatSyslog(e, cef, header)));
    expect(m).toMatchObject({ facility: 20, severity: 3, version: 1, timestamp: new Date(NOW_MS).toISOString(), hostname: 'sensor_1', appName: 'wardwatch', procId: '4242', msgId: 'device-new', bom: false, msg: cef });
    expect(m.sd.get('origin')?.get('swVersion')).toBe('0.1.0"]\\');
    expect(m.sd.get('meta')?.get('sequenceId')).toBe('7');
    expect(parseCef(m.msg).ext.get('shost')).toBe('CT01');
  });

  it('a non-ASCII MSG starts with the UTF-8 BOM (RFC 5424 §6.4); an ASCII one does not', () => {
    const e = event('Station Ü');
    const m = parse5424(Buffer.from(formatSyslog(e, formatCef(e, { productVersion: '0.1.0' }), header)));
    expect(m.bom).toBe(true);
    expect(parseCef(m.msg).ext.get('shost')).toBe('Station Ü');
  });
});

describe('encodeBounded', () => {
  it('leaves a short message alone', () => {
    expect(encodeBounded('abc', 10).toString()).toBe('abc');
  });

  it('cuts on a character boundary, never inside a UTF-8 sequence', () => {
    const b = encodeBounded('aé😀', 4);
    expect(b.toString('utf8')).toBe('aé');
    expect(b.length).toBe(3);
  });

  it('never ends on half of an escape', () => {
    expect(encodeBounded('ab\\\\cd', 3).toString()).toBe('ab');
    expect(encodeBounded('ab\\\\cd', 4).toString()).toBe('ab\\\\');
  });
});
