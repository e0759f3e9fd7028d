// `node --test scripts/eval/score.test.mjs`: the scorer's OS-family reading of what wardwatch reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { osFamily } from './score.mjs';

test("Apple's iOS and iPadOS are not Cisco IOS", () => {
  assert.equal(osFamily('iOS'), 'iOS');
  assert.equal(osFamily('iPadOS'), 'iOS');
  assert.equal(osFamily('iOS 17.5'), 'iOS');
});

test("Cisco's IOS is still Cisco IOS, whatever its spelling", () => {
  assert.equal(osFamily('Cisco IOS'), 'Cisco IOS');
  assert.equal(osFamily('IOS'), 'Cisco IOS');
  assert.equal(osFamily('cisco ios'), 'Cisco IOS');
  assert.equal(osFamily('Cisco IOS XE'), 'Cisco IOS');
  assert.equal(osFamily('ios-xe'), 'Cisco IOS');
});

test('other families unchanged', () => {
  assert.equal(osFamily('Windows CE'), 'Windows CE');
  assert.equal(osFamily('Cisco NX-OS'), 'Cisco NX-OS');
  assert.equal(osFamily('macOS'), 'macOS');
  assert.equal(osFamily(null), null);
});
