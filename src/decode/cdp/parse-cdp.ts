/** CDP frame parsing: 802.2 LLC/SNAP (OUI 00000c, PID 0x2000), header, then type-length-value fields. */
import { ByteCursor, OutOfBounds } from '../common/byte-cursor.js';
import { bytesText, hexText, ipv4At, ipv6At } from '../common/text.js';
import type { DecodeResult } from '../types.js';
import type { CdpRecord } from './types.js';

/** LLC DSAP AA, SSAP AA, UI 03; SNAP OUI 00-00-0C (Cisco), protocol 0x2000 (CDP). */
export const CDP_SNAP = [0xaa, 0xaa, 0x03, 0x00, 0x00, 0x0c, 0x20, 0x00] as const;
const TLV = { DeviceId: 0x01, Addresses: 0x02, PortId: 0x03, Capabilities: 0x04, Software: 0x05, Platform: 0x06, VtpDomain: 0x09, NativeVlan: 0x0a, MgmtAddresses: 0x16 } as const;
/** Capability bits in TLV 4 (bit 0 first). */
const CAPABILITIES = ['router', 'transparent-bridge', 'source-route-bridge', 'switch', 'host', 'igmp', 'repeater', 'phone', 'remote', 'cvta', 'mac-relay'];
const MAX_TLVS = 256;
const MAX_ADDRESSES = 16;
/** Address entry: protocol type 1 = NLPID (0xcc = IPv4), 2 = 802.2 (SNAP header ending in 0x86dd = IPv6). */
const NLPID = 1;
const NLPID_IPV4 = 0xcc;

function addressList(c: ByteCursor, out: string[]): void {
  const count = c.u32();
  for (let i = 0; i < count && i < MAX_ADDRESSES && c.remaining > 0; i++) {
    const ptype = c.u8();
    const proto = c.bytes(c.u8());
    const addr = c.bytes(c.u16());
    if (ptype === NLPID && proto.length === 1 && proto[0] === NLPID_IPV4 && addr.length === 4) out.push(ipv4At(addr, 0));
    else if (addr.length === 16 && proto[proto.length - 2] === 0x86 && proto[proto.length - 1] === 0xdd) out.push(ipv6At(addr, 0));
    else out.push(hexText(addr));
  }
}

/** IOS puts its version banner on several lines: keep them, joined by a space (cleanText would glue them). */
function linesText(b: Uint8Array): string {
  const copy = b.slice(0, 1024);
  for (let i = 0; i < copy.length; i++) if (copy[i] === 0x0a || copy[i] === 0x0d) copy[i] = 0x20;
  return bytesText(copy, 512).replace(/ {2,}/g, ' ');
}

export function parseCdp(frame: Uint8Array): DecodeResult<CdpRecord> {
  const result: DecodeResult<CdpRecord> = { records: [], issues: [] };
  const c = new ByteCursor(frame);
  try {
    c.skip(CDP_SNAP.length);
    const version = c.u8();
    const ttl = c.u8();
    c.skip(2); // checksum
    const rec: CdpRecord = {
      kind: 'announce', version, ttl, deviceId: null, systemName: null, portId: null, platform: null,
      softwareVersion: null, systemDescription: null, managementAddress: null, addresses: [], capabilities: [],
      nativeVlan: null, vtpDomain: null,
    };
    const mgmt: string[] = [];
    for (let n = 0; n < MAX_TLVS && c.remaining >= 4; n++) {
      const type = c.u16();
      const len = c.u16();
      if (len < 4) {
        result.issues.push({ code: 'cdp-bad-tlv', offset: c.pos - 2, message: `TLV length ${len} is shorter than its header` });
        break;
      }
      const v = c.sub(len - 4);
      const bytes = v.buf.subarray(v.pos, v.end);
      if (type === TLV.DeviceId) rec.deviceId = rec.systemName = bytesText(bytes);
      else if (type === TLV.PortId) rec.portId = bytesText(bytes);
      else if (type === TLV.Platform) rec.platform = bytesText(bytes);
      else if (type === TLV.Software) rec.softwareVersion = rec.systemDescription = linesText(bytes);
      else if (type === TLV.VtpDomain) rec.vtpDomain = bytesText(bytes);
      else if (type === TLV.NativeVlan) rec.nativeVlan = v.u16();
      else if (type === TLV.Capabilities) {
        const bits = v.u32();
        rec.capabilities = CAPABILITIES.filter((_, i) => (bits & (1 << i)) !== 0);
      } else if (type === TLV.Addresses) addressList(v, rec.addresses);
      else if (type === TLV.MgmtAddresses) addressList(v, mgmt);
    }
    rec.managementAddress = mgmt[0] ?? rec.addresses[0] ?? null;
    result.records.push(rec);
  } catch (e) {
    if (!(e instanceof OutOfBounds)) throw e;
    result.issues.push({ code: 'truncated', offset: e.offset, message: e.message });
  }
  return result;
}
