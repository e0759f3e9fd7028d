/** DICOM evidence (PS3.8 §9.3 A-ASSOCIATE, PS3.7 C-STORE): AE titles, implementation UID/name, device data set. */
import type { RecordOf } from '../../decode/records.js';
import type { KnowledgeBase } from '../knowledge/kb-types.js';
import { dicomRootOf } from '../knowledge/lookup.js';
import type { Observation } from '../types.js';
import { DICOM_TOOLKIT_SOURCE } from '../firmware.js';
import { clean, cleanList, emitterFor, type Emitter } from './common.js';
import { dicomCommandHalves, dicomStorageScpHalf } from '../traffic-role-dicom.js';
import { freeText } from './free-text.js';

const STORAGE_SOP_PREFIX = '1.2.840.10008.5.1.4.1.1.'; // PS3.4 Annex B storage SOP classes

function implementation(e: Emitter, kb: KnowledgeBase, rec: RecordOf<'dicom'>): void {
  const uid = clean(rec.implementationClassUid);
  if (uid !== null) {
    e.add('dicomImplementationClassUid', uid, 'dicom.implementationClassUid', uid, 0.95);
    const root = dicomRootOf(kb, uid);
    // A vendor root names the maker's software; a toolkit root names only the DICOM stack, so it is no vendor fact.
    if (root?.kind === 'vendor') e.add('vendor', root.vendor, 'dicom.implementationClassUid', `${uid} under root ${root.root} (${root.source})`, root.confidence);
    if (root?.kind === 'toolkit' && root.product !== null) e.add('firmware', root.product, DICOM_TOOLKIT_SOURCE, `implementation class UID ${uid} under toolkit root ${root.root} (${root.source})`, root.confidence * 0.4);
  }
  const name = clean(rec.implementationVersionName);
  if (name !== null) {
    e.add('dicomImplementationVersionName', name, 'dicom.implementationVersionName', name, 0.95);
    // "OFFIS_DCMTK_367" names the stack the maker built on; only a vendor's own name ("Philips MR 53.0") is its software.
    e.rules(kb, 'dicom-version-names', 'versionName', name, 'dicom.implementationVersionName', DICOM_TOOLKIT_SOURCE);
    freeText(e, kb, 'dicom.implementationVersionName', name);
  }
}

function dataset(e: Emitter, ds: Record<string, unknown>): void {
  const s = (k: string): string | null => {
    const v = ds[k];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
  };
  // C-STORE data sets describe the acquiring device; a PACS forwarding images would carry the modality's values,
  // hence below-certain confidences.
  const manufacturer = s('manufacturer');
  e.add('vendor', manufacturer, 'dicom.dataset.manufacturer', `(0008,0070) ${manufacturer ?? ''}`, 0.85);
  e.add('model', s('modelName'), 'dicom.dataset.modelName', `(0008,1090) ${s('modelName') ?? ''}`, 0.85);
  e.add('firmware', s('softwareVersions'), 'dicom.dataset.softwareVersions', `(0018,1020) ${s('softwareVersions') ?? ''}`, 0.75);
  e.add('serial', s('deviceSerialNumber'), 'dicom.dataset.deviceSerialNumber', `(0018,1000) ${s('deviceSerialNumber') ?? ''}`, 0.85);
  e.add('hostname', s('stationName'), 'dicom.dataset.stationName', `(0008,1010) ${s('stationName') ?? ''}`, 0.6);
  e.add('department', s('departmentName'), 'dicom.dataset.departmentName', `(0008,1040) ${s('departmentName') ?? ''}`, 0.5);
  // The Modality (0008,0060) types the sender only when its traffic shows a modality (traffic-role-dicom.ts).
}

export function dicomObservations(rec: RecordOf<'dicom'>, kb: KnowledgeBase): Observation[] {
  const out: Observation[] = [];
  const sender = emitterFor(out, rec, 'sender');
  const receiver = emitterFor(out, rec, 'receiver');
  switch (rec.kind) {
    case 'associate-rq': {
      // Sent by the calling side: its AE title and implementation are its own; the called AE is what it asks for.
      const calling = clean(rec.callingAeTitle);
      sender?.add('aeTitle', calling, 'dicom.callingAeTitle', calling ?? '', 0.9);
      if (sender !== null) implementation(sender, kb, rec);
      const called = clean(rec.calledAeTitle);
      receiver?.add('aeTitle', called, 'dicom.calledAeTitle', `${called ?? ''} (as named by the caller)`, 0.5);
      sender?.rules(kb, 'device-types', 'aeTitle', calling, 'dicom.callingAeTitle');
      if (cleanList(rec.abstractSyntaxes).includes('1.2.840.10008.1.1')) sender?.rules(kb, 'device-types', 'dicomRole', 'verification-scu', 'dicom.abstractSyntaxes');
      break;
    }
    case 'associate-ac': {
      // Sent by the called side: the called AE title is confirmed by the acceptor itself.
      const called = clean(rec.calledAeTitle);
      sender?.add('aeTitle', called, 'dicom.calledAeTitle', `${called ?? ''} (accepted association)`, 0.9);
      if (sender !== null) implementation(sender, kb, rec);
      sender?.rules(kb, 'device-types', 'aeTitle', called, 'dicom.calledAeTitle');
      if (cleanList(rec.abstractSyntaxes).some((s) => s.startsWith(STORAGE_SOP_PREFIX))) dicomStorageScpHalf(rec, sender);
      break;
    }
    case 'command': {
      const ds: unknown = rec.dataset; // typed by the decoder, still checked: a record is data from the wire
      if (sender !== null && typeof ds === 'object' && ds !== null && !Array.isArray(ds)) dataset(sender, ds as Record<string, unknown>);
      dicomCommandHalves(rec, sender, receiver);
      break;
    }
    default:
      break;
  }
  return out;
}
