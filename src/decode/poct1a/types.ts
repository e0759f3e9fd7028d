/** Record shapes of the POCT1-A decoder (docs/architecture.md Records table, proto `poct1a`, kinds `hello`, `device-status`). */

export interface Poct1aRecord {
  [field: string]: string | number | boolean | null | readonly string[] | undefined;
  /** `hello` (HEL.R01), `device-status` (DST.R01), `message` (any other POCT1-A message: ACK, OBS, EOT …). */
  kind: 'hello' | 'device-status' | 'message';
  /** HDR.message_type (`HEL.R01`) and HDR.control_id. */
  messageType: string | null;
  controlId: string | null;
  /** DEV.vendor_id, DEV.model_id, DEV.serial_id, DEV.sw_version (V attribute, else element text). */
  vendor?: string | null;
  model?: string | null;
  serial?: string | null;
  softwareVersion?: string | null;
  hardwareVersion?: string | null;
  deviceName?: string | null;
  deviceId?: string | null;
  /** DST.condition_cd (R ready, B busy …) and DST.new_observations_qty. */
  conditionCode?: string | null;
  newObservations?: number | null;
  /** A PT (patient) element with any content crossed the wire; its values are never kept. */
  patientDataPresent: boolean;
  /** Which PHI-bearing elements held a value (`PT.patient_id`, `PT.name` …, and `OBS.value` with an identified
   *  patient), in order of first appearance; never their values. */
  phiFields: string[];
}
