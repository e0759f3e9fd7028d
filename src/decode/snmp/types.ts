/** SNMP record shape (RFC 1157, RFC 3416, RFC 3412 / 3414 for v3) with the field names docs/architecture.md fixes. */
import type { RecordBody } from '../types.js';

export type SnmpKind = 'get' | 'get-next' | 'get-bulk' | 'set' | 'response' | 'trap' | 'report' | 'encrypted';

export interface SnmpRecord extends RecordBody {
  /**
   * The PDU: `trap` covers the v1 Trap, the SNMPv2-Trap and the InformRequest (see `pduType`); `report` is the v3
   * engine-discovery / error answer; `encrypted` is a v3 authPriv message whose scoped PDU cannot be read.
   */
  kind: SnmpKind;
  version: '1' | '2c' | '3';
  /** v1/v2c community string (docs/architecture.md); see `defaultCommunity`. */
  community?: string;
  /** The community is a published factory default (default-communities.ts). */
  defaultCommunity?: boolean;
  /** v3 USM: msgUserName, msgAuthoritativeEngineID (hex), the level msgFlags ask for. */
  user?: string;
  engineId?: string;
  securityLevel?: 'noAuthNoPriv' | 'authNoPriv' | 'authPriv';
  contextName?: string;
  /** For `trap`: which of the three notification PDUs it was. */
  pduType?: 'trap-v1' | 'trap-v2' | 'inform';
  requestId?: number;
  /** Responses: error-status (0 = noError, 2 = noSuchName …) and error-index. */
  errorStatus?: number;
  errorIndex?: number;
  /** GetBulk: non-repeaters and max-repetitions (they reuse the error fields' places). */
  nonRepeaters?: number;
  maxRepetitions?: number;
  /** The varbind names (dotted OIDs), the first MAX_VARBINDS of `varbindCount`. */
  varbinds?: string[];
  /** Each kept varbind's value type (value-types.ts): `octet-string`, `object-identifier`, `no-such-object` … */
  varbindTypes?: string[];
  varbindCount?: number;
  /** v1 trap: enterprise OID, agent-addr, generic-trap, specific-trap. v2 trap / inform: snmpTrapOID.0 value. */
  enterprise?: string;
  agentAddr?: string;
  genericTrap?: number;
  specificTrap?: number;
  trapOid?: string;
  /** MIB-II system group (RFC 3418) values an agent sent (responses and notifications only). */
  sysDescr?: string;
  sysObjectId?: string;
  sysName?: string;
  sysContact?: string;
  sysLocation?: string;
}
