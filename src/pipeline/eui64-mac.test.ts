/** RFC 4291 Appendix A read backwards (eui64-mac.ts) and its use in device keys (device-keys.ts usableKey). */
import { describe, expect, it } from 'vitest';
import { usableKey } from './device-keys.js';
import { macFromLinkLocal } from './eui64-mac.js';

describe('the MAC inside an EUI-64 link-local address', () => {
  it('fires: ff:fe in the middle and the inverted U/L bit set (universal MAC), with or without zone id', () => {
    expect(macFromLinkLocal('fe80::dea6:32ff:fe11:2233')).toBe('dc:a6:32:11:22:33');
    expect(macFromLinkLocal('FE80::226:73FF:FEAA:BB01%eth0')).toBe('00:26:73:aa:bb:01');
    expect(macFromLinkLocal('fe80:0:0:0:ba27:ebff:fe00:0001')).toBe('b8:27:eb:00:00:01');
  });

  it('must not fire: locally administered or group MACs, random identifiers, non-link-local, not IPv6', () => {
    expect(macFromLinkLocal('fe80::dca6:32ff:fe11:2233')).toBeNull(); // U/L bit clear after inversion: local MAC
    expect(macFromLinkLocal('fe80::dfa6:32ff:fe11:2233')).toBeNull(); // group bit set
    expect(macFromLinkLocal('fe80::1234:5678:9abc:def0')).toBeNull(); // RFC 7217 / privacy identifier
    expect(macFromLinkLocal('fe80::1')).toBeNull();
    expect(macFromLinkLocal('2001:db8::dea6:32ff:fe11:2233')).toBeNull();
    expect(macFromLinkLocal('10.1.2.3')).toBeNull();
    expect(macFromLinkLocal('fe80::dea6::fe11:2233')).toBeNull();
    expect(macFromLinkLocal('fe80:1:2:3:4:5:6:7:8')).toBeNull();
  });

  it('a key with only such an address gains the MAC; a frame MAC already there is kept', () => {
    expect(usableKey({ mac: null, ip: 'fe80::dea6:32ff:fe11:2233' })).toEqual({ mac: 'dc:a6:32:11:22:33', ip: 'fe80::dea6:32ff:fe11:2233' });
    expect(usableKey({ mac: '00:11:22:33:44:55', ip: 'fe80::dea6:32ff:fe11:2233' })).toEqual({ mac: '00:11:22:33:44:55', ip: 'fe80::dea6:32ff:fe11:2233' });
    expect(usableKey({ mac: null, ip: 'fe80::1234:5678:9abc:def0' })).toEqual({ mac: null, ip: 'fe80::1234:5678:9abc:def0' });
  });
});
