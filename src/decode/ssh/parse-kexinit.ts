/** SSH_MSG_KEXINIT (RFC 4253 §6 packet, §7.1 payload) and its HASSH fingerprint (salesforce/hassh README). */
import { createHash } from 'node:crypto';
import { ByteCursor, latin1 } from '../common/byte-cursor.js';
import { cleanText } from '../common/text.js';
import type { SshKexinitRecord } from './types.js';

/** RFC 4253 §12: SSH_MSG_KEXINIT. */
export const SSH_MSG_KEXINIT = 20;
/** Name-lists longer than this are cut (the hash still covers what was read). */
const MAX_NAME_LIST = 8192;
const MAX_NAMES = 64;

function nameList(c: ByteCursor): string {
  const n = c.u32();
  if (n > MAX_NAME_LIST) {
    c.skip(n);
    return '';
  }
  return latin1(c.bytes(n));
}

const names = (s: string): string[] => (s === '' ? [] : s.split(',').slice(0, MAX_NAMES).map((x) => cleanText(x, 64)));

/**
 * One binary packet (`uint32 length, byte padding, payload…`) holding KEXINIT; null when the packet is some other
 * message. `client` picks the client-to-server lists and the `hassh` field, else server-to-client and `hasshServer`.
 */
export function parseKexinit(packet: Uint8Array, client: boolean): SshKexinitRecord | null {
  const c = new ByteCursor(packet);
  const len = c.u32();
  c.skip(1); // padding length: the padding follows the payload and is not read
  const payload = c.sub(Math.min(len - 1, c.remaining));
  if (payload.u8() !== SSH_MSG_KEXINIT) return null;
  payload.skip(16); // cookie
  const kex = nameList(payload);
  const hostKey = nameList(payload);
  const encC2s = nameList(payload);
  const encS2c = nameList(payload);
  const macC2s = nameList(payload);
  const macS2c = nameList(payload);
  const compC2s = nameList(payload);
  const compS2c = nameList(payload);
  const enc = client ? encC2s : encS2c;
  const mac = client ? macC2s : macS2c;
  const comp = client ? compC2s : compS2c;
  const hasshAlgorithms = `${kex};${enc};${mac};${comp}`;
  const hash = createHash('md5').update(hasshAlgorithms, 'latin1').digest('hex');
  const rec: SshKexinitRecord = {
    kind: 'kexinit',
    hasshAlgorithms: cleanText(hasshAlgorithms, 2048),
    kexAlgorithms: names(kex),
    hostKeyAlgorithms: names(hostKey),
    encryptionAlgorithms: names(enc),
    macAlgorithms: names(mac),
    compressionAlgorithms: names(comp),
  };
  if (client) rec.hassh = hash;
  else rec.hasshServer = hash;
  return rec;
}
