/**
 * Published default credentials for cleartext logins (FTP RFC 959 USER/PASS, Telnet RFC 854 login prompts). Only
 * whether a pair matches is kept, never the password. Rows below come from SecLists
 * (danielmiessler/SecLists, Passwords/Default-Credentials/ftp-betterdefaultpasslist.txt at 008f128a and
 * telnet-betterdefaultpasslist.txt at 208d2e43); the HTTP decoder's table (default-passwords.csv rows) is consulted
 * too, so a pair listed there is not written twice.
 */
import { isDefaultCredential as isHttpDefault } from '../http/default-credentials.js';

interface DefaultLogin {
  user: string;
  password: string;
  /** Which list (and vendor, where SecLists' neighbouring rows or vendor manuals name one). */
  source: string;
}

const FTP_LIST = 'SecLists ftp-betterdefaultpasslist.txt';
const TELNET_LIST = 'SecLists telnet-betterdefaultpasslist.txt';

const DEFAULTS: readonly DefaultLogin[] = [
  { user: 'ftp', password: 'ftp', source: FTP_LIST },
  { user: 'ftp', password: 'b1uRR3', source: FTP_LIST },
  { user: 'localadmin', password: 'localadmin', source: `${FTP_LIST}; ${TELNET_LIST}` },
  { user: 'admin', password: 'nas', source: FTP_LIST },
  { user: 'Root', password: 'wago', source: `${FTP_LIST}; ${TELNET_LIST} (WAGO PLC)` },
  { user: 'Admin', password: 'wago', source: `${FTP_LIST}; ${TELNET_LIST} (WAGO PLC)` },
  { user: 'default', password: 'default', source: FTP_LIST },
  { user: 'admin', password: 'default', source: FTP_LIST },
  { user: 'supervisor', password: 'supervisor', source: `${FTP_LIST}; ${TELNET_LIST}` },
  { user: 'root', password: 'password', source: `${FTP_LIST}; ${TELNET_LIST}` },
  { user: 'user', password: 'password', source: FTP_LIST },
  { user: 'ftpuser', password: 'password', source: `${FTP_LIST}; ${TELNET_LIST}` },
  { user: 'instrument', password: 'instrument', source: FTP_LIST },
  { user: 'MELSEC', password: 'MELSEC', source: `${FTP_LIST} (Mitsubishi PLC)` },
  { user: 'sysdiag', password: 'factorycast@schneider', source: `${FTP_LIST} (Schneider Electric)` },
  { user: 'PlcmSpIp', password: 'PlcmSpIp', source: `${FTP_LIST} (Polycom SoundPoint IP phones)` },
  { user: 'device', password: 'apc', source: `${FTP_LIST}; ${TELNET_LIST} (APC)` },
  { user: 'root', password: 'calvin', source: `${TELNET_LIST} (Dell iDRAC)` },
  { user: 'cisco', password: 'cisco', source: TELNET_LIST },
  { user: 'root', password: 'default', source: TELNET_LIST },
  { user: 'root', password: '12345', source: TELNET_LIST },
  { user: 'root', password: '123456', source: TELNET_LIST },
  { user: 'root', password: '1234', source: TELNET_LIST },
  { user: 'root', password: 'xc3511', source: TELNET_LIST },
  { user: 'root', password: 'vizxv', source: TELNET_LIST },
  { user: 'root', password: 'linux', source: TELNET_LIST },
  { user: 'root', password: 'system', source: TELNET_LIST },
  { user: 'admin', password: 'admin1234', source: TELNET_LIST },
  { user: 'admin', password: 'system', source: TELNET_LIST },
  { user: 'support', password: 'support', source: TELNET_LIST },
  { user: 'tech', password: 'tech', source: TELNET_LIST },
  { user: 'ubnt', password: 'ubnt', source: TELNET_LIST },
  { user: 'GE', password: 'GE', source: `${TELNET_LIST} (GE)` },
  { user: 'Liebert', password: 'Liebert', source: `${TELNET_LIST} (Vertiv Liebert UPS)` },
  { user: 'admin', password: 'avocent', source: `${TELNET_LIST} (Avocent KVM)` },
  { user: 'mg3500', password: 'merlin', source: TELNET_LIST },
];

/** Does this user/password pair appear in a published default list? (Case-sensitive, as the devices compare.) */
export function isDefaultLogin(user: string, password: string): boolean {
  return DEFAULTS.some((d) => d.user === user && d.password === password) || isHttpDefault(user, password);
}
