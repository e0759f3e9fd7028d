/**
 * Where the server listens: `HOST:PORT` parsed (IPv6 as `[::1]:8443`), and the rule that keeps logins off the
 * network in clear text: a non-loopback address needs TLS, or the operator's explicit word that something in front
 * of wardwatch (a TLS proxy) provides it.
 */
import { isIP } from 'node:net';
import { AppError, ErrorCode } from '../util/app-error.js';

export const DEFAULT_LISTEN = '127.0.0.1:8443';

export interface ListenAddress {
  host: string;
  port: number;
}

export function parseListen(text: string): ListenAddress {
  const m = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(text.trim());
  const host = m?.[1] ?? m?.[2];
  const port = Number(m?.[3]);
  if (m === null || host === undefined || !Number.isInteger(port) || port > 65535) {
    throw new AppError(ErrorCode.BadArgument, `--listen: expected HOST:PORT (127.0.0.1:8443, [::1]:8443), not '${text.slice(0, 80)}'`);
  }
  if (m[1] !== undefined && isIP(host) !== 6) throw new AppError(ErrorCode.BadArgument, `--listen: '${host}' is not an IPv6 address`);
  return { host, port };
}

/** 127.0.0.0/8, ::1 and `localhost`: reachable from this machine only. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** Refuses a network-facing address without TLS unless `insecure` (the operator's `--insecure-listen`). */
export function checkExposure(address: ListenAddress, tls: boolean, insecure: boolean): void {
  if (tls || insecure || isLoopback(address.host)) return;
  throw new AppError(ErrorCode.BadArgument,
    `refusing to listen on ${address.host}:${String(address.port)} without TLS: passwords, session cookies and API tokens would cross the network in clear text. ` +
    'Give --tls-cert and --tls-key, or --insecure-listen if a TLS proxy in front of wardwatch terminates it');
}
