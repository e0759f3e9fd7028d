/** Exposed management: the services recognised, flows caught mid-stream, and the client judgement without a zone. */
import { describe, expect, it } from 'vitest';
import type { FlowJson } from '../../capture/flow-json.js';
import { defaultSite, parseSite } from '../site.js';
import { clientCounts, sameSubnet } from './client-judge.js';
import { exposureHits, managementService, orient } from './exposure.js';
import type { Hit } from './hit.js';

const T = '2024-03-04T08:00:00.000Z';
const SYN = { ttl: 64, window: 64240, mss: 1460, windowScale: 7, options: 'mss,sok,ts,nop,ws', ipVersion: 4, ipOptionsLength: 0 };

function flow(over: Partial<FlowJson>): FlowJson {
  return { proto: 'tcp', src: '10.20.40.57', sport: 50000, dst: '10.20.30.5', dport: 80, vlan: null, first: T, last: T, packetsOut: 5, bytesOut: 500, packetsIn: 5, bytesIn: 900, state: 'closed', app: null, srcMac: null, dstMac: null, ...over };
}

const keys = (f: FlowJson, site = defaultSite(), http = false): string[] => {
  const out: Hit[] = [];
  exposureHits(f, site, out, http);
  return out.map((h) => `${h.ip} ${h.key} ${h.severity}`);
};

describe('management services', () => {
  it('must fire: FTP, SSH, Telnet, VNC, RDP, HTTP on any port, HTTPS by port or by ALPN', () => {
    expect(keys(flow({ app: 'ftp', dport: 21 }))).toEqual(['10.20.30.5 ftp/21 high']);
    expect(keys(flow({ app: 'ssh', dport: 2222 }))).toEqual(['10.20.30.5 ssh/2222 medium']);
    expect(keys(flow({ app: 'vnc', dport: 5901 }))).toEqual(['10.20.30.5 vnc/5901 high']);
    expect(keys(flow({ app: 'http', dport: 8081 }))).toEqual(['10.20.30.5 http/8081 medium']);
    expect(keys(flow({ app: 'tls', dport: 443 }))).toEqual(['10.20.30.5 https/443 medium']);
    expect(keys(flow({ app: 'tls', dport: 9443 }), defaultSite(), true)).toEqual(['10.20.30.5 https/9443 medium']);
    expect(keys(flow({ dport: 3389 }))).toEqual(['10.20.30.5 rdp/3389 medium']);
  });

  it('must not fire: DICOM, HL7, TLS without HTTP on an odd port, UDP, an unanswered SYN, a server on the internet', () => {
    expect(keys(flow({ app: 'dicom', dport: 104 }))).toEqual([]);
    expect(keys(flow({ app: 'hl7', dport: 2575 }))).toEqual([]);
    expect(keys(flow({ app: 'tls', dport: 9443 }))).toEqual([]);
    expect(keys(flow({ proto: 'udp', dport: 161, state: null }))).toEqual([]);
    expect(keys(flow({ dport: 22, packetsIn: 0, state: 'partial' }))).toEqual([]);
    expect(keys(flow({ app: 'ssh', dport: 22, dst: '203.0.113.4' }))).toEqual([]);
    expect(managementService(flow({ app: 'smb' }), 445)).toBeNull();
  });

  it('a session caught mid-stream (no SYN) from a service port is turned round: the server is the device', () => {
    const mid = flow({ src: '10.20.30.5', sport: 5900, dst: '10.20.40.57', dport: 51000, app: 'vnc', state: 'partial' });
    expect(orient(mid)).toMatchObject({ client: '10.20.40.57', server: '10.20.30.5', port: 5900 });
    expect(keys(mid)).toEqual(['10.20.30.5 vnc/5900 high']);
    // With the SYN seen, the flow's direction stands.
    expect(orient(flow({ src: '10.20.30.5', sport: 22, dst: '10.20.40.57', dport: 51000, syn: SYN }))).toMatchObject({ client: '10.20.30.5' });
  });

  it('with a management zone the judgement is the zone itself: no client to judge', () => {
    const site = parseSite({ managementNetworks: ['10.99.0.0/16'] }, 's');
    const out: Hit[] = [];
    exposureHits(flow({ app: 'ssh', dport: 22 }), site, out);
    expect(out[0]?.judgeClient).toBeUndefined();
  });
});

describe('which devices count as medical devices for exposure', () => {
  const hit = (f: FlowJson): Hit | undefined => {
    const out: Hit[] = [];
    exposureHits(f, defaultSite(), out);
    return out[0];
  };

  it('must not fire on the SSH or RDP of a clinical system (an interface engine, an EHR server: software, not a device)', () => {
    expect(hit(flow({ app: 'ssh', dport: 22 }))?.notOn).toContain('clinical-system');
    expect(hit(flow({ dport: 3389 }))?.notOn).toContain('clinical-system');
  });

  it('must fire on the SSH of medical equipment and of a PACS (imaging-infrastructure)', () => {
    const ssh = hit(flow({ app: 'ssh', dport: 22 }));
    expect(ssh?.medicalOnly).toBe(true);
    for (const c of ['infusion', 'imaging', 'imaging-infrastructure', 'patient-monitoring'] as const) expect(ssh?.notOn ?? []).not.toContain(c);
  });

  it("the web pages of clinical systems and PACS stay the application, not management", () => {
    expect(hit(flow({ app: 'http', dport: 80 }))?.notOn).toEqual(['clinical-system', 'imaging-infrastructure']);
  });
});

describe('client judgement without a management zone', () => {
  it('must fire: another subnet, a workstation, an unidentified host, a client the inventory does not know', () => {
    expect(sameSubnet('10.20.30.5', '10.20.30.77')).toBe(true);
    expect(sameSubnet('10.20.30.5', '10.20.31.5')).toBe(false);
    expect(sameSubnet('fd00:1::5', 'fd00:1::9')).toBe(true);
    expect(clientCounts('10.20.30.5', '10.20.40.57', 'patient-monitoring')).toBe(true);
    expect(clientCounts('10.20.30.5', '10.20.30.57', 'it')).toBe(true);
    expect(clientCounts('10.20.30.5', '10.20.30.57', 'unknown')).toBe(true);
    expect(clientCounts('10.20.30.5', '10.20.30.57', null)).toBe(true);
  });

  it('must not fire: a clinical or network device on the same segment as the device', () => {
    expect(clientCounts('10.20.30.5', '10.20.30.9', 'patient-monitoring')).toBe(false);
    expect(clientCounts('10.20.30.5', '10.20.30.1', 'network')).toBe(false);
    expect(sameSubnet('10.20.30.5', 'fd00::1')).toBe(false);
    expect(sameSubnet('not an ip', '10.20.30.5')).toBe(false);
  });
});

describe('an accepted connection', () => {
  it('must fire: a session the server accepted (SYN-ACK) that ended with a reset is still exposure', () => {
    const synAck = { ttl: 64, window: 65160, mss: 1460, windowScale: 7, options: 'mss,sok,ts,nop,ws', ipVersion: 4, ipOptionsLength: 0 };
    expect(keys(flow({ dport: 22, state: 'reset', synAck }))).toEqual(['10.20.30.5 ssh/22 medium']);
  });
  it('must not fire: a SYN refused by a reset', () => {
    expect(keys(flow({ dport: 22, state: 'reset', packetsIn: 1 }))).toEqual([]);
  });
});
