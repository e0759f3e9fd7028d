/** Test support: HL7 messages as tshark's `hl7` dissector shows them (segments per frame), for cross-checks. */
import { decodeAs, tsharkFields } from '../../../test-support/tshark.js';

export interface TsharkHl7Message {
  frame: number;
  sport: number;
  dport: number;
  /** From tshark's MSH segment text, split the way HL7 v2.5 ch. 2.5 says (the same fields our records carry). */
  sendingApplication: string | null;
  sendingFacility: string | null;
  receivingApplication: string | null;
  receivingFacility: string | null;
  messageType: string | null;
  controlId: string | null;
  version: string | null;
  segments: string[];
  ackCode: string | null;
  ackControlId: string | null;
  /** tshark's own hl7.message.type / hl7.event.type for the frame's first message. */
  tsharkType: string | null;
}

const AGG = '\u0001';

function firstRep(field: string | undefined, enc: string, components = 64): string | null {
  if (field === undefined) return null;
  const [comp = '^', rep = '~', , sub = '&'] = enc;
  let t = field.split(rep)[0] ?? '';
  t = t.split(comp).slice(0, components).join('^').split(sub).join('&');
  t = t.replace(/[\^&]+$/, '').trim();
  return t.length > 0 ? t : null;
}

/** tshark writes CR and LF inside hl7.segment as the two characters `\r` / `\n`. */
function unescape(seg: string): string {
  return seg.replace(/\\r|\\n/g, '').trim();
}

export function tsharkHl7(file: string, port: number): TsharkHl7Message[] {
  const fields = ['frame.number', 'tcp.srcport', 'tcp.dstport', 'hl7.message.type', 'hl7.event.type', 'hl7.segment'];
  const rows = tsharkFields(file, fields, { filter: 'hl7', decodeAs: decodeAs([port], 'hl7'), aggregator: AGG, encoding: 'latin1' });
  const messages: TsharkHl7Message[] = [];
  for (const [frame = '', sport = '', dport = '', type = '', event = '', segs = ''] of rows) {
    let cur: TsharkHl7Message | null = null;
    let enc = '^~\\&';
    let first = true;
    for (const raw of segs.split(AGG)) {
      const seg = unescape(raw);
      if (seg.length < 3) continue;
      const name = seg.slice(0, 3);
      if (name === 'MSH') {
        const fs = seg[3] ?? '|';
        const f = seg.split(fs);
        enc = f[1] ?? enc;
        // split() puts MSH-2 at index 1, so MSH-n sits at index n - 1.
        cur = {
          frame: Number(frame), sport: Number(sport), dport: Number(dport),
          sendingApplication: firstRep(f[2], enc), sendingFacility: firstRep(f[3], enc),
          receivingApplication: firstRep(f[4], enc), receivingFacility: firstRep(f[5], enc),
          messageType: firstRep(f[8], enc, 2), controlId: firstRep(f[9], enc), version: firstRep(f[11], enc, 1),
          segments: ['MSH'], ackCode: null, ackControlId: null,
          tsharkType: first && type.length > 0 ? (event.length > 0 ? `${type}^${event}` : type) : null,
        };
        first = false;
        messages.push(cur);
      } else if (cur !== null) {
        cur.segments.push(name);
        if (name === 'MSA') {
          const f = seg.split(seg[3] ?? '|');
          cur.ackCode = firstRep(f[1], enc, 1);
          cur.ackControlId = firstRep(f[2], enc);
        }
      }
    }
  }
  return messages;
}
