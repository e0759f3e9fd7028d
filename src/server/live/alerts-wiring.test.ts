/**
 * Live events reach the alert destinations: what the ingest job posts goes through the hub's bus to the dispatcher,
 * which routes it by its rules to a real UDP syslog receiver and a real webhook receiver on loopback. And
 * `wardwatch alerts test` sends the test message to each destination and says how each went.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildAlertEvent } from '../../alerts/build-event.js';
import { parseAlertsConfig } from '../../alerts/config.js';
import { parseCef } from '../../alerts/test-support/cef-parse.js';
import { udpReceiver, webhookReceiver, type SyslogReceiver, type WebhookReceiver } from '../../alerts/test-support/receivers.js';
import { parse5424 } from '../../alerts/test-support/rfc5424.js';
import type { AlertEvent } from '../../alerts/types.js';
import { verifyWebhook } from '../../alerts/webhook-signature.js';
import { startCli } from '../../cli/test-support/run-cli.js';
import { device, finding, NOW_MS } from '../../risk/test-support/fixtures.js';
import { wireAlerts } from './alerts-wiring.js';
import { LiveHub } from './live-hub.js';

const SECRET = 'k'.repeat(40);

function built(e: AlertEvent | null): AlertEvent {
  if (e === null) throw new Error('no event');
  return e;
}

const newWorkstation = (): AlertEvent => built(buildAlertEvent({ kind: 'device-new', device: device({ id: 'ws-1', category: 'it', type: 'workstation', hostnames: ['WS01'] }) }, { nowMs: NOW_MS }));
const pumpFinding = (severity: 'high' | 'low'): AlertEvent => built(buildAlertEvent({ kind: 'finding', reopened: false, device: device({ category: 'infusion' }), finding: finding({ severity, risk: null }) }, { nowMs: NOW_MS }));

let syslog: SyslogReceiver;
let hook: WebhookReceiver;
beforeEach(async () => {
  syslog = await udpReceiver();
  hook = await webhookReceiver(() => 204);
});
afterEach(async () => {
  await syslog.close();
  await hook.close();
});

function config(): ReturnType<typeof parseAlertsConfig> {
  return parseAlertsConfig({
    destinations: [
      { name: 'siem', type: 'syslog', transport: 'udp', host: '127.0.0.1', port: syslog.port },
      { name: 'soc', type: 'webhook', url: hook.url, secret: SECRET, maxAttempts: 1 },
    ],
    rules: [
      { name: 'new devices', kinds: ['device-new'], destinations: ['siem'] },
      { name: 'pumps', kinds: ['finding-new'], minRisk: 'high', zones: ['infusion'], destinations: ['soc'] },
    ],
  });
}

async function settle(ms = 300): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

describe('serve --alerts: bus to destinations', () => {
  it('sends each event where its rule says, and nowhere else', async () => {
    const hub = new LiveHub();
    const alerts = wireAlerts(hub.bus, config(), undefined);
    try {
      // As the ingest job posts them.
      hub.handle({ type: 'events', events: [newWorkstation(), pumpFinding('low'), pumpFinding('high')] });
      const [line] = await syslog.waitFor(1);
      await settle();
      expect(syslog.messages).toHaveLength(1);
      const msg = parse5424(line ?? Buffer.alloc(0));
      expect(msg.msgId).toBe('device-new');
      const cef = parseCef(msg.msg);
      expect(cef.signatureId).toBe('device-new');
      expect(cef.ext.get('shost')).toBe('WS01');

      expect(hook.requests).toHaveLength(1);
      const req = hook.requests[0];
      if (req === undefined) throw new Error('no webhook request');
      expect(verifyWebhook({ secret: SECRET, headers: req.headers, body: req.body, nowMs: Date.now() })).toMatchObject({ ok: true });
      const body = JSON.parse(req.body.toString('utf8')) as AlertEvent;
      expect(body).toMatchObject({ kind: 'finding-new', level: 'high' });
      // The alert and the SSE stream carry the same event.
      expect(hub.bus.since(null).events.map((e) => e.event.id)).toContain(body.id);
    } finally {
      await alerts.close();
    }
  });

  it('stops sending once closed', async () => {
    const hub = new LiveHub();
    const alerts = wireAlerts(hub.bus, config(), undefined);
    await alerts.close();
    hub.handle({ type: 'events', events: [newWorkstation()] });
    await settle();
    expect(syslog.messages).toHaveLength(0);
  });
});

describe('wardwatch alerts test', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(path.join(tmpdir(), 'ww-alerts-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  async function alertsTest(destinations: unknown[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const file = path.join(dir, 'alerts.json');
    writeFileSync(file, JSON.stringify({ destinations, rules: [] }));
    // Spawned, not run synchronously: the receivers live in this process and must answer meanwhile.
    const child = startCli(['alerts', 'test', '--alerts', file, '--timeout', '3']);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => { stdout += c.toString('utf8'); });
    child.stderr?.on('data', (c: Buffer) => { stderr += c.toString('utf8'); });
    const code = await new Promise<number | null>((r) => child.once('close', r));
    return { code, stdout, stderr };
  }

  it('reports each destination that took the test message', async () => {
    const r = await alertsTest([
      { name: 'siem', type: 'syslog', transport: 'udp', host: '127.0.0.1', port: syslog.port },
      { name: 'soc', type: 'webhook', url: hook.url, secret: SECRET },
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok +siem +sent.+\nok +soc +.+\n$/);
    expect(parse5424((await syslog.waitFor(1))[0] ?? Buffer.alloc(0)).msgId).toBe('test');
    expect(JSON.parse(hook.requests[0]?.body.toString('utf8') ?? '{}')).toMatchObject({ kind: 'test' });
  });

  it('says which destination failed and exits 1', async () => {
    const refusing = await webhookReceiver(() => 403);
    try {
      const r = await alertsTest([
        { name: 'siem', type: 'syslog', transport: 'udp', host: '127.0.0.1', port: syslog.port },
        { name: 'soc', type: 'webhook', url: refusing.url, secret: SECRET, maxAttempts: 1 },
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^ok +siem +.+\nFAIL +soc +.*403.*\n$/);
      expect(r.stderr).toBe('error: 1 of 2 alert destinations did not take the test message\n');
    } finally {
      await refusing.close();
    }
  });

  it('refuses a bad configuration with every problem named', async () => {
    const r = await alertsTest([{ name: 'x', type: 'syslog', transport: 'carrier-pigeon', host: '127.0.0.1' }]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: alerts config: destinations\[0\]\.transport: must be one of udp, tcp, tls/);
  });
});
