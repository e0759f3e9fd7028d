/**
 * Interactive-use signals from records, for computer-role.ts: a browser's User-Agent (RFC 9110 §10.1.5; MDN
 * "User-Agent": `Mozilla/5.0 (<system>) … <browser>/<version>`), a NetBIOS host announcement with its server type bits
 * (MS-BRWS §2.2.1, MS-SRVS §2.2.2.7), an NTLMSSP AUTHENTICATE the host sent as an SMB client (MS-NLMP §2.2.1.3).
 */
import type { ProtocolRecord } from '../decode/types.js';
import { SIGNAL_BROWSER_ANNOUNCEMENT, SIGNAL_BROWSER_UA, SIGNAL_CONFIDENCE, SIGNAL_SMB_CLIENT } from './computer-role.js';
import { emitterFor, text } from './evidence/common.js';
import type { Observation } from './types.js';

/**
 * A desktop browser: a Windows, macOS or X11 platform token and a browser product token (Chrome, Firefox, Safari,
 * Edge, Opera, or Internet Explorer 11's Trident/7.0). Phones and tablets (Android, iPhone, iPad) are not desktops.
 */
const BROWSER_UA = /^Mozilla\/5\.0 \((?:Windows NT [\d.]+|Macintosh; Intel Mac OS X [\d_.]+|X11; (?:Ubuntu; |Fedora; )?Linux \w+)[^)]*\).*\b(?:Chrome|Firefox|Safari|Edg|OPR)\/\d/;
/** Internet Explorer 11 puts its token inside the parentheses (Microsoft "Understanding user-agent strings"). */
const IE11_UA = /^Mozilla\/5\.0 \(Windows NT [\d.]+;[^)]*\bTrident\/7\.0;[^)]*\brv:11\.0\) like Gecko$/;
const NOT_BROWSER = /\b(?:bot|crawler|spider|curl|wget|python|java|okhttp|Electron)\b/i;

export function isDesktopBrowser(userAgent: string): boolean {
  return (BROWSER_UA.test(userAgent) || IE11_UA.test(userAgent)) && !NOT_BROWSER.test(userAgent);
}

/** MS-SRVS §2.2.2.7: SV_TYPE_SERVER_NT (a Windows Server), SV_TYPE_DOMAIN_CTRL / _BAKCTRL (domain controllers). */
const SERVER_ROLES: ReadonlySet<string> = new Set(['nt-server', 'domain-controller', 'backup-domain-controller']);

function announcedProduct(roles: unknown): 'workstation' | 'server' | null {
  if (!Array.isArray(roles)) return null;
  const set = new Set(roles.filter((r): r is string => typeof r === 'string'));
  if ([...SERVER_ROLES].some((r) => set.has(r))) return 'server';
  return set.has('nt-workstation') ? 'workstation' : null; // SV_TYPE_NT: any Windows NT host
}

export function signalObservations(rec: ProtocolRecord): Observation[] {
  const out: Observation[] = [];
  if (rec.proto === 'http' && rec.kind === 'request') {
    const ua = text(rec, 'userAgent');
    if (ua !== null && isDesktopBrowser(ua)) emitterFor(out, rec, 'sender')?.add('type', 'workstation', SIGNAL_BROWSER_UA, `sent a desktop browser User-Agent (${ua.slice(0, 120)})`, SIGNAL_CONFIDENCE);
  } else if (rec.proto === 'nbdgm' && rec.kind === 'browser-announce' && (rec.browserCommand === 'host-announcement' || rec.browserCommand === 'local-master-announcement')) {
    const product = announcedProduct(rec.serverRoles);
    const host = text(rec, 'hostname') ?? '';
    if (product !== null) emitterFor(out, rec, 'sender')?.add('type', product, SIGNAL_BROWSER_ANNOUNCEMENT, `announces itself (NetBIOS ${host}, server type ${text(rec, 'serverType') ?? '?'})`, SIGNAL_CONFIDENCE);
  } else if (rec.proto === 'smb' && rec.kind === 'ntlmssp' && rec.ntlmMessageType === 3) {
    emitterFor(out, rec, 'sender')?.add('type', 'workstation', SIGNAL_SMB_CLIENT, `authenticates to the file server ${rec.dst} as an SMB client`, SIGNAL_CONFIDENCE);
  }
  return out;
}
