/**
 * DICOM roles from the DIMSE requests a host sends and receives (PS3.7 §9.1 C-STORE, C-FIND, C-MOVE, C-GET; PS3.4
 * Annex B storage and Annex C query/retrieve SOP classes): a modality only sends C-STORE of one kind of acquisition
 * (type by the data set's Modality, else by the SOP class); an archive (PACS) answers query/retrieve or takes images
 * in and sends them on; a workstation queries and retrieves and acquires nothing; a storage SCP that does neither is
 * judged as before, by the storage contexts it accepts.
 */
import type { ProtocolRecord } from '../decode/types.js';
import type { KnowledgeBase } from './knowledge/kb-types.js';
import { matchRules } from './knowledge/lookup.js';
import { HALF_CONFIDENCE, named, peerOf, ruleEvidence, tokensOf, type HalfSink } from './traffic-role.js';
import type { Evidence } from './types.js';

export const DICOM_OUT = 'dicom.role.out';
export const DICOM_IN = 'dicom.role.in';
export const DICOM_ROLE_SOURCE = 'rule.device-types.dicomTraffic';
const REQUESTS: ReadonlySet<string> = new Set(['C-STORE-RQ', 'C-FIND-RQ', 'C-MOVE-RQ', 'C-GET-RQ']);
const STORAGE_SOP = /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.[\d.]+$/; // PS3.4 Annex B
const QUERY_RETRIEVE_SOP = /^1\.2\.840\.10008\.5\.1\.4\.1\.2\.[\d.]+$/; // PS3.4 Annex C (not worklist, 5.1.4.31)
const UID = /^[\d.]{1,64}$/;
const MODALITY = /^[A-Z]{1,16}$/;

/** One DIMSE request: the sender's half names command, SOP class, data-set modality and peer; the receiver's too. */
export function dicomCommandHalves(rec: ProtocolRecord, sender: HalfSink | null, receiver: HalfSink | null): void {
  const cmd = typeof rec.command === 'string' ? rec.command : '';
  const sop = typeof rec.affectedSopClassUid === 'string' ? rec.affectedSopClassUid.trim() : '';
  if (!REQUESTS.has(cmd) || !UID.test(sop) || rec.src === rec.dst) return;
  const ds = rec.dataset;
  const m = typeof ds === 'object' && ds !== null && !Array.isArray(ds) ? (ds as Record<string, unknown>).modality : undefined;
  const modality = typeof m === 'string' && MODALITY.test(m.trim()) ? ` modality=${m.trim()}` : '';
  sender?.add('type', 'sends DICOM requests', DICOM_OUT, `${cmd} ${sop}${modality} to ${rec.dst}`, HALF_CONFIDENCE);
  receiver?.add('type', 'receives DICOM requests', DICOM_IN, `${cmd} ${sop} from ${rec.src}`, HALF_CONFIDENCE);
}

/** The acceptor of an association that accepted storage contexts (its A-ASSOCIATE-AC), for the requester `dst`. */
export function dicomStorageScpHalf(rec: ProtocolRecord, acceptor: HalfSink | null): void {
  acceptor?.add('type', 'accepts DICOM storage', DICOM_IN, `A-ASSOCIATE-AC storage-scp for ${rec.dst}`, HALF_CONFIDENCE);
}

interface Request {
  cmd: string;
  sop: string;
  modality: string | null;
  peer: string;
}

function requests(evidence: readonly Evidence[], source: string): Request[] {
  return evidence.filter((e) => e.source === source).map((e) => {
    const [cmd = '', sop = '', ...rest] = e.detail.split(' ');
    const mod = tokensOf(e.detail).find((t) => t.startsWith('modality='));
    return { cmd, sop: rest.length > 0 ? sop : '', modality: mod === undefined ? null : mod.slice(9), peer: peerOf(e.detail) };
  });
}

/** The type/category rule hits a stored image's data-set Modality gives, else its SOP class. */
function storedKind(kb: KnowledgeBase, r: Request): { field: string; value: string; type: string; category: string | null } | null {
  for (const [field, value] of r.modality !== null ? [['modality', r.modality], ['storageSopClass', r.sop]] : [['storageSopClass', r.sop]]) {
    const hit = matchRules(kb, 'device-types', field ?? '', value ?? '').find((h) => h.values.type !== undefined);
    if (hit?.values.type !== undefined) return { field: field ?? '', value: value ?? '', type: hit.values.type, category: hit.values.category ?? null };
  }
  return null;
}

/** Type/category evidence for the DICOM role the host's requests show, or none when they show no single role. */
export function dicomRoles(kb: KnowledgeBase, evidence: readonly Evidence[], tsMs: number): Evidence[] {
  const outs = requests(evidence, DICOM_OUT);
  const ins = requests(evidence, DICOM_IN);
  if (outs.length === 0 && ins.length === 0) return [];
  const isQr = (r: Request): boolean => r.cmd !== 'C-STORE-RQ' && QUERY_RETRIEVE_SOP.test(r.sop);
  const isStore = (r: Request): boolean => r.cmd === 'C-STORE-RQ' && STORAGE_SOP.test(r.sop);
  const qrServedFor = [...new Set(ins.filter(isQr).map((r) => r.peer))].sort();
  const storesFrom = [...new Set(ins.filter(isStore).map((r) => r.peer))].sort();
  const stores = outs.filter(isStore);
  const queries = outs.filter(isQr);
  // Taking images from two hosts, or taking images and sending them on, is an archive's or router's traffic unless
  // the host also queries (a workstation retrieves from one or more archives).
  const takesImages = queries.length === 0 && storesFrom.length > 0 && (storesFrom.length >= 2 || stores.length > 0);
  if (qrServedFor.length > 0 || takesImages) {
    const seen = qrServedFor.length > 0 ? `answers DICOM query/retrieve from ${named(qrServedFor)}` : `receives images from ${named(storesFrom)}${stores.length > 0 ? ' and sends images on' : ''}`;
    return ruleEvidence(kb, 'trafficRole', 'dicom-archive', DICOM_ROLE_SOURCE, seen, tsMs);
  }
  if (queries.length > 0) {
    const kinds = stores.map((r) => storedKind(kb, r)).filter((k) => k !== null && k.category === 'imaging');
    if (kinds.length > 0) return [];
    const seen = `queries and retrieves from ${named([...new Set(queries.map((r) => r.peer))].sort())} and acquires no images`;
    return ruleEvidence(kb, 'trafficRole', 'dicom-query-client', DICOM_ROLE_SOURCE, seen, tsMs);
  }
  if (stores.length > 0 && storesFrom.length === 0) return modalityEvidence(kb, stores, tsMs);
  if (ins.some((r) => r.cmd === 'A-ASSOCIATE-AC')) {
    return ruleEvidence(kb, 'dicomRole', 'storage-scp', DICOM_ROLE_SOURCE, `accepts DICOM storage from ${named([...new Set(ins.map((r) => r.peer))].sort())}`, tsMs);
  }
  return [];
}

/**
 * A sender of images and nothing else: the acquisition its images show, when they show one kind (a CT sending CT
 * images and secondary captures is a CT; images of CT and MR from one host are a router's, not a modality's).
 */
function modalityEvidence(kb: KnowledgeBase, stores: readonly Request[], tsMs: number): Evidence[] {
  const kinds = stores.map((r) => storedKind(kb, r)).filter((k) => k !== null);
  const acquisitions = kinds.filter((k) => k.category !== 'imaging-infrastructure');
  const types = [...new Set((acquisitions.length > 0 ? acquisitions : kinds).map((k) => k.type))];
  const kind = (acquisitions.length > 0 ? acquisitions : kinds)[0];
  if (types.length !== 1 || kind === undefined) return [];
  const peers = named([...new Set(stores.map((r) => r.peer))].sort());
  const what = kind.field === 'modality' ? `Modality ${kind.value}` : `SOP class ${kind.value}`;
  return ruleEvidence(kb, kind.field, kind.value, DICOM_ROLE_SOURCE, `sends images (${what}) to ${peers} and receives none`, tsMs);
}
