/** NetBIOS name / datagram service tests on nDPI's captures (Windows 7 family and Windows 98), tshark cross-check. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDecoderConformance } from '../test-support/conformance.js';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { crossCheck, mergeReports, must, str, udpPayloads, type FieldCheck } from '../dns/test-support/tshark-check.js';
import { requires } from '../../test-support/tools.js';
import { nbdgmDecoder, nbnsDecoder } from './index.js';
import { corpusPath } from '../../test-support/test-data.js';

const corpus = corpusPath('pcaps/ndpi');
const tshark = requires({ tools: ['tshark'] });
const netbios = path.join(corpus, 'netbios.pcap');
const win98 = path.join(corpus, 'dos_win98_smb_netbeui.pcap');
const both = [nbnsDecoder, nbdgmDecoder];

/**
 * tshark escapes non-printing name bytes as `<xx>` (`<01><02>__MSBROWSE__<02><01>`) and shows NUL padding as
 * `<00>` runs; we strip control characters and padding. Normalise tshark's text to `NAME<suffix>`.
 */
function nbName(raw: string): string {
  // Answer names carry tshark's role note: `GUNNAR<00> (Workstation/Redirector)`.
  const v = raw.replace(/ \([^)]*\)$/, '');
  const m = /^(.*)<([0-9a-f]{2})>$/.exec(v);
  if (m === null) return v;
  return `${(m[1] ?? '').replace(/<[01][0-9a-f]>/g, '').replace(/ +$/, '')}<${m[2] ?? ''}>`;
}
function names(r: Record<string, unknown>): { name: string }[] {
  return Array.isArray(r['names']) ? (r['names'] as { name: string }[]) : [];
}

const nbnsChecks: FieldCheck[] = [
  { field: 'nbns.id', ours: (r) => str(r, 'id'), theirs: (v) => String(parseInt(v, 16)) },
  { field: 'nbns.name', ours: (r) => str(r, 'name'), theirs: (v) => nbName(v.split(',')[0] ?? '') },
  { field: 'nbns.addr', ours: (r) => str(r, 'addresses'), theirs: (v) => [...new Set(v.split(','))].join(',') },
  // nbns.netbios_name lists the node status names without their suffix.
  { field: 'nbns.netbios_name', ours: (r) => names(r).map((n) => n.name.replace(/<..>$/, '')).join(',') || undefined },
  { field: 'nbns.unit_id', ours: (r) => str(r, 'mac') },
];
const browserChecks: FieldCheck[] = [
  { field: 'nbdgm.source_name', ours: (r) => str(r, 'sourceName'), theirs: nbName },
  { field: 'nbdgm.destination_name', ours: (r) => str(r, 'destinationName'), theirs: nbName },
  { field: 'browser.server', ours: (r) => (r['browserCommand'] === 'domain-announcement' ? str(r, 'domain') : str(r, 'hostname')) },
  { field: 'browser.os_major', ours: (r) => str(r, 'osVersion')?.split('.')[0] },
  { field: 'browser.os_minor', ours: (r) => str(r, 'osVersion')?.split('.')[1] },
  { field: 'browser.server_type', ours: (r) => str(r, 'serverType'), theirs: (v) => v.replace(/^0x/, '') },
];

describe('nbns / nbdgm decoders', () => {
  it('reads node status name tables with the MAC, and answers with addresses', async () => {
    const { records, issues } = await recordsOf(netbios, both);
    expect(issues).toEqual([]);
    const status = records.find((r) => r.kind === 'node-status');
    expect(status).toMatchObject({ proto: 'nbns', mac: '00:1c:c4:10:79:0f' });
    expect(names(must(status))).toEqual(expect.arrayContaining([{ name: 'GUNNAR<00>', group: false }, { name: 'VIGILANT_GROUP<1e>', group: true }]));
    expect(records.find((r) => r.kind === 'response')).toMatchObject({ name: 'GUNNAR<00>', addresses: ['10.0.4.24'] });
  });

  it('reads Windows 7-family browser announcements (OS 6.1)', async () => {
    const { records } = await recordsOf(netbios, both);
    const ann = records.filter((r) => r.kind === 'browser-announce');
    expect(ann.map((r) => `${str(r, 'hostname')} ${str(r, 'osVersion')}`).sort()).toEqual(['BOWIE 6.1', 'NVR9 6.1']);
  });

  it('reads Windows 98 registrations and host / local master / domain announcements', async () => {
    const { records } = await recordsOf(win98, both);
    expect(records.filter((r) => r.kind === 'registration').map((r) => r['name'])).toEqual(expect.arrayContaining(['MDJR98<00>', 'WORKGROUP<00>', 'MDJR98<20>']));
    const ann = records.filter((r) => r.kind === 'browser-announce');
    expect(ann.every((r) => r['osVersion'] === '4.0')).toBe(true);
    expect(ann.find((r) => r['browserCommand'] === 'domain-announcement')).toMatchObject({ domain: 'WORKGROUP', hostname: 'MDJR98' });
    expect(ann.find((r) => r['browserCommand'] === 'local-master-announcement')?.['serverRoles']).toContain('master-browser');
  });
});

describe.skipIf(tshark.skip)(tshark.title('nbns / nbdgm agree with tshark'), () => {
  it('on netbios.pcap and dos_win98_smb_netbeui.pcap (>= 99.9 %)', async () => {
    const list = [];
    for (const f of [netbios, win98]) {
      list.push(await crossCheck(f, both, 'nbns', 'nbns && udp && !icmp', nbnsChecks));
      list.push(await crossCheck(f, both, 'nbdgm', 'nbdgm && udp && !icmp', browserChecks));
    }
    const r = mergeReports(list);
    console.log('nbns vs tshark', JSON.stringify(r));
    expect(r.unexplained).toEqual([]);
    expect(r.compared).toBeGreaterThan(300);
    expect(r.ratio).toBeGreaterThanOrEqual(0.999);
  });
});

describe.skipIf(tshark.skip)(tshark.title('nbnsDecoder conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(nbnsDecoder, tshark.skip ? [] : [...udpPayloads(netbios, 'nbns', 6), ...udpPayloads(netbios, 'nbns.unit_id', 2), ...udpPayloads(win98, 'nbns && udp', 4)].map((bytes, i) => ({ name: `nbns ${i}`, bytes })), 300);
});
describe.skipIf(tshark.skip)(tshark.title('nbdgmDecoder conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(nbdgmDecoder, tshark.skip ? [] : [...udpPayloads(netbios, 'browser', 2), ...udpPayloads(win98, 'nbdgm && udp', 6)].map((bytes, i) => ({ name: `nbdgm ${i}`, bytes })), 300);
});
