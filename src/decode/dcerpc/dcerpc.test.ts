/** DCE/RPC decoder tests: conformance on the corpus PDUs and interfaces / NTLMSSP cross-checked with tshark. */
import { describe, expect, it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { runDecoderConformance } from '../test-support/conformance.js';
import { corpusPath } from '../test-support/corpus.js';
import { ALL_OCCURRENCES, compareValues, occurrences } from '../test-support/multiset-agreement.js';
import { hexBytes, tsharkFields } from '../../test-support/tshark.js';
import { requires } from '../../test-support/tools.js';
import { smbAgreement } from '../smb/test-support/smb-vs-tshark.js';
import { dcerpcDecoder } from './index.js';

const tshark = requires({ tools: ['tshark'] });

/** The corpus's only connection-oriented DCE/RPC over TCP: a DCOM bind / alter_context with NTLMSSP (Windows 10 1903). */
const NTLM = corpusPath('zeek/dce-rpc_dce_rpc_ntlm.pcapng');

function realPdus(): { name: string; bytes: Uint8Array; direction: 'out' | 'in' }[] {
  return tsharkFields(NTLM, ['frame.number', 'dcerpc.pkt_type', 'tcp.payload'], { ...ALL_OCCURRENCES, filter: 'dcerpc.pkt_type == 11 || dcerpc.pkt_type == 14 || ntlmssp' }).map(([n = '', t = '', hex = '']) => ({
    name: `dce_rpc_ntlm#${n}`,
    bytes: hexBytes(hex),
    direction: t === '12' || t === '15' ? ('in' as const) : ('out' as const),
  }));
}

describe.skipIf(tshark.skip)(tshark.title('dcerpc conformance on the PDUs tshark finds'), () => {
  runDecoderConformance(dcerpcDecoder, tshark.skip ? [] : realPdus());
});

describe.skipIf(tshark.skip)(tshark.title('DCE/RPC records against tshark'), () => {
  it('agrees with tshark on interfaces and NTLMSSP fields of dce_rpc_ntlm.pcapng', async () => {
    const { records, issues } = await recordsOf(NTLM, [dcerpcDecoder]);
    expect(issues).toEqual([]);
    const theirs: string[] = [];
    for (const row of tsharkFields(NTLM, ['dcerpc.cn_bind_to_uuid', 'dcerpc.cn_bind_if_ver', 'dcerpc.cn_bind_if_ver_minor'], { ...ALL_OCCURRENCES, filter: 'dcerpc.pkt_type == 11 || dcerpc.pkt_type == 14' })) {
      const minor = occurrences(row, 2);
      occurrences(row, 1).forEach((major, i) => theirs.push(`${occurrences(row, 0)[i] ?? ''} v${major}.${minor[i] ?? ''}`));
    }
    const ours = records.flatMap((r) => (Array.isArray(r.interfaces) ? r.interfaces.map(String) : []));
    expect(compareValues('interfaces', theirs, ours)).toEqual({ field: 'interfaces', agree: 5, onlyTshark: [], onlyOurs: [] });
    const ntlm = smbAgreement(NTLM, records);
    expect(ntlm.filter((r) => r.onlyOurs.length > 0 || r.onlyTshark.length > 0)).toEqual([]);
    expect(records.find((r) => r.kind === 'ntlmssp' && r.ntlmMessageType === 3)).toMatchObject({
      osVersion: '10.0.18362',
      ntlmUser: 'Administrator',
      ntlmDomain: 'BLACKCLOVER',
      ntlmHost: 'CBTH-WS-1',
      authType: 9,
    });
  });
});
