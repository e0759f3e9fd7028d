/** BACnet/IP record shapes (ANSI/ASHRAE 135-2020: Annex J BVLL, §6.2 NPDU, §20.1 APDU, §16.10 Who-Is/I-Am, §15.5 ReadProperty). */
import type { RecordBody } from '../types.js';

/** Where the NPDU came from, so identification only credits a device with what it said itself. */
interface BacnetOrigin {
  /** BVLC function name (Annex J.2): `original-unicast-npdu`, `original-broadcast-npdu`, `forwarded-npdu` … */
  bvlcFunction: string;
  /** Forwarded-NPDU (J.2.9): the B/IP address (`ip:port`) of the device that sent it, which is not the UDP sender. */
  forwardedFrom?: string;
  /** NPDU SNET/SADR (§6.2.2): set when a router relayed the message from a device on another BACnet network. */
  sourceNetwork?: number;
  sourceAddress?: string;
}

/** I-Am (§16.10.2): a device announcing itself, usually answering a Who-Is. */
export interface BacnetIAmRecord extends RecordBody, BacnetOrigin {
  kind: 'i-am';
  deviceInstance: number;
  maxApduLength: number;
  /** BACnetSegmentation (§21): `both`, `transmit`, `receive`, `none`. */
  segmentation: string;
  /** ASHRAE-assigned vendor identifier of the device's maker (https://bacnet.org/assigned-vendor-ids/). */
  vendorId: number;
}

/** Who-Is (§16.10.1): a workstation or controller looking for devices, optionally in an instance range. */
export interface BacnetWhoIsRecord extends RecordBody, BacnetOrigin {
  kind: 'who-is';
  lowLimit?: number;
  highLimit?: number;
}

/** ReadProperty-ACK (§15.5.1.3) of a device object's naming property: what a BMS front end reads to list devices. */
export interface BacnetReadPropertyAckRecord extends RecordBody, BacnetOrigin {
  kind: 'read-property-ack';
  objectType: number;
  objectInstance: number;
  propertyId: number;
  /** Set for the device object's descriptive properties the decoder keeps (DEVICE_PROPERTIES in parse-apdu.ts). */
  objectName?: string;
  vendorName?: string;
  modelName?: string;
  firmwareRevision?: string;
  applicationSoftwareVersion?: string;
  vendorIdentifier?: number;
}

export type BacnetRecord = BacnetIAmRecord | BacnetWhoIsRecord | BacnetReadPropertyAckRecord;
