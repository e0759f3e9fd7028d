/**
 * Test support: reads a CEF line back as a SIEM would (CEF rev 25): seven header fields split on unescaped pipes, then
 * `key=value` pairs where a value runs to the next unescaped `=` preceded by a key and a space.
 */
import { cefUnescape } from '../cef-escape.js';

export interface CefRecord {
  version: string;
  vendor: string;
  product: string;
  productVersion: string;
  signatureId: string;
  name: string;
  severity: number;
  ext: Map<string, string>;
}

function splitHeader(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < line.length; i++) {
    const c = line[i] ?? '';
    if (out.length === 7) {
      cur += line.slice(i);
      break;
    }
    if (c === '\\' && i + 1 < line.length) {
      cur += c + (line[i + 1] ?? '');
      i++;
    } else if (c === '|') {
      out.push(cur);
      cur = '';
    } else {
      cur += c;
    }
  }
  out.push(cur);
  return out;
}

function parseExtension(s: string): Map<string, string> {
  const ext = new Map<string, string>();
  // Positions of unescaped `=` whose left side is ` key` (or the start): each starts a pair.
  const starts: { key: string; keyAt: number; valueAt: number }[] = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') {
      i++;
      continue;
    }
    if (s[i] !== '=') continue;
    const m = /(?:^|\s)([A-Za-z0-9_]+)$/.exec(s.slice(0, i));
    if (m?.[1] === undefined) throw new Error(`unescaped '=' at ${i} without a key`);
    starts.push({ key: m[1], keyAt: i - m[1].length, valueAt: i + 1 });
  }
  starts.forEach((p, n) => {
    const end = n + 1 < starts.length ? (starts[n + 1]?.keyAt ?? s.length) - 1 : s.length;
    if (ext.has(p.key)) throw new Error(`key ${p.key} twice`);
    ext.set(p.key, cefUnescape(s.slice(p.valueAt, end)));
  });
  return ext;
}

export function parseCef(line: string): CefRecord {
  if (line.includes('\n') || line.includes('\r')) throw new Error('a CEF line holds no raw line break');
  const parts = splitHeader(line);
  if (parts.length !== 8) throw new Error(`expected 8 header parts, got ${parts.length}`);
  const [version = '', vendor = '', product = '', productVersion = '', signatureId = '', name = '', severity = '', ext = ''] = parts;
  if (version !== 'CEF:0') throw new Error(`not CEF:0 (${version})`);
  const sev = Number(severity);
  if (!/^\d{1,2}$/.test(severity) || sev > 10) throw new Error(`severity ${severity} not 0-10`);
  return { version, vendor: cefUnescape(vendor), product: cefUnescape(product), productVersion: cefUnescape(productVersion), signatureId: cefUnescape(signatureId), name: cefUnescape(name), severity: sev, ext: parseExtension(ext) };
}
