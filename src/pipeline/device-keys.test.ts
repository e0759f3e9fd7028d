/** The address facts the collector keys devices by: link-scope destinations, unrouted TTLs, flow orientation, usable keys. */
import { describe, expect, it } from 'vitest';
import { isLinkScope, isReversed, isUnicastMac, isUnrouted, usableKey } from './device-keys.js';
import { flowOf, syn } from './test-support/collector-input.js';

describe('device keys', () => {
  it('link scope: never-routed groups and limited broadcast; a routable group or a host is not', () => {
    expect(['224.0.0.5', '224.0.0.18', 'ff02::1:ff00:1', '255.255.255.255'].map(isLinkScope)).toEqual([true, true, true, true]);
    expect(['239.1.2.3', '224.0.1.1', '10.20.255.255', 'ff05::2', '10.0.0.1'].map(isLinkScope)).toEqual([false, false, false, false, false]);
  });

  it('unrouted: a TTL at a stack\'s initial value; one hop down is routed', () => {
    expect([64, 128, 255, 32].map(isUnrouted)).toEqual([true, true, true, true]);
    expect([63, 127, 254, 1, 0].map(isUnrouted)).toEqual([false, false, false, false, false]);
  });

  it('a flow caught mid-stream from a well-known port is turned round; one with its SYN is not', () => {
    expect(isReversed(flowOf({ src: '10.0.0.1', dst: '10.0.0.2', sport: 443, dport: 50000 }))).toBe(true);
    expect(isReversed(flowOf({ src: '10.0.0.1', dst: '10.0.0.2', sport: 443, dport: 50000, syn: syn(64) }))).toBe(false);
    expect(isReversed(flowOf({ src: '10.0.0.1', dst: '10.0.0.2', sport: 50000, dport: 443 }))).toBe(false);
  });

  it('unicast MACs: group bit clear, either case; multicast, broadcast, all-zero and malformed text are not', () => {
    expect(['00:09:fb:00:00:21', 'FC:58:9A:00:00:01', '0e:00:00:00:00:01'].map(isUnicastMac)).toEqual([true, true, true]);
    expect(['01:00:5e:00:00:05', 'ff:ff:ff:ff:ff:ff', '33:33:00:00:00:01', '0F:00:00:00:00:01', '00:00:00:00:00:00', '0g:00:00:00:00:01', 'zz', ''].map(isUnicastMac))
      .toEqual(Array<boolean>(8).fill(false));
  });

  it('usable keys drop broadcast, multicast and unspecified parts', () => {
    expect(usableKey({ mac: 'ff:ff:ff:ff:ff:ff', ip: '255.255.255.255' })).toBeNull();
    expect(usableKey({ mac: '01:00:5e:00:00:05', ip: '10.0.0.1' })).toEqual({ mac: null, ip: '10.0.0.1' });
    expect(usableKey({ mac: '00:09:fb:00:00:01', ip: '224.0.0.5' })).toEqual({ mac: '00:09:fb:00:00:01', ip: null });
  });
});
