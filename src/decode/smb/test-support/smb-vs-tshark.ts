/** Test helper: the SMB and NTLMSSP fields tshark sees in a capture next to the ones our smb records carry. */
import type { ProtocolRecord } from '../../types.js';
import { ALL_OCCURRENCES, compareValues, occurrences, type FieldAgreement } from '../../test-support/multiset-agreement.js';
import { tsharkFields } from '../../../test-support/tshark.js';
import { smb2DialectName } from '../parse-smb2.js';

const FIELDS = [
  'smb.dialect.name',
  'smb.dialect.index',
  'smb2.dialect',
  'smb.native_os',
  'smb.native_lanman',
  'smb.account',
  'smb.primary_domain',
  'ntlmssp.messagetype',
  'ntlmssp.version.major',
  'ntlmssp.version.minor',
  'ntlmssp.version.build_number',
  'ntlmssp.auth.username',
  'ntlmssp.auth.domain',
  'ntlmssp.auth.hostname',
  'ntlmssp.challenge.target_info.nb_domain_name',
  'ntlmssp.challenge.target_info.nb_computer_name',
  'ntlmssp.challenge.target_info.dns_domain_name',
  'ntlmssp.challenge.target_info.dns_computer_name',
  'ntlmssp.negotiate.domain',
  'ntlmssp.negotiate.callingworkstation',
] as const;
const col = (name: (typeof FIELDS)[number]): number => FIELDS.indexOf(name);

/** tshark shows an empty NTLMSSP string as NULL; our records leave it out. */
const real = (v: string): boolean => v !== '' && v !== 'NULL';

function str(r: ProtocolRecord, k: string): string[] {
  const v = r[k];
  if (typeof v === 'string' || typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.map(String);
  return [];
}

/** Per field, tshark's values (from frames) and ours (from records), compared as multisets. */
export function smbAgreement(file: string, records: readonly ProtocolRecord[], extra: readonly string[] = []): FieldAgreement[] {
  const rows = tsharkFields(file, FIELDS, { ...ALL_OCCURRENCES, filter: 'smb || smb2 || ntlmssp', extra });
  const t: Record<string, string[]> = {};
  const add = (k: string, vs: string[]): void => {
    (t[k] ??= []).push(...vs.filter(real));
  };
  let offered: string[] = [];
  for (const row of rows) {
    const names = occurrences(row, col('smb.dialect.name'));
    if (names.length > 0) offered = names;
    add('smb1Dialects', names);
    // tshark names the chosen SMB1 dialect only by index into the request's list.
    for (const i of occurrences(row, col('smb.dialect.index'))) add('smb1Dialect', [offered[Number(i)] ?? `#${i}`]);
    add('smb2Dialects', occurrences(row, col('smb2.dialect')).map((h) => smb2DialectName(parseInt(h, 16))));
    add('nativeOs', occurrences(row, col('smb.native_os')));
    add('nativeLanMan', occurrences(row, col('smb.native_lanman')));
    add('accountName', occurrences(row, col('smb.account')));
    add('primaryDomain', occurrences(row, col('smb.primary_domain')));
    const types = occurrences(row, col('ntlmssp.messagetype'));
    add('ntlmMessageType', types.map((x) => String(parseInt(x, 16))));
    const major = occurrences(row, col('ntlmssp.version.major'));
    const minor = occurrences(row, col('ntlmssp.version.minor'));
    const build = occurrences(row, col('ntlmssp.version.build_number'));
    add('osVersion', major.map((m, i) => `${m}.${minor[i] ?? ''}.${build[i] ?? ''}`));
    add('ntlmUser', occurrences(row, col('ntlmssp.auth.username')));
    add('ntlmDomain', ['ntlmssp.auth.domain', 'ntlmssp.challenge.target_info.nb_domain_name', 'ntlmssp.negotiate.domain'].flatMap((f) => occurrences(row, col(f as (typeof FIELDS)[number]))));
    add('ntlmHost', ['ntlmssp.auth.hostname', 'ntlmssp.challenge.target_info.nb_computer_name', 'ntlmssp.negotiate.callingworkstation'].flatMap((f) => occurrences(row, col(f as (typeof FIELDS)[number]))));
    add('dnsDomain', occurrences(row, col('ntlmssp.challenge.target_info.dns_domain_name')));
    add('dnsComputer', occurrences(row, col('ntlmssp.challenge.target_info.dns_computer_name')));
  }
  const o: Record<string, string[]> = {};
  for (const r of records) {
    const push = (k: string, vs: string[]): void => {
      (o[k] ??= []).push(...vs);
    };
    const ds = str(r, 'dialects');
    const smb2Style = (d: string): boolean => /^\d\.(\d|\?)/.test(d);
    push('smb1Dialects', ds.filter((d) => !smb2Style(d)));
    push('smb2Dialects', [...ds, ...str(r, 'dialect')].filter(smb2Style));
    if (r.smbVersion === 1) push('smb1Dialect', str(r, 'dialect'));
    for (const k of ['nativeOs', 'nativeLanMan', 'accountName', 'primaryDomain', 'ntlmMessageType', 'osVersion', 'ntlmUser', 'ntlmDomain', 'ntlmHost', 'dnsDomain', 'dnsComputer']) push(k, str(r, k));
  }
  const keys = new Set([...Object.keys(t), ...Object.keys(o)]);
  return [...keys].map((k) => compareValues(k, t[k] ?? [], o[k] ?? []));
}
