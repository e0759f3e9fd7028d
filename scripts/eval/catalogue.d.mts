/** Types for the part of the eval scenario catalogue (catalogue.mjs) that TypeScript tests read. */

/** A device the scenario places for a corpus advisory, as the advisory matcher sees it, with the CVEs it must get. */
export interface AdvisoryDevice {
  name: string;
  vendor: string;
  model: string | null;
  /** Software Versions (0018,1020) of its DICOM data sets, or null when it sends none. */
  firmware: string | null;
  cves: string[];
}

export function advisoryDevices(): AdvisoryDevice[];
