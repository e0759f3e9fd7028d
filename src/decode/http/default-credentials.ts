/**
 * Published default credentials checked against HTTP Basic logins. Only the fact of a match is kept, never the
 * password. Source of every row: SecLists Passwords/Default-Credentials/default-passwords.csv (danielmiessler/SecLists,
 * commit 02cdfa5f), vendor column quoted; medical-imaging rows cite the vendor manual that SecLists links.
 */

interface DefaultCredential {
  user: string;
  password: string;
  /** Vendor(s) whose documentation ships this pair, as SecLists lists them. */
  source: string;
}

const DEFAULTS: readonly DefaultCredential[] = [
  { user: 'admin', password: 'admin', source: 'SecLists: 3COM, Allnet, Aruba, Avaya, Barracuda, Busybox, Barco' },
  { user: 'admin', password: 'password', source: 'SecLists: 3COM, ADIC, ADTRAN, Arris, Avaya, Buffalo, Bomgar' },
  { user: 'admin', password: '', source: 'SecLists: 3COM, ACCTON, Alteon, Allied Telesyn (<BLANK>)' },
  { user: 'admin', password: '1234', source: 'SecLists: CNET, Cable And Wireless' },
  { user: 'admin', password: '123456', source: 'SecLists: Arlotto' },
  { user: 'admin', password: 'admin123', source: 'SecLists: Avaya' },
  { user: 'administrator', password: 'password', source: 'SecLists: AMX' },
  { user: 'root', password: 'root', source: 'SecLists: Ambit, Apache, Avaya' },
  { user: 'root', password: '', source: 'SecLists: Allied Telesyn, Ambit, Buffalo (<BLANK>)' },
  { user: 'root', password: 'pass', source: 'SecLists: Axis Communications' },
  { user: 'root', password: 'admin', source: 'SecLists: Apple, Aztech' },
  { user: 'user', password: 'user', source: 'SecLists: Ambit, Bosch' },
  { user: 'guest', password: 'guest', source: 'SecLists: AMX' },
  { user: 'service', password: 'service', source: 'SecLists: Bosch' },
  { user: 'tomcat', password: 'tomcat', source: 'SecLists: Apache (Tomcat manager)' },
  { user: 'manager', password: 'manager', source: 'SecLists: 3COM, ACCTON, Allied Telesyn' },
  { user: 'apc', password: 'apc', source: 'SecLists: APC (UPS network management card)' },
  { user: 'KeyOperator', password: 'DV5800', source: 'SecLists: CareStream Health DryView 5800/5850 laser imager manual' },
  { user: 'LocalService', password: 'DV5800', source: 'SecLists: CareStream Health DryView 5800/5850 laser imager manual' },
];

/** Does this user/password pair appear in the published defaults? (Case-sensitive, as the devices compare.) */
export function isDefaultCredential(user: string, password: string): boolean {
  return DEFAULTS.some((d) => d.user === user && d.password === password);
}
