/** FHIR R4 (4.0.1) shapes wardwatch emits: Device, Bundle and the datatypes they use (hl7.org/fhir/R4/device.html, datatypes.html). */

/** R4 datatypes.html#CodeableConcept; wardwatch only fills `text` unless a code has a published source. */
export interface FhirCoding {
  system: string;
  code: string;
  display?: string;
}

export interface FhirCodeableConcept {
  coding?: FhirCoding[];
  text?: string;
}

/** R4 datatypes.html#Identifier; `use` is bound (required) to usual | official | temp | secondary | old. */
export interface FhirIdentifier {
  use?: 'usual' | 'official' | 'temp' | 'secondary' | 'old';
  type?: FhirCodeableConcept;
  system?: string;
  value?: string;
}

/** R4 references.html#Reference; display-only references are allowed (no target resource needed). */
export interface FhirReference {
  reference?: string;
  type?: string;
  display?: string;
}

/** R4 datatypes.html#Annotation (text is markdown, 1..1). */
export interface FhirAnnotation {
  text: string;
}

/** R4 datatypes.html#Quantity. */
export interface FhirQuantity {
  value: number;
  unit?: string;
  system?: string;
  code?: string;
}

/** Device.deviceName.type: required binding to http://hl7.org/fhir/ValueSet/device-nametype|4.0.1. */
export type FhirDeviceNameType = 'udi-label-name' | 'user-friendly-name' | 'patient-reported-name' | 'manufacturer-name' | 'model-name' | 'other';

/** Device.status: required binding to http://hl7.org/fhir/ValueSet/device-status|4.0.1. */
export type FhirDeviceStatus = 'active' | 'inactive' | 'entered-in-error' | 'unknown';

/** The subset of R4 Device that wardwatch fills (every key is a real R4 element; see device.html). */
export interface FhirDevice {
  resourceType: 'Device';
  id: string;
  identifier?: FhirIdentifier[];
  status: FhirDeviceStatus;
  manufacturer?: string;
  serialNumber?: string;
  deviceName?: { name: string; type: FhirDeviceNameType }[];
  modelNumber?: string;
  type?: FhirCodeableConcept;
  version?: { type?: FhirCodeableConcept; value: string }[];
  property?: { type: FhirCodeableConcept; valueQuantity?: FhirQuantity[]; valueCode?: FhirCodeableConcept[] }[];
  owner?: FhirReference;
  location?: FhirReference;
  note?: FhirAnnotation[];
}

/** R4 bundle.html: a `collection` of Devices, each entry with an absolute `fullUrl`. */
export interface FhirBundle {
  resourceType: 'Bundle';
  type: 'collection';
  timestamp: string;
  entry: { fullUrl: string; resource: FhirDevice }[];
}
