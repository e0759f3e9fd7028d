/** Test helper: the SNMP fields tshark sees in a capture next to the ones our snmp records carry. */
import type { ProtocolRecord } from '../../types.js';
import { ALL_OCCURRENCES, compareValues, occurrences, type FieldAgreement } from '../../test-support/multiset-agreement.js';
import { hexBytes, tsharkFields, tsharkJson } from '../../../test-support/tshark.js';
import { utf8Text } from '../../common/text.js';
import { MAX_VARBINDS } from '../parse-pdu.js';

const FIELDS = [
  'snmp.version',
  'snmp.community',
  'snmp.data',
  'snmp.encryptedPDU',
  'snmp.request_id',
  'snmp.error_status',
  'snmp.non_repeaters',
  'snmp.max_repetitions',
  'snmp.name',
  'snmp.msgUserName',
  'snmp.msgAuthoritativeEngineID',
  'snmp.v3.flags.auth',
  'snmp.v3.flags.crypt',
  'snmp.enterprise',
  'snmp.agent_addr',
  'snmp.generic_trap',
  'snmp.specific_trap',
  'snmp.msgVersion',
] as const;
const col = (name: (typeof FIELDS)[number]): number => FIELDS.indexOf(name);

const VERSION: Readonly<Record<string, string>> = { '0': '1', '1': '2c', '3': '3' };
/** snmp.data choice index (RFC 3416 PDUs order) -> our kind. */
const KIND = ['get', 'get-next', 'response', 'set', 'trap', 'get-bulk', 'trap', 'trap', 'report'];
const SYS: Readonly<Record<string, string>> = {
  '1.3.6.1.2.1.1.1.0': 'sysDescr',
  '1.3.6.1.2.1.1.4.0': 'sysContact',
  '1.3.6.1.2.1.1.5.0': 'sysName',
  '1.3.6.1.2.1.1.6.0': 'sysLocation',
};

const EMPTY = '(empty)';

function str(r: ProtocolRecord, k: string): string[] {
  const v = r[k];
  if (typeof v === 'string') return v === '' ? [] : [v];
  if (typeof v === 'number' || typeof v === 'boolean') return [String(v)];
  return [];
}

/** sys* values per frame from tshark's JSON tree (varbind name and value sit in one object). */
function systemValues(file: string, extra: readonly string[]): Record<string, string[]> {
  const frames = tsharkJson(file, 'snmp.data == 2 && snmp.error_status == 0 || snmp.data == 4 || snmp.data == 6 || snmp.data == 7 || snmp.data == 8', [...extra, '--no-duplicate-keys'], { maxBuffer: 256 << 20 });
  const out: Record<string, string[]> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) walk(n);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const o = node as Record<string, unknown>;
    const name = o['snmp.name'];
    if (typeof name === 'string') {
      const key = SYS[name];
      const octets = o['snmp.value.octets'];
      const oid = o['snmp.value.oid'];
      if (key !== undefined && typeof octets === 'string') {
        const text = utf8Text(hexBytes(octets));
        if (text !== '') (out[key] ??= []).push(text);
      }
      if (name === '1.3.6.1.2.1.1.2.0' && typeof oid === 'string') (out['sysObjectId'] ??= []).push(oid);
    }
    for (const v of Object.values(o)) walk(v);
  };
  walk(frames);
  return out;
}

/** Per field, tshark's values (from frames) and ours (from records), compared as multisets. */
export function snmpAgreement(file: string, records: readonly ProtocolRecord[], extra: readonly string[] = []): FieldAgreement[] {
  const rows = tsharkFields(file, FIELDS, { ...ALL_OCCURRENCES, filter: 'snmp', extra });
  const t: Record<string, string[]> = {};
  const add = (k: string, v: string | undefined): void => {
    if (v !== undefined && v !== '' && v !== '<MISSING>') (t[k] ??= []).push(v);
  };
  for (const row of rows) {
    const g = (f: (typeof FIELDS)[number]): string | undefined => occurrences(row, col(f))[0];
    add('version', VERSION[g('snmp.version') ?? g('snmp.msgVersion') ?? '']);
    // An empty community is a value too (tshark prints nothing for it): count it when the message is v1/v2c.
    if (g('snmp.version') !== undefined) add('community', g('snmp.community') ?? EMPTY);
    const data = g('snmp.data');
    add('kind', data !== undefined ? KIND[Number(data)] : g('snmp.encryptedPDU') !== undefined ? 'encrypted' : undefined);
    add('requestId', g('snmp.request_id'));
    add('errorStatus', g('snmp.error_status'));
    add('nonRepeaters', g('snmp.non_repeaters'));
    add('maxRepetitions', g('snmp.max_repetitions'));
    if (data !== undefined) add('varbinds', occurrences(row, col('snmp.name')).slice(0, MAX_VARBINDS).join(' '));
    add('user', g('snmp.msgUserName'));
    add('engineId', g('snmp.msgAuthoritativeEngineID'));
    const auth = g('snmp.v3.flags.auth');
    if (auth !== undefined) add('securityLevel', g('snmp.v3.flags.crypt') === '1' ? 'authPriv' : auth === '1' ? 'authNoPriv' : 'noAuthNoPriv');
    add('enterprise', g('snmp.enterprise'));
    add('agentAddr', g('snmp.agent_addr'));
    add('genericTrap', g('snmp.generic_trap'));
    add('specificTrap', g('snmp.specific_trap'));
  }
  for (const [k, vs] of Object.entries(systemValues(file, extra))) t[k] = vs;
  const o: Record<string, string[]> = {};
  for (const r of records) {
    const push = (k: string, vs: string[]): void => {
      (o[k] ??= []).push(...vs);
    };
    for (const k of ['version', 'community', 'kind', 'requestId', 'errorStatus', 'nonRepeaters', 'maxRepetitions', 'user', 'engineId', 'securityLevel', 'enterprise', 'agentAddr', 'genericTrap', 'specificTrap', 'sysDescr', 'sysObjectId', 'sysName', 'sysContact', 'sysLocation']) push(k, str(r, k));
    if (r.community === '') push('community', [EMPTY]);
    if (Array.isArray(r.varbinds) && r.varbinds.length > 0) push('varbinds', [r.varbinds.map(String).join(' ')]);
  }
  const keys = new Set([...Object.keys(t), ...Object.keys(o)]);
  return [...keys].map((k) => compareValues(k, t[k] ?? [], o[k] ?? []));
}
