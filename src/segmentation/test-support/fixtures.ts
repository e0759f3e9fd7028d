/**
 * Test builders shared by the segmentation tests: devices and conduits with dull defaults, and the small hospital
 * whose policy the nftables and iptables renderers both write out. Test code only; nothing here is run by wardwatch.
 */
import type { DeviceCategory } from '../../identify/types.js';
import type { ConduitJson, SegmentDevice } from '../types.js';

/** A device labelled by its id in capitals (`pacs` → `PACS`), so a label in an expected value reads as a label. */
export function device(id: string, category: DeviceCategory, ...ips: string[]): SegmentDevice {
  return { id, category, ips, label: id.toUpperCase() };
}

/** A device labelled by its id as is. */
export function deviceLabelledById(id: string, category: DeviceCategory, ...ips: string[]): SegmentDevice {
  return { id, category, ips, label: id };
}

/** When a conduit was first and last seen. */
export interface SeenWindow {
  firstSeen: string;
  lastSeen: string;
}

/** One hour on 1 March 2024. */
export const SEEN_2024_ONE_HOUR: SeenWindow = { firstSeen: '2024-03-01T08:00:00.000Z', lastSeen: '2024-03-01T09:00:00.000Z' };
/** From 1 to 4 March 2024. */
export const SEEN_2024_FOUR_DAYS: SeenWindow = { firstSeen: '2024-03-01T08:00:00.000Z', lastSeen: '2024-03-04T09:00:00.000Z' };
/** One hour on 1 March 2025. */
export const SEEN_2025_ONE_HOUR: SeenWindow = { firstSeen: '2025-03-01T08:00:00.000Z', lastSeen: '2025-03-01T09:00:00.000Z' };

export type ConduitBuilder = (
  clientId: string,
  serverId: string,
  proto: string,
  port: number | null,
  more?: Partial<ConduitJson>,
) => ConduitJson;

/** A conduit builder for one seen window: no addresses, no app, one flow of 100 bytes, unless `more` says otherwise. */
export function conduitsSeen(seen: SeenWindow): ConduitBuilder {
  return (clientId, serverId, proto, port, more = {}) => ({
    clientId,
    serverId,
    clientIp: null,
    serverIp: null,
    proto,
    port,
    app: null,
    flows: 1,
    bytes: 100,
    ...seen,
    ...more,
  });
}

/** A conduit seen for one hour on 1 March 2024. */
export const conduit: ConduitBuilder = conduitsSeen(SEEN_2024_ONE_HOUR);

/** A conduit seen from 1 to 4 March 2024, like every conduit of {@link smallHospital}. */
export const hospitalConduit: ConduitBuilder = conduitsSeen(SEEN_2024_FOUR_DAYS);

const conduit2025 = conduitsSeen(SEEN_2025_ONE_HOUR);

/** A tcp conduit to a port, with the app recognised on it, seen for one hour on 1 March 2025; `more` may change the proto. */
export function appConduit(clientId: string, serverId: string, port: number | null, app: string | null, more: Partial<ConduitJson> = {}): ConduitJson {
  return conduit2025(clientId, serverId, 'tcp', port, { app, ...more });
}

export interface SmallHospitalOptions {
  /** Add a second scanner, mr-1 (10.20.0.12), sending 3 DICOM flows to the PACS, right after ct-1 in both lists. */
  secondScanner?: boolean;
  /** ws-1's client address towards the HL7 engine (tcp/2575): not an address, so no rule may carry it. */
  badClientIp: string;
  /** The app of mon-1 → hl7 tcp/8080: long and full of quotes and backslashes, for comment cutting and escaping. */
  longApp: string;
}

export interface SmallHospital {
  conduits: ConduitJson[];
  devices: SegmentDevice[];
}

/**
 * A small hospital to render a policy from: a CT (and optionally an MR) sending DICOM to the PACS, a monitor sending
 * HL7 and asking DHCP, a workstation reaching the PACS over IPv4 and IPv6 and ICMP, plus what a policy must skip
 * (a bad address, IGMP). Devices are labelled by id; conduits are seen from 1 to 4 March 2024. Fresh arrays each call,
 * so a test may add its own devices and conduits.
 */
export function smallHospital({ secondScanner = false, badClientIp, longApp }: SmallHospitalOptions): SmallHospital {
  const c = hospitalConduit;
  const d = deviceLabelledById;
  return {
    conduits: [
      c('ct-1', 'pacs', 'tcp', 104, { app: 'dicom', flows: 12, clientIp: '10.20.0.11', serverIp: '10.30.0.5' }),
      ...(secondScanner ? [c('mr-1', 'pacs', 'tcp', 104, { app: 'dicom', flows: 3, clientIp: '10.20.0.12', serverIp: '10.30.0.5' })] : []),
      c('mon-1', 'hl7', 'tcp', 2575, { app: 'hl7', flows: 30 }),
      c('ws-1', 'pacs', 'tcp', 104, { app: 'dicom', clientIp: '10.60.0.100', serverIp: '10.30.0.5' }),
      c('mon-1', 'dhcp', 'udp', 67, { app: 'dhcp' }),
      c('ws-1', 'pacs', 'tcp', 443, { app: 'tls', clientIp: '2001:db8:60::100', serverIp: '2001:db8:30::5' }),
      c('ws-1', 'pacs', 'icmp', null),
      c('ws-1', 'hl7', 'tcp', 2575, { clientIp: badClientIp, serverIp: '10.50.0.7' }),
      c('mon-1', 'pacs', 'igmp', null),
      c('mon-1', 'hl7', 'tcp', 8080, { app: longApp }),
    ],
    devices: [
      d('ct-1', 'imaging', '10.20.0.11'),
      ...(secondScanner ? [d('mr-1', 'imaging', '10.20.0.12')] : []),
      d('pacs', 'imaging-infrastructure', '10.30.0.5', '2001:db8:30::5'),
      d('mon-1', 'patient-monitoring', '10.40.0.21'),
      d('hl7', 'clinical-system', '10.50.0.7'),
      d('ws-1', 'it', '10.60.0.100', '2001:db8:60::100'),
      d('dhcp', 'network', '10.0.0.2'),
    ],
  };
}
