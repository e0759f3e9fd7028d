/**
 * Test support: a strict reader of RFC 5424 messages (§6 ABNF) and of RFC 6587 octet-counted streams, written from
 * the RFC rather than from our formatter, so a formatting slip shows up as a parse failure.
 */

export interface Syslog5424 {
  pri: number;
  facility: number;
  severity: number;
  version: number;
  timestamp: string;
  hostname: string;
  appName: string;
  procId: string;
  msgId: string;
  /** SD-ID -> params (PARAM-VALUEs unescaped). */
  sd: Map<string, Map<string, string>>;
  /** Whether MSG began with the UTF-8 BOM (§6.4). */
  bom: boolean;
  msg: string;
}

const HEADER = /^<(\d{1,3})>(\d{1,2}) (\S+) (\S{1,255}) (\S{1,48}) (\S{1,128}) (\S{1,32}) /;
/** §6.2.3 TIMESTAMP: FULL-DATE "T" FULL-TIME with TIME-SECFRAC of at most 6 digits, and a zone. */
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/;
const SD_NAME = /^[\x21-\x7e]{1,32}$/;

function parseSd(s: string): { sd: Map<string, Map<string, string>>; rest: string } {
  const sd = new Map<string, Map<string, string>>();
  if (s.startsWith('-')) return { sd, rest: s.slice(1) };
  let i = 0;
  while (s[i] === '[') {
    i++;
    let id = '';
    while (i < s.length && s[i] !== ' ' && s[i] !== ']') id += s[i++] ?? '';
    if (!SD_NAME.test(id) || /[="\]]/.test(id)) throw new Error(`bad SD-ID '${id}'`);
    const params = new Map<string, string>();
    while (s[i] === ' ') {
      i++;
      let name = '';
      while (i < s.length && s[i] !== '=') name += s[i++] ?? '';
      if (!SD_NAME.test(name)) throw new Error(`bad PARAM-NAME '${name}'`);
      if (s[i + 1] !== '"') throw new Error('PARAM-VALUE must be quoted');
      i += 2;
      let value = '';
      for (;;) {
        const c = s[i++];
        if (c === undefined) throw new Error('unterminated PARAM-VALUE');
        if (c === '\\' && (s[i] === '"' || s[i] === '\\' || s[i] === ']')) value += s[i++] ?? '';
        else if (c === '"') break;
        else if (c === ']') throw new Error('unescaped ] in PARAM-VALUE');
        else value += c;
      }
      params.set(name, value);
    }
    if (s[i] !== ']') throw new Error('SD-ELEMENT not closed');
    i++;
    sd.set(id, params);
  }
  if (sd.size === 0) throw new Error('STRUCTURED-DATA missing');
  return { sd, rest: s.slice(i) };
}

export function parse5424(bytes: Buffer): Syslog5424 {
  const text = bytes.toString('utf8');
  if (Buffer.from(text, 'utf8').compare(bytes) !== 0) throw new Error('not valid UTF-8');
  const m = HEADER.exec(text);
  if (m === null) throw new Error(`not an RFC 5424 header: ${JSON.stringify(text.slice(0, 120))}`);
  const [, pri = '', version = '', timestamp = '', hostname = '', appName = '', procId = '', msgId = ''] = m;
  if (!TIMESTAMP.test(timestamp)) throw new Error(`bad TIMESTAMP ${timestamp}`);
  const priN = Number(pri);
  if (priN > 191) throw new Error(`PRI ${pri} out of range`);
  const { sd, rest } = parseSd(text.slice(m[0].length));
  let msg = '';
  if (rest !== '') {
    if (!rest.startsWith(' ')) throw new Error('no SP before MSG');
    msg = rest.slice(1);
  }
  const bom = msg.startsWith('\u{feff}');
  return { pri: priN, facility: priN >> 3, severity: priN & 7, version: Number(version), timestamp, hostname, appName, procId, msgId, sd, bom, msg: bom ? msg.slice(1) : msg };
}

/** Splits an RFC 6587 octet-counted stream into messages; `rest` is an incomplete tail. Throws on a bad length. */
export function splitOctetCounted(buf: Buffer): { messages: Buffer[]; rest: Buffer } {
  const messages: Buffer[] = [];
  let off = 0;
  for (;;) {
    const sp = buf.indexOf(0x20, off);
    if (sp === -1) break;
    const len = buf.subarray(off, sp).toString('ascii');
    if (!/^[1-9]\d{0,8}$/.test(len)) throw new Error(`bad MSG-LEN '${len}'`);
    const end = sp + 1 + Number(len);
    if (end > buf.length) break;
    messages.push(buf.subarray(sp + 1, end));
    off = end;
  }
  return { messages, rest: buf.subarray(off) };
}
