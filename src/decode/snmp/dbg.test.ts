import { it } from 'vitest';
import { recordsOf } from '../../pipeline/test-support/records-of.js';
import { snmpDecoder } from './index.js';
import { smbDecoder } from '../smb/index.js';
import { dcerpcDecoder } from '../dcerpc/index.js';
import { snmpAgreement } from './test-support/snmp-vs-tshark.js';
import { smbAgreement } from '../smb/test-support/smb-vs-tshark.js';
it('dbg', async () => {
  const C = '/work/shared/corpus/pcaps/';
  const fx = '/work/main/src/decode/';
  const sets: [string, string[], 'snmp' | 'smb'][] = [
    ...['zeek/snmp_snmpv1_get.pcap', 'zeek/snmp_snmpv1_trap.pcap', 'zeek/snmp_snmpv1_set.pcap', 'zeek/snmp_snmpv2_get.pcap', 'zeek/snmp_snmpv2_get_bulk.pcap', 'zeek/snmp_snmpv3_get_next.pcap', 'ndpi/snmp.pcap'].map((f) => [C + f, [], 'snmp'] as [string, string[], 'snmp']),
    [fx + 'snmp/fixtures/snmp-peers.pcap', ['-d', 'udp.port==16161,snmp', '-d', 'udp.port==16162,snmp'], 'snmp'],
    ...['zeek/smb_smb3.pcap', 'zeek/smb_smb311.pcap', 'zeek/smb_smb1.pcap', 'zeek/smb_cifs_negotiate_lanman.pcap', 'zeek/smb_dssetup_DsRoleGetPrimaryDomainInformation_standalone_workstation.cap', 'ndpi/smb_deletefile.pcap', 'zeek/dce-rpc_dce_rpc_ntlm.pcapng'].map((f) => [C + f, [], 'smb'] as [string, string[], 'smb']),
    [fx + 'smb/fixtures/smb1-ntlmssp.pcap', ['-d', 'tcp.port==4445,nbss'], 'smb'],
    [fx + 'smb/fixtures/smb2-ntlmssp.pcap', ['-d', 'tcp.port==4445,nbss'], 'smb'],
  ];
  const tot: Record<string, [number, number]> = {};
  for (const [f, extra, kind] of sets) {
    const { records } = await recordsOf(f, [snmpDecoder, smbDecoder, dcerpcDecoder]);
    const rows = kind === 'snmp' ? snmpAgreement(f, records, extra) : smbAgreement(f, records, extra);
    let a = 0, d = 0;
    for (const r of rows) { a += r.agree; d += Math.max(r.onlyOurs.length, r.onlyTshark.length); const t = (tot[`${kind}:${r.field}`] ??= [0, 0]); t[0] += r.agree; t[1] += Math.max(r.onlyOurs.length, r.onlyTshark.length); }
    console.log('DBG', f.split('/').pop(), records.length, 'agree', a, 'disagree', d);
  }
  console.log('DBG', JSON.stringify(tot));
});
