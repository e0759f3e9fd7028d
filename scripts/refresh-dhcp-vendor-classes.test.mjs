// `node --test scripts/refresh-dhcp-vendor-classes.test.mjs`: which satori vendor classes become rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { vendorClassRules } from './refresh-dhcp-vendor-classes.mjs';

const fp = (name, type, vendor, codes, matchtype = 'exact') =>
  `<fingerprint name="${name}" os_name="" device_type="${type}" device_vendor="${vendor}"><dhcp_tests>${codes.map((c) => `<test weight="5" matchtype="${matchtype}" dhcptype="Request" dhcpvendorcode="${c}"/>`).join('')}</dhcp_tests></fingerprint>`;
const rules = (xml, hand = []) => vendorClassRules(xml, 'abc123', hand);

test('a class that names its maker and a mapped device type becomes a rule', () => {
  const [r] = rules(fp('Mitel IP Phone', 'VoIP Phone', 'Mitel Corp.', ['ipphone.mitel.com']));
  assert.equal(r.match, '^ipphone\\.mitel\\.com$');
  assert.deepEqual(r.set, { vendor: 'Mitel Corp.', type: 'IP phone', category: 'it' });
  assert.match(r.source, /satori.*abc123.*Mitel IP Phone/);
  assert.equal(rules(fp('X', 'Wireless Access Point', 'Cisco Systems, Inc.', ['Cisco AP c1', 'Cisco AP c2'], 'partial'))[0].match, '^Cisco AP c1');
});

test('no rule for a class two fingerprints disagree on, a generic client, a model number, a bare maker name, an unmapped type', () => {
  assert.deepEqual(rules(fp('A', 'Printer', 'Acme', ['Acme box']) + fp('B', 'VoIP Phone', 'Acme', ['Acme box'])), []);
  assert.deepEqual(rules(fp('A', 'IP Network Camera', 'Acme', ['udhcp 1.28.3 acme'])), []);
  assert.deepEqual(rules(fp('A', 'VoIP Phone', 'Cisco Systems, Inc.', ['CP-8851'])), []);
  assert.deepEqual(rules(fp('A', 'Wireless Access Point', 'Meraki', ['MERAKI'])), []);
  assert.deepEqual(rules(fp('A', 'Game Console', 'Sony Corp.', ['Sony PS5'])), []);
});

test('a class a hand-written rule already types is left to it', () => {
  const hand = [{ field: 'vendorClass', match: '^AXIS,Video Server,', set: { vendor: 'Axis Communications', category: 'iot' } }];
  assert.deepEqual(rules(fp('Axis', 'IP Network Camera', 'Axis Communications', ['AXIS,Video Server,241Q']), hand), []);
});

test('option-55 lists satori gives only to printers, long enough not to be every client\'s, second a printer', async () => {
  const { printerListRules } = await import('./refresh-dhcp-vendor-classes.mjs');
  const list = (name, type, l) => `<fingerprint name="${name}" device_type="${type}" device_vendor="V"><dhcp_tests><test weight="5" matchtype="exact" dhcptype="Request" dhcpoption55="${l}"/></dhcp_tests></fingerprint>`;
  const [r] = printerListRules(list('P', 'Printer', '1,3,7,12,26,44,51,54,58,59'), 'abc123');
  assert.equal(r.match, '^1,3,7,12,26,44,51,54,58,59$');
  assert.deepEqual(r.set, { type: 'printer', category: 'it' });
  assert.ok(r.confidence < 0.5);
  assert.deepEqual(printerListRules(list('P', 'Printer', '1,3,6,15,44,47'), 'x'), []);
  assert.deepEqual(printerListRules(list('P', 'Printer', '1,3,7,12,26,44,51,54,58,59') + list('C', 'IP Network Camera', '1,3,7,12,26,44,51,54,58,59'), 'x'), []);
  assert.deepEqual(printerListRules(list('P', 'Printer', '1,3,7,12,26,44,51,54,58,59'), 'x', [{ field: 'paramRequestList', match: '^1,3,7,12,26,44,51,54,58,59$', set: {} }]), []);
});
