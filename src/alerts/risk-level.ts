/**
 * The project's risk levels mapped onto the scales receivers sort by: CEF severity 0-10 (ArcSight CEF rev 25,
 * "Severity": 0-3 low, 4-6 medium, 7-8 high, 9-10 very high) and syslog severity (RFC 5424 §6.2.1, table 2).
 */
import { SEVERITIES } from '../findings/types.js';
import type { RiskLevel } from './types.js';

export const RISK_LEVELS = SEVERITIES;

const CEF_SEVERITY: Readonly<Record<RiskLevel, number>> = { critical: 10, high: 8, medium: 5, low: 3, info: 0 };

/** RFC 5424 severities: 2 Critical, 3 Error, 4 Warning, 5 Notice, 6 Informational. */
const SYSLOG_SEVERITY: Readonly<Record<RiskLevel, number>> = { critical: 2, high: 3, medium: 4, low: 5, info: 6 };

export function cefSeverity(level: RiskLevel): number {
  return CEF_SEVERITY[level];
}

export function syslogSeverity(level: RiskLevel): number {
  return SYSLOG_SEVERITY[level];
}

/** 4 for critical … 0 for info: a rule's minimum risk compares these. */
export function levelRank(level: RiskLevel): number {
  return RISK_LEVELS.length - 1 - RISK_LEVELS.indexOf(level);
}

export function isRiskLevel(s: unknown): s is RiskLevel {
  return typeof s === 'string' && (RISK_LEVELS as readonly string[]).includes(s);
}
