/** Shapes of the identification knowledge (data/*.json and user --rules files), as loaded and validated. */
import type { DeviceCategory, EvidenceAttribute } from '../types.js';
import type { VendorDictionary, VendorEntry } from '../vendor-mentions.js';
import type { LazyPenRegistry } from './pen-registry.js';

/** A regex rule: when `field` matches, each `set` attribute gets a value ($1.. are the match's groups). */
export interface PatternRule {
  field: string;
  match: string;
  re: RegExp;
  set: Partial<Record<EvidenceAttribute, string>>;
  confidence: number;
  source: string;
  /** The rule names a software stack many makers embed (a DICOM toolkit): its facts describe the stack, not the device. */
  toolkit: boolean;
}

export interface DicomRoot {
  root: string;
  vendor: string;
  product: string | null;
  /** vendor: a device maker's root; toolkit: a software stack embedded by many makers; generic: says nothing. */
  kind: 'vendor' | 'toolkit' | 'generic';
  confidence: number;
  source: string;
}

export interface TcpSignature {
  direction: 'request' | 'response';
  ttl: number;
  /** '*', a number as text, or 'mss*N'. */
  window: string;
  windowScale: string;
  options: string;
  osName: string;
  osLabel: string | null;
  confidence: number;
  /** Confidence on a host already shown to run a general-purpose application (DICOM/HL7 application entity). */
  hostConfidence: number | null;
  source: string;
}

export interface LifecycleEntry {
  name: string;
  version: string;
  label: string;
  family: string;
  productType: 'workstation' | 'server' | 'embedded' | null;
  /**
   * A general client edition (Home/Pro, Enterprise/Education of the semi-annual channel) of a build that also has a
   * long-term or server release: a host known to be anything but a workstation (a PACS, a DC, a modality) runs the latter.
   */
  generalEdition: boolean;
  endOfSupport: string;
  source: string;
}

export interface FdaProductCode {
  code: string;
  name: string;
  deviceClass: number;
  regulation: string;
  lifeSustaining: boolean;
  type: string;
  category: DeviceCategory;
  source: string;
}

/** Rule sets that share the PatternRule shape, by data file name. */
export const RULE_SETS = [
  'dicom-version-names',
  'hl7-applications',
  'dhcp-fingerprints',
  'dhcp-vendor-classes',
  'http-fingerprints',
  'snmp-sysdescr',
  'banner-fingerprints',
  'device-types',
] as const;
export type RuleSetName = (typeof RULE_SETS)[number];

export interface KnowledgeBase {
  /** 'AABBCC' -> organisation. */
  oui: Map<string, string>;
  /** OUIs of embedded network-module makers (their OUI rarely names the device maker). */
  ouiModuleMakers: Set<string>;
  /**
   * OUIs listed as medical device makers' (data/oui.json medicalMakers, user files). An OUI whose owner names a medical
   * maker of data/vendor-aliases.json is one without a listing (lookup.ts ouiVendor derives it); the shipped list holds
   * only makers that keep their own name on devices while advisories file them under their owner (Welch Allyn, Mortara).
   */
  ouiMedicalMakers: Set<string>;
  /** Longest root first. */
  dicomRoots: DicomRoot[];
  rules: Record<RuleSetName, PatternRule[]>;
  tcp: TcpSignature[];
  lifecycle: LifecycleEntry[];
  /** Normalised alias -> canonical vendor name. */
  vendorAliases: Map<string, string>;
  /** Normalised canonical names of computer makers (PCs, servers, virtual NICs): their OUI names the hardware only. */
  computerMakers: Set<string>;
  /** Normalised canonical names of IT makers of whole devices (data/vendor-aliases.json deviceMaker): their OUI names the device. */
  deviceMakers: Set<string>;
  /** IANA Private Enterprise Number -> canonical maker (data/vendor-aliases.json pens; computer and platform makers left out). */
  pens: Map<number, string>;
  /** ASHRAE BACnet vendor identifier -> assigned organisation (data/bacnet-vendors.json), and the identifiers that name no maker. */
  bacnetVendors: Map<number, string>;
  bacnetNoMaker: Set<number>;
  /** IANA Private Enterprise Number -> registered organisation (data/enterprise-numbers.json, read on first lookup), every number. */
  penRegistry: LazyPenRegistry;
  /** Normalised names an organisation in the PEN registry may match to name a maker (canonical and unrestricted aliases of device and medical makers). */
  penMakerNames: Map<string, string>;
  /** data/vendor-aliases.json entries (user entries first), and the token map compiled from them once loaded. */
  vendorEntries: VendorEntry[];
  vendorDictionary: VendorDictionary;
  fdaProductCodes: FdaProductCode[];
}
