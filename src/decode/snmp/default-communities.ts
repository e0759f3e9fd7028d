/**
 * Factory-default SNMP communities, for `defaultCommunity` (the snmp-default-community finding). Sources:
 * CVE-1999-0517 ("An SNMP community name is the default (e.g. public), null, or missing"); Debian's shipped
 * /etc/snmp/snmpd.conf (`rocommunity public default`); the Net-SNMP FAQ's examples (`rwcommunity private`, and
 * its note on "public" and "private" as the well-known pair). Empty counts as default (the CVE's "null").
 */
const DEFAULT_COMMUNITIES: ReadonlySet<string> = new Set(['public', 'private', '']);

export function isDefaultCommunity(community: string): boolean {
  return DEFAULT_COMMUNITIES.has(community.toLowerCase());
}
