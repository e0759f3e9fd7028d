/** DICOM Upper Layer records and per-flow state (PS3.8 §9.3 PDUs, PS3.7 §9.3 command set, PS3.5 data sets). */
import type { DefaultCredentials } from '../common/default-credentials.js';
import type { DecoderDeps, FieldValue } from '../types.js';

/** PS3.8 §9.3.1 Table 9-1 and following: the seven PDU types. */
export const PduType = {
  AssociateRq: 0x01,
  AssociateAc: 0x02,
  AssociateRj: 0x03,
  PData: 0x04,
  ReleaseRq: 0x05,
  ReleaseRp: 0x06,
  Abort: 0x07,
} as const;

/** PS3.8 §9.3.1: every PDU starts with type (1), reserved (1), length (4, big-endian). */
export const PDU_HEADER_BYTES = 6;

/** Bytes of one P-DATA-TF PDU we decode; the rest (bulk pixel data) is skipped, never buffered. */
export const PDATA_WINDOW_BYTES = 64 * 1024;

/** A-ASSOCIATE-RQ/AC longer than this is not a real association (128 contexts x 32 syntaxes fit easily). */
export const MAX_ASSOCIATE_BYTES = 256 * 1024;

/** Command sets are a few hundred bytes; more than this in fragments is garbage (PS3.7 §6.3.1). */
export const MAX_COMMAND_BYTES = 16 * 1024;

/** Data-set bytes examined per message before giving up (device attributes sit in the first few hundred). */
export const MAX_DATASET_SCAN_BYTES = 64 * 1024;

/** What a decoder emits: `kind` plus the fields of docs/architecture.md (the engine adds the envelope). */
export interface DicomRecord {
  kind: 'associate-rq' | 'associate-ac' | 'associate-rj' | 'release-rq' | 'release-rp' | 'abort' | 'command';
  [field: string]: FieldValue | undefined;
  /** A-ASSOCIATE-RQ/AC (PS3.8 §9.3.2-3): AE titles and the user information the peers identify themselves by. */
  callingAeTitle?: string;
  calledAeTitle?: string;
  applicationContext?: string;
  abstractSyntaxes?: string[];
  transferSyntaxes?: string[];
  maxPduLength?: number;
  implementationClassUid?: string;
  implementationVersionName?: string;
  /** User Identity negotiation (PS3.7 §D.3.3.7): 1 user name, 2 with passcode …; the passcode itself is never kept. */
  userIdentityType?: number;
  userIdentity?: string;
  /** The user name and passcode are a published default (data/default-credentials.json). */
  defaultCredential?: boolean;
  /** DIMSE command (`C-STORE-RQ` …, PS3.7 §9.3) and its SOP class. */
  command?: string;
  affectedSopClassUid?: string;
  /** Device attributes of a data set sent with the command (never patient attributes). */
  dataset?: Record<string, string>;
  /** Whether a data set carried patient attributes, and their tags (never their values). */
  patientDataPresent?: boolean;
  patientDataTags?: string[];
}

/** Transfer syntax families the data-set reader can walk (PS3.5 §10, Annex A). */
export type Encoding = 'explicit-le' | 'implicit-le' | 'explicit-be' | 'deflated' | 'unknown';

/** The incremental data-set reader's state for one message on one presentation context. */
export interface DatasetScan {
  encoding: Encoding;
  transferSyntax: string | null;
  /** Partial element bytes carried to the next fragment (bounded by MAX_CARRY_BYTES). */
  carry: Uint8Array;
  /** Value bytes still to skip (an unwanted or too-long value spanning fragments). */
  skip: number;
  /** Nesting inside undefined-length sequences/items; attributes are kept only at depth 0. */
  depth: number;
  scanned: number;
  /** Past group 0x0018, over the limit, unreadable or bytes lost: ignore further fragments of this message. */
  done: boolean;
  utf8: boolean;
  attrs: Record<string, string>;
  phiTags: string[];
  note: string | null;
}

/** A command waiting for its data set before it is emitted (so the record carries `dataset`). */
export interface PendingCommand {
  record: DicomRecord;
  scan: DatasetScan;
}

/**
 * Per presentation context and direction (key = id, +256 for the responder's side): the command fragments being
 * reassembled and the message awaiting its data set.
 */
export interface ContextState {
  command: Uint8Array[];
  commandBytes: number;
  pending: PendingCommand | null;
}

export interface DicomState {
  /** Presentation context id -> abstract syntax (from the RQ). */
  abstractSyntax: Map<number, string>;
  /** Presentation context id -> accepted transfer syntax (from the AC, result 0). */
  transferSyntax: Map<number, string>;
  /** At most 512 keys: 256 context ids x 2 directions. */
  contexts: Map<number, ContextState>;
  readonly credentials: DefaultCredentials;
}

export function createDicomState(deps: DecoderDeps): DicomState {
  return { abstractSyntax: new Map(), transferSyntax: new Map(), contexts: new Map(), credentials: deps.credentials };
}

export function isDicomState(s: unknown): s is DicomState {
  return typeof s === 'object' && s !== null && 'contexts' in s && 'transferSyntax' in s;
}
