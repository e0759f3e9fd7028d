/** Vendor remote-service hosts by name, and the long-session rule that makes a session to one remote access. */
import { describe, expect, it } from 'vitest';
import type { FlowJson } from '../../capture/flow-json.js';
import { loadKnowledgeBase } from '../../identify/knowledge/load-kb.js';
import { defaultSite } from '../site.js';
import { LONG_SESSION_MS, remoteSession } from './remote-access.js';
import { RemoteEndpoints } from './remote-endpoints.js';

const kb = loadKnowledgeBase();
const endpoints = new RemoteEndpoints(kb);
const T0 = Date.parse('2024-03-04T08:00:00.000Z');

function flow(ms: number): FlowJson {
  return { proto: 'tcp', src: '10.20.20.21', sport: 50000, dst: '93.184.216.34', dport: 443, vlan: null, first: new Date(T0).toISOString(), last: new Date(T0 + ms).toISOString(), packetsOut: 50, bytesOut: 5000, packetsIn: 50, bytesIn: 9000, state: 'closed', app: 'tls', srcMac: null, dstMac: null };
}

describe('vendor remote-service names', () => {
  it('must fire: a published domain, a product label next to its vendor, a vendor next to a remote word', () => {
    expect(endpoints.match('remoteservice.roche.com')?.service).toBe('Roche CareGiver remote support');
    expect(endpoints.match('eu1.remoteservice.roche.com.')?.service).toBe('Roche CareGiver remote support');
    expect(endpoints.match('insite.gehealthcare.com')).toMatchObject({ service: 'GE InSite', vendor: 'GE Healthcare' });
    expect(endpoints.match('insite.ge.com')).toMatchObject({ service: 'GE InSite' }); // a short alias next to its own product
    expect(endpoints.match('srs-gw.siemens-healthineers.com')).toMatchObject({ service: 'Siemens Smart Remote Services' });
    expect(endpoints.match('remote2.philips.com')).toMatchObject({ service: 'Philips remote service', vendor: 'Philips' });
    expect(endpoints.match('vpn.medtronic.com')?.vendor).toBe('Medtronic');
    expect(endpoints.match('insite.philips.com')).toMatchObject({ service: 'Philips remote service', vendor: 'Philips' });
    expect(endpoints.match('remote-service.abbottlink.example')?.vendor).toBe('Abbott'); // a vendor starting a compound label
    expect(endpoints.match('tunnel.siemens.co.uk')?.vendor).toBe('Siemens Healthineers'); // a country's second level
  });

  it('must not fire: a vendor without a remote word, a remote word without a medical vendor, look-alikes', () => {
    expect(endpoints.match('www.gehealthcare.com')).toBeNull();
    expect(endpoints.match('remote.example.com')).toBeNull();
    expect(endpoints.match('remote.ge.com')).toBeNull(); // a two-letter alias next to a generic word names too much
    expect(endpoints.match('remote.microsoft.com')).toBeNull(); // a computer maker: an IT service
    expect(endpoints.match('insite.example.com')).toBeNull(); // the product label alone does not name GE
    expect(endpoints.match('remoteservice.roche.com.evil.example')).toBeNull();
    expect(endpoints.match('philipsremote.example.org')).toBeNull();
    expect(endpoints.match('remote.philips.example.org')).toBeNull(); // the vendor is not the registrant
    expect(endpoints.match('remote.gecko.com')).toBeNull(); // a short alias never starts a compound
    expect(new RemoteEndpoints(null).match('insite.gehealthcare.com')).toBeNull(); // no vendor names without a knowledge base
  });
});

describe('a session to a named remote-service host', () => {
  const named = { name: 'insite.gehealthcare.com', endpoint: { service: 'GE InSite', vendor: 'GE Healthcare', why: '' } };

  it('must fire: held open past the keep-alive timeouts of web servers, and only for a medical device', () => {
    const s = remoteSession(flow(LONG_SESSION_MS + 1000), defaultSite(), null, named);
    expect(s).toMatchObject({ ip: '10.20.20.21', service: 'vendor-tcp/443', medicalOnly: true, peer: '93.184.216.34 (insite.gehealthcare.com: GE InSite)' });
  });

  it('must not fire: a short fetch, an unanswered connection, an unnamed host', () => {
    expect(remoteSession(flow(30_000), defaultSite(), null, named)).toBeNull();
    expect(remoteSession({ ...flow(LONG_SESSION_MS * 2), packetsIn: 0 }, defaultSite(), null, named)).toBeNull();
    expect(remoteSession(flow(LONG_SESSION_MS * 2), defaultSite(), null, null)).toBeNull();
  });
});
