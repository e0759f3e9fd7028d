/** NTLMSSP parser tests on the corpus captures' messages, cross-checked field by field with tshark. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findNtlmssp, parseNtlmssp, type NtlmsspInfo } from './parse-ntlmssp.js';
import { corpusPath } from '../test-support/corpus.js';
import { ALL_OCCURRENCES } from '../test-support/multiset-agreement.js';
import { hexBytes, tsharkFields } from '../../test-support/tshark.js';
import { requires } from '../../test-support/tools.js';

const tshark = requires({ tools: ['tshark'] });

const CAPTURES = ['zeek/dce-rpc_dce_rpc_ntlm.pcapng', 'zeek/smb_smb3.pcap', 'zeek/smb_smb311.pcap'];

/** tshark fields and the NtlmsspInfo key each one maps to (per message type where they differ). */
const FIELDS = [
  'tcp.payload',
  'ntlmssp.messagetype',
  'ntlmssp.version.major',
  'ntlmssp.version.minor',
  'ntlmssp.version.build_number',
  'ntlmssp.auth.username',
  'ntlmssp.auth.domain',
  'ntlmssp.auth.hostname',
  'ntlmssp.negotiate.domain',
  'ntlmssp.negotiate.callingworkstation',
  'ntlmssp.challenge.target_info.nb_domain_name',
  'ntlmssp.challenge.target_info.nb_computer_name',
  'ntlmssp.challenge.target_info.dns_domain_name',
  'ntlmssp.challenge.target_info.dns_computer_name',
  'ntlmssp.challenge.target_info.dns_tree_name',
  'ntlmssp.challenge.target_name',
] as const;

/** tshark prints an empty NTLMSSP string as "NULL"; the parser leaves the key out. */
function ref(v: string | undefined): string | undefined {
  return v === undefined || v === '' || v === 'NULL' ? undefined : v;
}

/** What tshark says one row's message holds, in NtlmsspInfo terms. */
type Expected = Omit<NtlmsspInfo, 'messageType'> & { messageType: number };

function expected(row: string[]): Expected {
  const [, type = '', major, minor, build, user, aDomain, aHost, nDomain, nHost, nbD, nbC, dnsD, dnsC, dnsT, target] = row;
  const t = parseInt(type, 16);
  const e: Expected = { messageType: t };
  const put = (k: keyof NtlmsspInfo, v: string | undefined): void => {
    const r = ref(v);
    if (r !== undefined) (e as Record<string, unknown>)[k] = r;
  };
  if (ref(major) !== undefined) put('osVersion', `${major ?? ''}.${minor ?? ''}.${build ?? ''}`);
  if (t === 1) {
    put('domain', nDomain);
    put('host', nHost);
  } else if (t === 3) {
    put('domain', aDomain);
    put('user', user);
    put('host', aHost);
  } else {
    put('netbiosDomain', nbD);
    put('netbiosComputer', nbC);
    put('dnsDomain', dnsD);
    put('dnsComputer', dnsC);
    put('dnsTree', dnsT);
    put('domain', target);
  }
  return e;
}

describe.skipIf(tshark.skip)(tshark.title('NTLMSSP against tshark on the corpus'), () => {
  for (const file of CAPTURES) {
    it(`agrees with tshark on every NTLMSSP message of ${file}`, () => {
      const rows = tsharkFields(corpusPath(file), FIELDS, { ...ALL_OCCURRENCES, filter: 'ntlmssp' });
      expect(rows.length).toBe(3);
      for (const row of rows) {
        const got = findNtlmssp(hexBytes(row[0] ?? ''));
        expect(got).not.toBeNull();
        // The challenge's TargetName (tshark's ntlmssp.challenge.target_name) is `domain`.
        expect(got).toEqual(expected(row));
      }
    });
  }

  it('reads the names the MANIFEST documents', () => {
    const rows = tsharkFields(corpusPath('zeek/dce-rpc_dce_rpc_ntlm.pcapng'), ['tcp.payload'], { ...ALL_OCCURRENCES, filter: 'ntlmssp.messagetype == 3' });
    expect(findNtlmssp(hexBytes(rows[0]?.[0] ?? ''))).toEqual({
      messageType: 3,
      osVersion: '10.0.18362',
      domain: 'BLACKCLOVER',
      user: 'Administrator',
      host: 'CBTH-WS-1',
    });
  });
});

describe('NTLMSSP edge cases', () => {
  const sig = [0x4e, 0x54, 0x4c, 0x4d, 0x53, 0x53, 0x50, 0x00];

  it('rejects what is not NTLMSSP', () => {
    expect(parseNtlmssp(new Uint8Array(0))).toBeNull();
    expect(parseNtlmssp(new Uint8Array([...sig, 9, 0, 0, 0, 0, 0, 0, 0]))).toBeNull();
    expect(findNtlmssp(new Uint8Array(100))).toBeNull();
  });

  it('reads an OEM authenticate whose fields are in bounds and ignores ones that are not', () => {
    const m = new Uint8Array(72 + 8);
    m.set(sig);
    m[8] = 3;
    // domain "AB" OEM at 72, user pointing past the end, flags = OEM only.
    m.set([2, 0, 2, 0, 72, 0, 0, 0], 28);
    m.set([4, 0, 4, 0, 200, 0, 0, 0], 36);
    m.set([2, 0, 0, 0], 60);
    m.set([0x41, 0x42], 72);
    expect(parseNtlmssp(m)).toEqual({ messageType: 3, domain: 'AB' });
  });

  it('never throws on random bytes behind the signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.integer({ min: 1, max: 3 }), (tail, t) => {
        const m = new Uint8Array(12 + tail.length);
        m.set(sig);
        m[8] = t;
        m.set(tail, 12);
        const r = parseNtlmssp(m);
        if (r !== null) expect(r.messageType).toBe(t);
        if (m.length >= 24) expect(r).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});
