/**
 * The alerts configuration: destinations (syslog over UDP/TCP/TLS, signed webhooks) and rules (event kinds, minimum
 * risk, zones, destinations). Parsed from `unknown` once; every problem is reported together, each with its path.
 */
import { DEVICE_CATEGORIES } from '../identify/types.js';
import type { ZoneName } from '../segmentation/types.js';
import { AppError, ErrorCode } from '../util/app-error.js';
import { ConfigReader } from './config-reader.js';
import { RISK_LEVELS } from './risk-level.js';
import { SYSLOG_FACILITIES, type SyslogFacility } from './syslog-format.js';
import { ALERT_KINDS, type AlertKind, type RiskLevel } from './types.js';

export interface SyslogTlsConfig {
  caFile?: string;
  serverName?: string;
  certFile?: string;
  keyFile?: string;
}

export interface SyslogDestinationConfig {
  name: string;
  type: 'syslog';
  transport: 'udp' | 'tcp' | 'tls';
  host: string;
  port: number;
  facility: SyslogFacility;
  /** The whole syslog message, header included; longer ones are cut (RFC 5426 §3.2, RFC 5425 §4.3.1). */
  maxMessageBytes: number;
  maxQueue: number;
  tls?: SyslogTlsConfig;
}

export interface WebhookDestinationConfig {
  name: string;
  type: 'webhook';
  url: string;
  secret: string;
  timeoutMs: number;
  maxAttempts: number;
}

export type DestinationConfig = SyslogDestinationConfig | WebhookDestinationConfig;

export interface RuleConfig {
  name: string;
  /** null: every kind but `test`. */
  kinds: AlertKind[] | null;
  minRisk: RiskLevel;
  /** null: any zone. A rule with zones never matches an event without one (ingest status). */
  zones: ZoneName[] | null;
  destinations: string[];
}

export interface AlertsConfig {
  destinations: DestinationConfig[];
  rules: RuleConfig[];
}

export const ZONES: readonly ZoneName[] = [...DEVICE_CATEGORIES, 'external'];
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** RFC 5426 §3.2: IPv4 receivers must take 480 octets and should take 2048; RFC 5425 §4.3.1: 2048 must, 8192 should. */
const DEFAULT_MAX_BYTES = { udp: 2048, tcp: 8192, tls: 8192 } as const;
/** Largest UDP payload over IPv4 (65535 - 20 IP - 8 UDP). */
const UDP_MAX_BYTES = 65_507;
const STREAM_MAX_BYTES = 1_048_576;
/** 32 bytes of entropy written as hex or base64 is at least 43 characters; below 32 a secret is guessable-short. */
const MIN_SECRET_CHARS = 32;

function destination(value: unknown, path: string, errors: string[]): DestinationConfig | null {
  const r = ConfigReader.of(value, path, errors);
  if (r === null) return null;
  const name = r.str('name', { required: true });
  if (name !== undefined && !NAME.test(name)) r.error('name', 'must be letters, digits, dot, dash or underscore (1-64)');
  const type = r.oneOf('type', ['syslog', 'webhook'] as const, undefined);
  let out: DestinationConfig | null = null;
  if (type === 'syslog') {
    const transport = r.oneOf('transport', ['udp', 'tcp', 'tls'] as const, 'udp') ?? 'udp';
    const host = r.str('host', { required: true, max: 253 });
    const port = r.int('port', 1, 65535, transport === 'tls' ? 6514 : 514);
    const facility = r.oneOf('facility', Object.keys(SYSLOG_FACILITIES) as SyslogFacility[], 'local0') ?? 'local0';
    const maxMessageBytes = r.int('maxMessageBytes', 480, transport === 'udp' ? UDP_MAX_BYTES : STREAM_MAX_BYTES, DEFAULT_MAX_BYTES[transport]);
    const maxQueue = r.int('maxQueue', 1, 1_000_000, 10_000);
    let tls: SyslogTlsConfig | undefined;
    if (r.has('tls')) {
      if (transport !== 'tls') r.error('tls', 'applies only to transport tls');
      const t = ConfigReader.of(r.raw('tls'), `${path}.tls`, errors);
      if (t !== null) {
        const caFile = t.str('caFile');
        const serverName = t.str('serverName', { max: 253 });
        const certFile = t.str('certFile');
        const keyFile = t.str('keyFile');
        if ((certFile === undefined) !== (keyFile === undefined)) t.error('certFile', 'a client certificate needs both certFile and keyFile');
        t.unknownKeys();
        tls = { ...(caFile !== undefined ? { caFile } : {}), ...(serverName !== undefined ? { serverName } : {}), ...(certFile !== undefined ? { certFile } : {}), ...(keyFile !== undefined ? { keyFile } : {}) };
      }
    } else {
      r.raw('tls');
    }
    if (name !== undefined && host !== undefined) out = { name, type, transport, host, port, facility, maxMessageBytes, maxQueue, ...(tls !== undefined ? { tls } : {}) };
  } else if (type === 'webhook') {
    const url = r.str('url', { required: true, max: 2048 });
    if (url !== undefined && !/^https?:\/\//i.test(url)) r.error('url', 'must be an http:// or https:// URL');
    else if (url !== undefined && !URL.canParse(url)) r.error('url', 'is not a valid URL');
    const secret = r.str('secret', { required: true, min: MIN_SECRET_CHARS, max: 1024 });
    const timeoutMs = r.int('timeoutMs', 100, 120_000, 5000);
    const maxAttempts = r.int('maxAttempts', 1, 20, 5);
    if (name !== undefined && url !== undefined && secret !== undefined) out = { name, type, url, secret, timeoutMs, maxAttempts };
  }
  r.unknownKeys();
  return out;
}

function rule(value: unknown, path: string, index: number, names: ReadonlySet<string>, errors: string[]): RuleConfig | null {
  const r = ConfigReader.of(value, path, errors);
  if (r === null) return null;
  const name = r.str('name', { max: 64 }) ?? `rule ${index + 1}`;
  const kinds = r.list('kinds', ALERT_KINDS) ?? null;
  const minRisk = r.oneOf('minRisk', RISK_LEVELS, 'info') ?? 'info';
  const zones = r.list('zones', ZONES) ?? null;
  const destinations = r.list('destinations', null);
  if (destinations === undefined && !r.has('destinations')) r.error('destinations', 'is required (names of destinations)');
  for (const d of destinations ?? []) if (!names.has(d)) r.error('destinations', `names '${d}', which is not a destination`);
  r.unknownKeys();
  return destinations === undefined ? null : { name, kinds, minRisk, zones, destinations };
}

function list(value: unknown, key: string, errors: string[]): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push(`${key}: must be a list`);
    return [];
  }
  return value;
}

/** The configuration in `value` (parsed JSON or YAML), or an AppError listing every problem. */
export function parseAlertsConfig(value: unknown): AlertsConfig {
  const errors: string[] = [];
  const top = ConfigReader.of(value, '', errors);
  const destinations: DestinationConfig[] = [];
  const rules: RuleConfig[] = [];
  if (top !== null) {
    list(top.raw('destinations'), 'destinations', errors).forEach((d, i) => {
      const parsed = destination(d, `destinations[${i}]`, errors);
      if (parsed === null) return;
      if (destinations.some((x) => x.name === parsed.name)) errors.push(`destinations[${i}].name: '${parsed.name}' is used twice`);
      destinations.push(parsed);
    });
    const names = new Set(destinations.map((d) => d.name));
    list(top.raw('rules'), 'rules', errors).forEach((x, i) => {
      const parsed = rule(x, `rules[${i}]`, i, names, errors);
      if (parsed !== null) rules.push(parsed);
    });
    top.unknownKeys();
  }
  if (errors.length > 0) throw new AppError(ErrorCode.BadArgument, `alerts config: ${errors.join('; ')}`);
  return { destinations, rules };
}
