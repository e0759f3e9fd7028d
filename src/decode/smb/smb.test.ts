/** SMB decoder tests: conformance on real PDUs, corpus and fixture captures cross-checked with tshark, a live impacket run. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import { corpusPath } from '../test-support/corpus.js';
import { ALL_OCCURRENCES, agreementRatio, type FieldAgreement } from '../test-support/multiset-agreement.js';
import { hexBytes, tsharkFields } from '../../test-support/tshark.js';
import { requires } from '../../test-support/tools.js';
import { smbDecoder } from './index.js';
import { frameNbss, probeSmb } from './nbss.js';
import { smbAgreement } from './test-support/smb-vs-tshark.js';

const tshark = requires({ tools: ['tshark'] });
const peers = requires({ root: true, tools: ['tshark', 'tcpdump'], python: ['impacket'], files: ['/usr/share/doc/python3-impacket/examples/smbserver.py'] });

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const FIXTURE_PORT = 4445;
const DECODE_AS = ['-d', `tcp.port==${FIXTURE_PORT},nbss`];

const CAPTURES: { file: string; extra: string[] }[] = [
  { file: fixture('smb1-ntlmssp.pcap'), extra: DECODE_AS },
  { file: fixture('smb2-ntlmssp.pcap'), extra: DECODE_AS },
  ...['zeek/smb_smb3.pcap', 'zeek/smb_smb311.pcap', 'zeek/smb_smb1.pcap', 'zeek/smb_cifs_negotiate_lanman.pcap',
    'zeek/smb_dssetup_DsRoleGetPrimaryDomainInformation_standalone_workstation.cap', 'ndpi/smb_deletefile.pcap'].map((f) => ({ file: corpusPath(f), extra: [] })),
];

/**
 * Known disagreements, each explained. The LANMAN2.1 negotiate response of cifs_negotiate_lanman.pcap sets the
 * FLAGS2 Unicode bit but carries an OEM "WORKGROUP": the LANMAN response form has no Unicode strings (MS-CIFS
 * §2.2.4.52.2), so we read OEM; tshark follows the flag and prints "????".
 */
const EXPLAINED = [{ field: 'primaryDomain', tshark: '????', ours: 'WORKGROUP' }];

function unexplained(rows: FieldAgreement[]): FieldAgreement[] {
  return rows.map((r) => {
    const onlyTshark = [...r.onlyTshark];
    const onlyOurs = [...r.onlyOurs];
    for (const e of EXPLAINED) {
      const a = onlyTshark.indexOf(e.tshark);
      const b = onlyOurs.indexOf(e.ours);
      if (e.field === r.field && a >= 0 && b >= 0) {
        onlyTshark.splice(a, 1);
        onlyOurs.splice(b, 1);
      }
    }
    return { ...r, onlyTshark, onlyOurs };
  });
}

/** Real PDUs: the negotiate and session-setup segments of the fixtures and the corpus (one NBSS message each). */
function realPdus(): { name: string; bytes: Uint8Array; direction: 'out' | 'in' }[] {
  return CAPTURES.slice(0, 4).flatMap(({ file, extra }) =>
    tsharkFields(file, ['frame.number', 'tcp.srcport', 'tcp.payload'], { ...ALL_OCCURRENCES, filter: 'smb.cmd == 0x72 || smb.native_os || smb2.cmd == 0 || ntlmssp', extra }).map(
      ([n = '', sport = '', hex = '']) => ({
        name: `${file.split('/').pop() ?? ''}#${n}`,
        bytes: hexBytes(hex),
        direction: sport === '445' || sport === String(FIXTURE_PORT) ? ('in' as const) : ('out' as const),
      }),
    ),
  );
}

describe.skipIf(tshark.skip)(tshark.title('smb conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(smbDecoder, tshark.skip ? [] : realPdus(), 1000);
});

describe('NetBIOS session framing', () => {
  it('frames, asks for missing bytes and skips big bodies', () => {
    expect(frameNbss(new Uint8Array([0]))).toEqual({ need: 4 });
    expect(frameNbss(new Uint8Array([0, 0, 0, 8, 0xff, 0x53]))).toEqual({ need: 12 });
    const big = new Uint8Array(4 + 5000);
    big.set([0, 0, 0x13, 0x88, 0xfe, 0x53, 0x4d, 0x42]);
    big[16] = 8; // SMB2 READ
    expect(frameNbss(big)).toEqual({ pduLength: 4100, skip: 904 });
    expect(frameNbss(new Uint8Array([0x47, 0x45, 0x54, 0x20]))).toHaveProperty('error');
  });

  it('probes by content', () => {
    expect(probeSmb(new Uint8Array([0, 0, 0, 0x40, 0xfe, 0x53, 0x4d, 0x42]))).toBe('yes');
    expect(probeSmb(new Uint8Array([0, 0, 0, 0x40, 0x16, 0x03, 0x01, 0x00]))).toBe('no');
    expect(probeSmb(new Uint8Array([0x81, 0, 0, 0x44]))).toBe('maybe');
    expect(probeSmb(new Uint8Array([0x16, 0x03, 0x01]))).toBe('no');
  });
});

describe('SMB1 session setup without extended security', () => {
  /** NT LM 0.12 SESSION_SETUP_ANDX request, wc 13 (MS-CIFS §2.2.4.53.1), Unicode strings after a pad byte. */
  function ntlm012Request(oemPw: number, uniPw: number): Uint8Array {
    const u16le = (t: string): number[] => Array.from({ length: t.length }, (_, i) => [t.charCodeAt(i), 0]).flat().concat([0, 0]);
    const header = [0xff, 0x53, 0x4d, 0x42, 0x73, 0, 0, 0, 0, 0x18, 0x01, 0x80, ...new Array<number>(20).fill(0)];
    const words = [0xff, 0, 0, 0, 0x04, 0x11, 0x32, 0, 0, 0, 0, 0, 0, 0, oemPw, 0, uniPw, 0, 0, 0, 0, 0, 0xd4, 0, 0, 0];
    const pwEnd = 32 + 1 + 26 + 2 + oemPw + uniPw;
    const strings = [...(pwEnd % 2 === 1 ? [0] : []), ...u16le('nurse'), ...u16le('WARD'), ...u16le('Windows 5.1'), ...u16le('Windows 2000 LAN Manager')];
    const bytes = [...new Array<number>(oemPw + uniPw).fill(0x41), ...strings];
    const smb = [...header, 13, ...words, bytes.length & 0xff, bytes.length >> 8, ...bytes];
    return new Uint8Array([0, 0, smb.length >> 8, smb.length & 0xff, ...smb]);
  }
  const ctx = { tsMs: 0, direction: 'out' as const, src: 'a', sport: 1, dst: 'b', dport: 445, state: undefined };

  it('reads account, domain, native OS and LAN manager, never the password', () => {
    const r = smbDecoder.decode(ntlm012Request(24, 24), ctx);
    expect(r).toEqual({
      records: [{ kind: 'session-setup', smbVersion: 1, cleartextPassword: false, accountName: 'nurse', primaryDomain: 'WARD', nativeOs: 'Windows 5.1', nativeLanMan: 'Windows 2000 LAN Manager' }],
      issues: [],
    });
  });

  it('flags a cleartext password (OEM password that is not a 24-byte response)', () => {
    const r = smbDecoder.decode(ntlm012Request(7, 0), ctx);
    expect(r.records[0]).toMatchObject({ cleartextPassword: true, accountName: 'nurse' });
    expect(JSON.stringify(r)).not.toContain('AAAAAAA');
  });
});

describe.skipIf(tshark.skip)(tshark.title('SMB records against tshark'), () => {
  for (const { file, extra } of CAPTURES) {
    it(`agrees with tshark on ${file.split('/').slice(-2).join('/')}`, async () => {
      const { records, issues } = await recordsOf(file, [smbDecoder]);
      expect(issues).toEqual([]);
      const rows = unexplained(smbAgreement(file, records, extra));
      const bad = rows.filter((r) => r.onlyOurs.length > 0 || r.onlyTshark.length > 0);
      expect(bad).toEqual([]);
      expect(agreementRatio(rows)).toBeGreaterThanOrEqual(0.999);
    });
  }

  it('reads SMBv1 use, native OS and the NTLMSSP user from the SMB1 fixture', async () => {
    const { records } = await recordsOf(fixture('smb1-ntlmssp.pcap'), [smbDecoder]);
    expect(records.find((r) => r.kind === 'negotiate' && r.dport !== FIXTURE_PORT)).toMatchObject({ smbVersion: 1, dialect: 'NT LM 0.12' });
    expect(records.find((r) => r.kind === 'session-setup')).toMatchObject({ nativeOs: 'Unix', nativeLanMan: 'Samba' });
    expect(records.find((r) => r.kind === 'ntlmssp' && r.ntlmMessageType === 3)).toMatchObject({ ntlmUser: 'wardnurse', ntlmDomain: 'WARDDOMAIN' });
  });

  it('reads the Windows Server 2016 build and names from smb_smb3.pcap', async () => {
    const { records } = await recordsOf(corpusPath('zeek/smb_smb3.pcap'), [smbDecoder]);
    expect(records.filter((r) => r.kind === 'negotiate').map((r) => r.dialect ?? r.dialects)).toEqual([['3.0'], '3.0']);
    expect(records.find((r) => r.ntlmMessageType === 2)).toMatchObject({ osVersion: '10.0.14393', ntlmDomain: 'SUSE', ntlmHost: 'WS2016', dnsComputer: 'WS2016.suse.de' });
  });
});


describe.skipIf(peers.skip)(peers.title('SMB with live impacket peers'), () => {
  it('decodes a fresh SMB2 and SMB1 session and agrees with tshark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ww-smb-'));
    const port = 20000 + Math.floor(Math.random() * 20000);
    const r = spawnSync('bash', [fixture('make-fixtures.sh'), dir, String(port)], { encoding: 'utf8', timeout: 150_000 });
    expect(r.status, r.stderr).toBe(0);
    for (const name of ['smb2-ntlmssp.pcap', 'smb1-ntlmssp.pcap']) {
      const file = join(dir, name);
      const { records } = await recordsOf(file, [smbDecoder]);
      expect(records.some((x) => x.kind === 'ntlmssp' && x.ntlmUser === 'wardnurse')).toBe(true);
      const rows = smbAgreement(file, records, ['-d', `tcp.port==${port},nbss`]);
      expect(rows.filter((x) => x.onlyOurs.length > 0 || x.onlyTshark.length > 0)).toEqual([]);
    }
  }, 30_000);
});
