/** Test helper: compares decoder records with tshark's DICOM fields on the same capture (multiset agreement per field). */
import { decodeAs, tsharkFields } from '../../../test-support/tshark.js';
import type { RecordBody } from '../../types.js';

/** tshark's DICOM fields we compare, and how each maps onto our records. */
const FIELDS = [
  'dicom.pdu.type',
  'dicom.assoc.ae.calling',
  'dicom.assoc.ae.called',
  'dicom.userinfo.uid',
  'dicom.userinfo.version',
  'dicom.pctx.abss.syntax',
  'dicom.pctx.xfer.syntax',
  'dicom.max_pdu_len',
  'dicom.assoc.reject.result',
  'dicom.assoc.reject.source',
  'dicom.assoc.reject.reason',
  'dicom.assoc.abort.source',
  'dicom.assoc.abort.reason',
  'dicom.userinfo.user_identify.primary_field',
  '_ws.col.Info',
] as const;

export type Values = Map<string, string[]>;

/** "Name (1.2.3)" -> "1.2.3"; AE titles lose their space padding; hex numbers become decimal. */
function norm(field: string, v: string): string {
  const uid = /\(([0-9.]+)\)$/.exec(v);
  if (uid?.[1] !== undefined && field.startsWith('dicom.pctx')) return uid[1];
  if (/^0x[0-9a-f]+$/i.test(v)) return String(parseInt(v, 16));
  return v.trim();
}

export function tsharkValues(file: string, ports: readonly number[]): Values {
  const rows = tsharkFields(file, FIELDS, { filter: 'dicom', decodeAs: decodeAs(ports, 'dicom'), occurrence: 'a', aggregator: '\u0001' });
  const out: Values = new Map();
  for (const cols of rows) {
    FIELDS.forEach((f, i) => {
      const raw = cols[i] ?? '';
      if (raw === '') return;
      for (const v of raw.split('\u0001')) {
        if (f === '_ws.col.Info') {
          // Commands as tshark names them: "C-STORE-RQ ID=1".
          for (const m of v.matchAll(/\b([CN]-[A-Z-]+?-(?:RQ|RSP)) ID=(\d+)/g)) push(out, 'command', `${m[1] ?? ''} ${m[2] ?? ''}`);
        } else if (f === 'dicom.pdu.type' && norm(f, v) === '4') continue; // P-DATA gives command records, compared above
        else push(out, f, norm(f, v));
      }
    });
  }
  return out;
}

function push(m: Values, k: string, v: string): void {
  const list = m.get(k);
  if (list === undefined) m.set(k, [v]);
  else list.push(v);
}

const PDU_TYPES: Readonly<Record<string, number>> = {
  'associate-rq': 1,
  'associate-ac': 2,
  'associate-rj': 3,
  'release-rq': 5,
  'release-rp': 6,
  abort: 7,
};

/** The same fields, from our records. */
export function recordValues(records: readonly RecordBody[]): Values {
  const out: Values = new Map();
  const s = (v: unknown): string => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '');
  for (const r of records) {
    const type = PDU_TYPES[r.kind];
    if (type !== undefined) push(out, 'dicom.pdu.type', String(type));
    if (r.kind === 'associate-rq' || r.kind === 'associate-ac') {
      push(out, 'dicom.assoc.ae.calling', s(r.callingAeTitle));
      push(out, 'dicom.assoc.ae.called', s(r.calledAeTitle));
      if (r.implementationClassUid !== undefined) push(out, 'dicom.userinfo.uid', s(r.implementationClassUid));
      if (r.implementationVersionName !== undefined) push(out, 'dicom.userinfo.version', s(r.implementationVersionName));
      if (r.maxPduLength !== undefined) push(out, 'dicom.max_pdu_len', s(r.maxPduLength));
      if (r.userIdentity !== undefined) push(out, 'dicom.userinfo.user_identify.primary_field', s(r.userIdentity));
      const pcs = Array.isArray(r.presentationContexts) ? r.presentationContexts : [];
      for (const pc of pcs) {
        if (typeof pc !== 'object' || pc === null || Array.isArray(pc)) continue;
        const o = pc as Record<string, unknown>;
        if (r.kind === 'associate-rq') {
          push(out, 'dicom.pctx.abss.syntax', s(o.abstractSyntax));
          for (const ts of Array.isArray(o.transferSyntaxes) ? o.transferSyntaxes : []) push(out, 'dicom.pctx.xfer.syntax', s(ts));
        } else if (o.transferSyntax !== undefined) push(out, 'dicom.pctx.xfer.syntax', s(o.transferSyntax));
      }
    }
    if (r.kind === 'associate-rj') {
      push(out, 'dicom.assoc.reject.result', s(r.result));
      push(out, 'dicom.assoc.reject.source', s(r.source));
      push(out, 'dicom.assoc.reject.reason', s(r.reason));
    }
    if (r.kind === 'abort') {
      push(out, 'dicom.assoc.abort.source', s(r.source));
      push(out, 'dicom.assoc.abort.reason', s(r.reason));
    }
    if (r.kind === 'command') {
      const id = r.messageId ?? r.messageIdBeingRespondedTo;
      push(out, 'command', `${s(r.command)} ${s(id)}`);
    }
  }
  return out;
}

export interface Agreement {
  /** Values both sides decoded (paired up per field). */
  compared: number;
  agreed: number;
  /** Values one side decoded and the other did not decode at all. */
  oneSided: string[];
  /** Per field, values that did not pair up. */
  disagreements: string[];
}

export function emptyAgreement(): Agreement {
  return { compared: 0, agreed: 0, oneSided: [], disagreements: [] };
}

/** Per field, values are compared as multisets; unmatched values on both sides are conflicts, on one side one-sided. */
export function compare(ours: Values, theirs: Values, into: Agreement = emptyAgreement()): Agreement {
  for (const key of new Set([...ours.keys(), ...theirs.keys()])) {
    const a = [...(ours.get(key) ?? [])];
    const b = theirs.get(key) ?? [];
    let agreed = 0;
    const missing: string[] = [];
    for (const v of b) {
      const i = a.indexOf(v);
      if (i >= 0) {
        a.splice(i, 1);
        agreed++;
      } else missing.push(v);
    }
    const conflicts = Math.min(missing.length, a.length);
    into.compared += agreed + conflicts;
    into.agreed += agreed;
    if (conflicts > 0) into.disagreements.push(`${key}: tshark [${missing.join(', ')}], ours [${a.join(', ')}]`);
    else if (missing.length > 0 || a.length > 0) into.oneSided.push(`${key}: tshark only [${missing.join(', ')}], ours only [${a.join(', ')}]`);
  }
  return into;
}
