/** LLDPDU parsing (IEEE 802.1AB-2016 §8.5: 7-bit type, 9-bit length TLVs; §8.6 organizationally specific TLVs). */
import { ByteCursor, OutOfBounds } from '../common/byte-cursor.js';
import { bytesText, hexText, ipv4At, ipv6At, isPrintableAscii, macAt } from '../common/text.js';
import type { DecodeResult } from '../types.js';
import type { LldpRecord } from './types.js';

/** §8.5: TLV types. */
const TLV = { End: 0, ChassisId: 1, PortId: 2, Ttl: 3, PortDesc: 4, SysName: 5, SysDesc: 6, Caps: 7, MgmtAddr: 8, Org: 127 } as const;
/** §8.5.8.1 Table 8-4: capability bit order. */
const CAPABILITIES = ['other', 'repeater', 'bridge', 'wlan-access-point', 'router', 'telephone', 'docsis-cable-device', 'station-only', 'c-vlan', 's-vlan', 'tpmr'];
const OUI_8021 = 0x0080c2;
const OUI_MED = 0x0012bb;
/** ANSI/TIA-1057 §10.2.6: inventory subtypes. */
const MED_INVENTORY: Record<number, keyof LldpRecord> = { 5: 'hardwareRevision', 6: 'firmwareRevision', 7: 'softwareRevision', 8: 'serialNumber', 9: 'manufacturer', 10: 'model', 11: 'assetId' };
const MAX_TLVS = 512;
const MAX_LIST = 16;
/** IANA address family numbers (RFC 3232 registry): 1 IPv4, 2 IPv6, 6 = 802 MAC. */
const AF_IPV4 = 1;
const AF_IPV6 = 2;
const AF_802 = 6;

/** An address with its IANA family byte first (chassis/port subtype 4 "network address", management address). */
function familyAddress(b: Uint8Array): string {
  const af = b[0];
  if (af === AF_IPV4 && b.length === 5) return ipv4At(b, 1);
  if (af === AF_IPV6 && b.length === 17) return ipv6At(b, 1);
  if (af === AF_802 && b.length === 7) return macAt(b, 1);
  return hexText(b);
}

/** Chassis ID (§8.5.2) and port ID (§8.5.3): which subtype holds a MAC / a network address differs. */
function idText(b: Uint8Array, macSubtype: number, addrSubtype: number): string {
  const subtype = b[0];
  const v = b.subarray(1);
  if (subtype === macSubtype && v.length === 6) return macAt(v, 0);
  if (subtype === addrSubtype) return familyAddress(v);
  return v.length > 0 && isPrintableAscii(v, 0, v.length) ? bytesText(v) : hexText(v);
}

function capabilityNames(bits: number): string[] {
  return CAPABILITIES.filter((_, i) => (bits & (1 << i)) !== 0);
}

function orgTlv(c: ByteCursor, rec: LldpRecord): void {
  if (c.remaining < 4) return;
  const oui = (c.u8() << 16) | (c.u8() << 8) | c.u8();
  const subtype = c.u8();
  if (oui === OUI_8021 && subtype === 1 && c.remaining >= 2) rec.portVlanId = c.u16();
  else if (oui === OUI_8021 && subtype === 3 && c.remaining >= 3) {
    const vid = c.u16();
    const name = bytesText(c.bytes(c.u8()), 64);
    rec.vlanNames = [...(rec.vlanNames ?? []), `${vid}:${name}`].slice(0, MAX_LIST);
  } else if (oui === OUI_MED) {
    const field = MED_INVENTORY[subtype];
    if (field !== undefined) Object.assign(rec, { [field]: bytesText(c.bytes(c.remaining)) });
  }
}

export function parseLldp(pdu: Uint8Array): DecodeResult<LldpRecord> {
  const result: DecodeResult<LldpRecord> = { records: [], issues: [] };
  const rec: LldpRecord = {
    kind: 'announce', chassisId: null, chassisIdSubtype: null, portId: null, portIdSubtype: null, ttl: null,
    portDescription: null, systemName: null, systemDescription: null, managementAddress: null, managementAddresses: [],
    capabilities: [], enabledCapabilities: [],
  };
  const c = new ByteCursor(pdu);
  try {
    for (let n = 0; n < MAX_TLVS && c.remaining >= 2; n++) {
      const head = c.u16();
      const type = head >> 9;
      if (type === TLV.End) break;
      const v = c.sub(head & 0x1ff);
      const bytes = v.buf.subarray(v.pos, v.end);
      switch (type) {
        case TLV.ChassisId:
          rec.chassisIdSubtype = bytes[0] ?? null;
          rec.chassisId = idText(bytes, 4, 5);
          break;
        case TLV.PortId:
          rec.portIdSubtype = bytes[0] ?? null;
          rec.portId = idText(bytes, 3, 4);
          break;
        case TLV.Ttl:
          rec.ttl = v.u16();
          break;
        case TLV.PortDesc:
          rec.portDescription = bytesText(bytes);
          break;
        case TLV.SysName:
          rec.systemName = bytesText(bytes);
          break;
        case TLV.SysDesc:
          rec.systemDescription = bytesText(bytes);
          break;
        case TLV.Caps:
          rec.capabilities = capabilityNames(v.u16());
          rec.enabledCapabilities = capabilityNames(v.u16());
          break;
        case TLV.MgmtAddr: {
          const addr = familyAddress(v.bytes(v.u8()));
          if (rec.managementAddresses.length < MAX_LIST) rec.managementAddresses.push(addr);
          rec.managementAddress ??= addr;
          break;
        }
        case TLV.Org:
          orgTlv(v, rec);
          break;
        default:
          break;
      }
    }
  } catch (e) {
    if (!(e instanceof OutOfBounds)) throw e;
    result.issues.push({ code: 'truncated', offset: e.offset, message: e.message });
  }
  // §8.2: the first three TLVs are mandatory; without a chassis ID there is nothing to identify.
  if (rec.chassisId !== null) result.records.push(rec);
  else if (result.issues.length === 0) result.issues.push({ code: 'lldp-no-chassis-id', offset: 0, message: 'LLDPDU without a Chassis ID TLV' });
  return result;
}
