/** Record shapes of the Philips IntelliVue Data Export decoder (proto `intellivue`). */

export interface IntellivueRecord {
  [field: string]: string | number | null | undefined;
  /** `connect-indication` (UDP 24005 broadcast), `association` (24105 session-layer association PDUs), `message`
   *  (other Data Export traffic, named by its first bytes only). */
  kind: 'connect-indication' | 'association' | 'message';
  /** `connect-indication`, `association-request`, `association-response`, `refuse`, `release-request`,
   *  `release-response`, `abort`, `data-export` (SPpdu) or `unknown`. */
  messageType: string;
  /** NOM_ATTR_SYS_TYPE as `partition:code` (1:4429 = MDC_DEV_MON_PHYSIO_MULTI_PARAM_MDS). */
  systemType?: string | null;
  /** NOM_ATTR_ID_MODEL: manufacturer and model number. */
  manufacturer?: string | null;
  model?: string | null;
  /** NOM_ATTR_ID_PROD_SPECN entries: serial-number (1), part-number (2), hw-revision (3), sw-revision (4). */
  serial?: string | null;
  partNumber?: string | null;
  hardwareVersion?: string | null;
  softwareVersion?: string | null;
}
