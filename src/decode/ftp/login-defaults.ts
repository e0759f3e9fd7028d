/**
 * Published default credentials for cleartext logins (FTP RFC 959 USER/PASS, Telnet RFC 854 login prompts). The
 * rows, each with its source, live in data/default-credentials.json (read by ../http/default-credentials.ts): the
 * SecLists FTP and Telnet lists, SecLists' default-passwords.csv, and CISA ICSMA-18-037-02's medical-device
 * accounts. Only whether a pair matches is kept, never the password.
 */
import { isDefaultFor } from '../http/default-credentials.js';

/** Does this user/password pair appear in a published default list for FTP or Telnet? (Case-sensitive.) */
export function isDefaultLogin(user: string, password: string): boolean {
  return isDefaultFor('ftp', user, password) || isDefaultFor('telnet', user, password);
}
