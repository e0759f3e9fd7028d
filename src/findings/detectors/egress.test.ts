/** Internet egress: one group per site device, bounded, with services, peers and names; the finding it makes. */
import { describe, expect, it } from 'vitest';
import type { FlowJson } from '../../capture/flow-json.js';
import { defaultSite, parseSite } from '../site.js';
import { EgressBook, MAX_EGRESS_PEERS, egressFinding } from './egress.js';

const T = '2024-03-04T08:00:00.000Z';

function flow(over: Partial<FlowJson>): FlowJson {
  return { proto: 'tcp', src: '10.20.20.21', sport: 50000, dst: '93.184.216.34', dport: 443, vlan: null, first: T, last: T, packetsOut: 5, bytesOut: 500, packetsIn: 5, bytesIn: 900, state: 'closed', app: 'tls', srcMac: null, dstMac: null, ...over };
}

describe('internet egress', () => {
  it('must fire: one group per device, every service and peer, names when known, high when clear text', () => {
    const book = new EgressBook(10);
    book.add(flow({}), defaultSite(), null);
    book.add(flow({ dst: '198.18.0.9', dport: 2575, app: 'hl7' }), defaultSite(), null);
    book.add(flow({}), defaultSite(), 'update.example.com');
    book.add(flow({ proto: 'udp', dst: '9.9.9.9', dport: 53, app: 'dns', state: null }), defaultSite(), null);
    const groups = [...book.groups()];
    expect(groups).toHaveLength(1);
    const f = egressFinding('ct', groups[0] ?? (undefined as never), null);
    expect(f).toMatchObject({ deviceId: 'ct', kind: 'internet-egress', key: 'tcp/443', severity: 'high', count: 4, facts: { external: true } });
    expect(f.facts?.peers).toEqual(['93.184.216.34', '198.18.0.9', '9.9.9.9']);
    expect(f.evidence.join('\n')).toMatch(/4 connections to 3 internet addresses over tcp\/443, tcp\/2575, udp\/53/);
    expect(f.evidence).toContain('reached 93.184.216.34 (update.example.com)');
    expect(f.detail).toMatch(/clear text \(hl7\)/);
    // The key of an earlier run's finding is kept, so the device keeps one finding.
    expect(egressFinding('ct', groups[0] ?? (undefined as never), 'tcp/2575').key).toBe('tcp/2575');
  });

  it('must fire: a session caught mid-stream (no SYN) from an internet server port is egress of the site device', () => {
    const book = new EgressBook(10);
    book.add(flow({ src: '93.184.216.34', sport: 443, dst: '10.20.20.21', dport: 50000, state: 'partial' }), defaultSite(), null);
    expect([...book.groups()].map((g) => `${g.ip} ${[...g.services.keys()].join()} ${[...g.peers.keys()].join()}`)).toEqual(['10.20.20.21 tcp/443 93.184.216.34']);
  });

  it('must not fire: internal or vendor peers, outside hosts reaching in, unanswered SYNs', () => {
    const site = parseSite({ vendorNetworks: ['198.51.100.0/24'] }, 's');
    const book = new EgressBook(10);
    book.add(flow({ dst: '10.1.1.1' }), site, null);
    book.add(flow({ dst: '198.51.100.7' }), site, null);
    book.add(flow({ src: '203.0.113.9', dst: '93.184.216.34' }), site, null);
    book.add(flow({ packetsIn: 0, state: 'partial', app: null }), site, null);
    book.add(flow({ dst: '224.0.0.251', proto: 'udp', state: null }), site, null);
    expect([...book.groups()]).toEqual([]);
  });

  it('stays bounded: groups, peers and services are capped, counts go on', () => {
    const book = new EgressBook(2);
    for (let i = 0; i < 50; i++) book.add(flow({ dst: `93.184.216.${i}`, dport: 1000 + i }), defaultSite(), null);
    book.add(flow({ src: '10.0.0.2' }), defaultSite(), null);
    book.add(flow({ src: '10.0.0.3' }), defaultSite(), null);
    const [g] = [...book.groups()];
    expect(book.dropped).toBe(1);
    expect(g?.flows).toBe(50);
    expect(g?.peers.size).toBe(MAX_EGRESS_PEERS);
    expect(g?.services.size).toBeLessThanOrEqual(8);
  });
});
