/** The alerts config: a full valid config with its defaults, and bad ones refused with every problem named by path. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../util/app-error.js';
import { parseAlertsConfig } from './config.js';

const SECRET = 'x'.repeat(40);

function errorOf(value: unknown): string {
  try {
    parseAlertsConfig(value);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error('no error');
}

describe('parseAlertsConfig', () => {
  it('reads destinations and rules, filling defaults', () => {
    const c = parseAlertsConfig({
      destinations: [
        { name: 'siem', type: 'syslog', transport: 'tls', host: 'siem.example.org', tls: { caFile: '/etc/ssl/ca.pem', serverName: 'siem' } },
        { name: 'udp', type: 'syslog', host: '10.0.0.9' },
        { name: 'soc', type: 'webhook', url: 'https://soc.example.org/hook', secret: SECRET },
      ],
      rules: [{ kinds: ['finding-new', 'finding-reopened'], minRisk: 'high', zones: ['infusion', 'life-support'], destinations: ['siem', 'soc'] }, { destinations: ['udp'] }],
    });
    expect(c.destinations).toEqual([
      { name: 'siem', type: 'syslog', transport: 'tls', host: 'siem.example.org', port: 6514, facility: 'local0', maxMessageBytes: 8192, maxQueue: 10_000, tls: { caFile: '/etc/ssl/ca.pem', serverName: 'siem' } },
      { name: 'udp', type: 'syslog', transport: 'udp', host: '10.0.0.9', port: 514, facility: 'local0', maxMessageBytes: 2048, maxQueue: 10_000 },
      { name: 'soc', type: 'webhook', url: 'https://soc.example.org/hook', secret: SECRET, timeoutMs: 5000, maxAttempts: 5 },
    ]);
    expect(c.rules).toEqual([
      { name: 'rule 1', kinds: ['finding-new', 'finding-reopened'], minRisk: 'high', zones: ['infusion', 'life-support'], destinations: ['siem', 'soc'] },
      { name: 'rule 2', kinds: null, minRisk: 'info', zones: null, destinations: ['udp'] },
    ]);
  });

  it('an empty object is a valid config that sends nothing', () => {
    expect(parseAlertsConfig({})).toEqual({ destinations: [], rules: [] });
  });

  it('names every problem with its path, and never echoes the secret', () => {
    const msg = errorOf({
      destinations: [
        { name: 'a b', type: 'syslog', transport: 'sctp', host: 'h', port: 70000, tls: { caFile: 'x' } },
        { name: 'soc', type: 'webhook', url: 'ftp://x', secret: 'short-secret-123' },
        { name: 'soc', type: 'webhook', url: 'https://x', secret: SECRET, retries: 3 },
      ],
      rules: [{ kinds: ['device-new', 'device-moved'], minRisk: 'severe', zones: ['icu'], destinations: ['nowhere'] }, {}],
      extra: true,
    });
    for (const part of [
      'destinations[0].name: must be letters',
      'destinations[0].transport: must be one of udp, tcp, tls, not "sctp"',
      'destinations[0].port: must be an integer from 1 to 65535',
      'destinations[0].tls: applies only to transport tls',
      'destinations[1].url: must be an http:// or https:// URL',
      'destinations[1].secret: must be at least 32 characters',
      'destinations[2].retries: is not a known setting',
      "destinations[2].name: 'soc' is used twice",
      'rules[0].kinds[1]: must be one of',
      'rules[0].minRisk: must be one of critical, high, medium, low, info, not "severe"',
      'rules[0].zones[0]: must be one of',
      "rules[0].destinations: names 'nowhere', which is not a destination",
      'rules[1].destinations: is required',
      'extra: is not a known setting',
    ]) expect(msg).toContain(part);
    expect(msg).not.toContain('short-secret-123');
  });

  it('refuses what is not an object, lists that are not lists, a client cert without its key', () => {
    expect(errorOf(null)).toContain(': must be an object');
    expect(errorOf({ destinations: {} })).toContain('destinations: must be a list');
    expect(errorOf({ destinations: [{ name: 't', type: 'syslog', transport: 'tls', host: 'h', tls: { certFile: '/c.pem' } }] })).toContain('destinations[0].tls.certFile: a client certificate needs both certFile and keyFile');
  });
});
