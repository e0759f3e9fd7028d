// Conversation builders of the seventh family. Every encoder here only follows a standard and comes from an earlier
// family: DICOM C-STORE, MLLP, SSH identification, HTTP, SNMP, TLS, SMB and opaque streams from ../heldout/wire.mjs,
// the Telnet login with generic prompts from ../fourth/wire.mjs, the DNS lookup answered by the DC and the gateway's
// LLDP frame (router capability) from ../fifth/wire.mjs. What this clinic does differently is what it leaves out: no
// DHCP exchange at all (static addressing), so generate.mjs never calls a DHCP builder.
export { dicomStore, hl7Send, httpGet, opaqueTcp, opaqueUdp, smbLogon, snmpGet, sshBanners, tlsSession } from '../heldout/wire.mjs';
export { telnetLogin } from '../fourth/wire.mjs';
export { dnsLookup, lldpRouterFrame } from '../fifth/wire.mjs';
