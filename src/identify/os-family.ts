/**
 * OS family vocabulary (docs/architecture.md devices[].os.name) and the key that groups a family with its more specific
 * spelling when evidence is voted.
 *
 * "Embedded Linux" is os.name only when the text itself marks an embedded build (BusyBox, udhcp, uClinux,
 * Yocto/Poky, Buildroot, OpenWrt, Wind River Linux, MontaVista, PetaLinux, or a 32-bit ARM/MIPS/PowerPC/SuperH
 * machine next to a Linux kernel); otherwise a Linux host stays "Linux". Both vote as one family (a SYN signature
 * saying Linux supports a sysDescr saying BusyBox, the more specific name is shown), and both are judged by the
 * kernel series rows of data/os-lifecycle.json, so a version gives end of life either way. RTOSes and network OSes
 * keep their makers' names ("QNX", "VxWorks", "Cisco IOS" with IOS XE in the label, "Junos" …); Windows Embedded
 * is "Windows" with the edition in the label, Windows CE / Embedded Compact is "Windows CE".
 */

/** Names osMentions and the data files use for os.name. Extend by adding, never by renaming. */
export const OS_FAMILIES = [
  'Windows',
  'Windows CE',
  'Linux',
  'Embedded Linux',
  'Android',
  'macOS',
  'FreeBSD',
  'QNX',
  'VxWorks',
  'ThreadX',
  'Nucleus',
  'INTEGRITY',
  'FreeRTOS',
  'eCos',
  'pSOS',
  'RTX',
  'Cisco IOS',
  'Cisco NX-OS',
  'Junos',
  'ArubaOS',
  'FortiOS',
  'PAN-OS',
  'RouterOS',
] as const;
export type OsFamily = (typeof OS_FAMILIES)[number];

/**
 * Families whose lifecycle is another family's: "Embedded Linux" is judged by the Linux kernel series it runs
 * (kernel.org longterm table), so the lifecycle table lists Linux only.
 */
const LIFECYCLE_FAMILY: Readonly<Record<string, string>> = { 'embedded linux': 'Linux' };

/** The family whose lifecycle entries apply to `name` (itself unless listed above). */
export function lifecycleFamily(name: string): string {
  return LIFECYCLE_FAMILY[name.trim().toLowerCase()] ?? name;
}

/**
 * Vote key for os.name: "Embedded Linux" and "Linux" are one candidate (a SYN signature saying Linux supports a
 * sysDescr saying BusyBox); the value shown is the one its strongest evidence carries.
 */
export function osNameKey(name: string): string {
  const k = name.trim().toLowerCase();
  return k === 'embedded linux' ? 'linux' : k;
}
