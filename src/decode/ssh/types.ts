/** SSH record shapes (RFC 4253 §4.2 identification, §7.1 KEXINIT; HASSH) and per-flow framing state. */
import type { RecordBody } from '../types.js';

export interface SshBannerRecord extends RecordBody {
  kind: 'banner';
  /** The whole identification line without CR LF: `SSH-2.0-OpenSSH_9.2p1 Debian-2`. */
  software: string;
  protoVersion: string;
  /** softwareversion split at its first `_` (or `-` before a digit): `OpenSSH` / `9.2p1`. */
  softwareName: string;
  softwareVersion: string | null;
  comments: string | null;
}

/** The algorithm lists of one side's first KEXINIT, with its HASSH (client) or HASSHServer fingerprint. */
export interface SshKexinitRecord extends RecordBody {
  kind: 'kexinit';
  hassh?: string;
  hasshServer?: string;
  /** The string HASSH hashes: `kex;encryption;mac;compression` of this side's direction. */
  hasshAlgorithms: string;
  kexAlgorithms: string[];
  hostKeyAlgorithms: string[];
  encryptionAlgorithms: string[];
  macAlgorithms: string[];
  compressionAlgorithms: string[];
}

export type SshRecord = SshBannerRecord | SshKexinitRecord;

/** Per direction: reading the identification line, then the first binary packet, then nothing. */
export type SshPhase = 'ident' | 'packet' | 'done';

export interface SshState {
  readonly tag: 'ssh';
  out: SshPhase;
  in: SshPhase;
}

export function createSshState(): SshState {
  return { tag: 'ssh', out: 'ident', in: 'ident' };
}

export function isSshState(s: unknown): s is SshState {
  return typeof s === 'object' && s !== null && (s as { tag?: unknown }).tag === 'ssh';
}
