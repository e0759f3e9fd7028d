/** FTP record shapes (RFC 959 §4.2 replies, §4.1.1 USER/PASS; RFC 4217 §4 AUTH TLS) and per-flow state. */
import type { DefaultCredentials } from '../common/default-credentials.js';
import type { DecoderDeps, RecordBody } from '../types.js';

/** The server's 220 greeting. */
export interface FtpBannerRecord extends RecordBody {
  kind: 'banner';
  banner: string;
}

/** One USER (+ PASS) attempt, recorded when the server answers it; the password is never kept. */
export interface FtpLoginRecord extends RecordBody {
  kind: 'login';
  /** The client logged in: the record's src is the client although the server's reply completed it. */
  actor: 'client';
  user: string;
  /** 2xx reply: true; 4xx/5xx: false; 3xx (e.g. 332 need account): null. */
  success: boolean | null;
  /** USER anonymous / ftp (RFC 1635): a guest login, not a credential. */
  anonymous: boolean;
  /** The pair matches a published default (never true for anonymous logins). */
  defaultCredential: boolean;
  /** Reply code that decided `success`. */
  replyCode: number;
  banner: string | null;
}

/** AUTH TLS / AUTH SSL, recorded with the server's answer (234 = the stream turns into TLS). */
export interface FtpStarttlsRecord extends RecordBody {
  kind: 'starttls';
  mechanism: string;
  success: boolean;
  replyCode: number;
  banner: string | null;
}

export type FtpRecord = FtpBannerRecord | FtpLoginRecord | FtpStarttlsRecord;

/** What the client's last command was waiting for. */
export type FtpPending = 'none' | 'user' | 'pass' | 'auth';

export interface FtpState {
  readonly tag: 'ftp';
  readonly credentials: DefaultCredentials;
  banner: string | null;
  /** Code of a multi-line reply in progress (RFC 959 §4.2: `ddd-` … `ddd `), else 0. */
  multiCode: number;
  multiText: string;
  pending: FtpPending;
  user: string | null;
  /** Whether the PASS matched a default: computed at PASS time so the password is never stored. */
  passDefault: boolean;
  authMechanism: string;
  /** After a 234 reply both directions carry TLS: stop reading lines. */
  tls: boolean;
}

export function createFtpState(deps: DecoderDeps): FtpState {
  return { tag: 'ftp', credentials: deps.credentials, banner: null, multiCode: 0, multiText: '', pending: 'none', user: null, passDefault: false, authMechanism: '', tls: false };
}

export function isFtpState(s: unknown): s is FtpState {
  return typeof s === 'object' && s !== null && (s as { tag?: unknown }).tag === 'ftp';
}
