/** DNS RR TYPE and RCODE mnemonics (IANA DNS parameters registry; RFC 1035 §3.2.2, §4.1.1; RFC 6895). */

const TYPE_NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'A'], [2, 'NS'], [5, 'CNAME'], [6, 'SOA'], [10, 'NULL'], [12, 'PTR'], [13, 'HINFO'], [15, 'MX'], [16, 'TXT'],
  [17, 'RP'], [18, 'AFSDB'], [24, 'SIG'], [25, 'KEY'], [28, 'AAAA'], [29, 'LOC'], [33, 'SRV'], [35, 'NAPTR'],
  [39, 'DNAME'], [41, 'OPT'], [43, 'DS'], [44, 'SSHFP'], [46, 'RRSIG'], [47, 'NSEC'], [48, 'DNSKEY'], [50, 'NSEC3'],
  [51, 'NSEC3PARAM'], [52, 'TLSA'], [64, 'SVCB'], [65, 'HTTPS'], [99, 'SPF'], [249, 'TKEY'], [250, 'TSIG'],
  [251, 'IXFR'], [252, 'AXFR'], [255, 'ANY'], [256, 'URI'], [257, 'CAA'],
]);

/** Mnemonic, or RFC 3597's `TYPE<n>` for types without one. */
export function rrTypeName(t: number): string {
  return TYPE_NAMES.get(t) ?? `TYPE${t}`;
}

const RCODE_NAMES: readonly string[] = [
  'NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED', 'YXDOMAIN', 'YXRRSET', 'NXRRSET', 'NOTAUTH', 'NOTZONE',
];

export function rcodeName(r: number): string {
  return RCODE_NAMES[r] ?? `RCODE${r}`;
}

const OPCODE_NAMES: readonly string[] = ['QUERY', 'IQUERY', 'STATUS', 'OPCODE3', 'NOTIFY', 'UPDATE', 'DSO'];

export function opcodeName(o: number): string {
  return OPCODE_NAMES[o] ?? `OPCODE${o}`;
}
