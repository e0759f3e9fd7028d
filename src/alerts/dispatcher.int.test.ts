/**
 * Routing and dispatch end to end: rules pick events by kind, minimum risk and zone; the dispatcher delivers them to
 * a real UDP syslog receiver and a real webhook receiver; a test message goes to one destination and says how it went.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { device, finding, NOW_MS } from '../risk/test-support/fixtures.js';
import { AppError } from '../util/app-error.js';
import { buildAlertEvent } from './build-event.js';
import { parseAlertsConfig, type RuleConfig } from './config.js';
import { AlertDispatcher } from './dispatcher.js';
import { routeEvent, ruleMatches } from './rules.js';
import { parseCef } from './test-support/cef-parse.js';
import { udpReceiver, webhookReceiver, type SyslogReceiver, type WebhookReceiver } from './test-support/receivers.js';
import { parse5424 } from './test-support/rfc5424.js';
import type { AlertEvent } from './types.js';
import { verifyWebhook } from './webhook-signature.js';

const SECRET = 's'.repeat(48);
const ID = { hostname: 'sensor-1', procId: '1', productVersion: '0.1.0' };

function findingEvent(level: 'critical' | 'high' | 'medium' | 'low' | 'info', category: 'infusion' | 'it', reopened = false): AlertEvent {
  return buildAlertEvent({ kind: 'finding', reopened, device: device({ category }), finding: finding({ severity: level }) }, { nowMs: NOW_MS }) as AlertEvent;
}

const rule = (over: Partial<RuleConfig>): RuleConfig => ({ name: 'r', kinds: null, minRisk: 'info', zones: null, destinations: ['a'], ...over });

describe('rules', () => {
  it('kind, minimum risk and zone must all match', () => {
    const r = rule({ kinds: ['finding-new'], minRisk: 'high', zones: ['infusion'] });
    expect(ruleMatches(r, findingEvent('high', 'infusion'))).toBe(true);
    expect(ruleMatches(r, findingEvent('critical', 'infusion'))).toBe(true);
    expect(ruleMatches(r, findingEvent('medium', 'infusion'))).toBe(false);
    expect(ruleMatches(r, findingEvent('high', 'it'))).toBe(false);
    expect(ruleMatches(r, findingEvent('high', 'infusion', true))).toBe(false);
  });

  it('a violation matches a zone rule by either end; ingest status never matches a zone rule; tests are never routed', () => {
    const conduit = { clientId: 'c', serverId: 's', clientIp: null, serverIp: null, proto: 'tcp', port: 22, app: null, flows: 1, bytes: 1, firstSeen: '2026-11-01T00:00:00Z', lastSeen: '2026-11-01T00:00:00Z' };
    const v = buildAlertEvent({ kind: 'segmentation-violation', violation: { conduit, fromZone: 'it', toZone: 'life-support' }, client: null, server: null }, { nowMs: NOW_MS }) as AlertEvent;
    const ingest = buildAlertEvent({ kind: 'ingest-status', status: { state: 'error', packetsPerSec: null, drops: null, lastFile: null } }, { nowMs: NOW_MS }) as AlertEvent;
    const test = buildAlertEvent({ kind: 'test' }, { nowMs: NOW_MS }) as AlertEvent;
    expect(ruleMatches(rule({ zones: ['life-support'] }), v)).toBe(true);
    expect(ruleMatches(rule({ zones: ['infusion'] }), v)).toBe(false);
    expect(ruleMatches(rule({ zones: ['it'] }), ingest)).toBe(false);
    expect(ruleMatches(rule({}), ingest)).toBe(true);
    expect(ruleMatches(rule({}), test)).toBe(false);
  });

  it('routes to each destination once, in rule order', () => {
    expect(routeEvent([rule({ destinations: ['b', 'a'] }), rule({ destinations: ['a', 'c'] }), rule({ minRisk: 'critical', destinations: ['d'] })], findingEvent('high', 'it'))).toEqual(['b', 'a', 'c']);
  });
});

describe('AlertDispatcher', () => {
  let syslog: SyslogReceiver | null = null;
  let hook: WebhookReceiver | null = null;
  let dispatcher: AlertDispatcher | null = null;
  afterEach(async () => {
    await dispatcher?.close();
    await syslog?.close();
    await hook?.close();
    dispatcher = null;
  });

  async function setUp(hookStatus = 204): Promise<AlertDispatcher> {
    syslog = await udpReceiver();
    hook = await webhookReceiver((req) => (verifyWebhook({ secret: SECRET, headers: req.headers, body: req.body, nowMs: Date.now() }).ok ? hookStatus : 401));
    const config = parseAlertsConfig({
      destinations: [{ name: 'siem', type: 'syslog', host: '127.0.0.1', port: syslog.port }, { name: 'soc', type: 'webhook', url: hook.url, secret: SECRET, maxAttempts: 1 }],
      rules: [{ minRisk: 'medium', destinations: ['siem'] }, { kinds: ['finding-new'], minRisk: 'high', zones: ['infusion'], destinations: ['soc'] }],
    });
    dispatcher = new AlertDispatcher({ config, identity: ID });
    return dispatcher;
  }

  it('sends each event where the rules say: high infusion finding to both, medium IT one to syslog only, info nowhere', async () => {
    const d = await setUp();
    expect(d.dispatch(findingEvent('high', 'infusion'))).toEqual(['siem', 'soc']);
    expect(d.dispatch(findingEvent('medium', 'it'))).toEqual(['siem']);
    expect(d.publish({ kind: 'device-new', device: device() }, NOW_MS)?.kind).toBe('device-new');
    const got = await syslog?.waitFor(2);
    expect(got?.map((b) => parseCef(parse5424(b).msg).severity)).toEqual([8, 5]);
    await new Promise((r) => setTimeout(r, 200));
    expect(hook?.requests).toHaveLength(1);
    expect(d.stats()).toMatchObject({ events: 3, routed: 3, unrouted: 1 });
  });

  it('a test message per destination reports delivery, and failure when the receiver refuses', async () => {
    const d = await setUp();
    expect(await d.test('soc', Date.now())).toEqual({ destination: 'soc', ok: true, detail: 'delivered (HTTP 204)' });
    expect(await d.test('siem', Date.now())).toMatchObject({ destination: 'siem', ok: true });
    const [b] = await syslog?.waitFor(1) ?? [];
    expect(parseCef(parse5424(b ?? Buffer.alloc(0)).msg)).toMatchObject({ signatureId: 'test', name: 'Test alert', severity: 0 });
    expect(JSON.parse(hook?.requests[0]?.body.toString() ?? '')).toMatchObject({ kind: 'test', summary: 'wardwatch test alert' });
    await expect(d.test('nope', Date.now())).rejects.toThrow(AppError);
  });

  it('a failing webhook test says why', async () => {
    const d = await setUp(500);
    expect(await d.test('soc', Date.now())).toEqual({ destination: 'soc', ok: false, detail: 'not delivered: HTTP 500' });
    const all = await d.testAll(Date.now());
    expect(all.map((o) => [o.destination, o.ok])).toEqual([['siem', true], ['soc', false]]);
  });
});
