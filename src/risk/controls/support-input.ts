/** A person's or a CSV row's end-of-support record for one model, checked before any store sees it. */
import { AppError, ErrorCode } from '../../util/app-error.js';
import type { ModelSupport } from '../types.js';
import { checkDate, checkName, checkStatus, checkText } from './values.js';

export interface SupportInput {
  vendor: string;
  model: string;
  endOfSupport?: string | null;
  status?: string | null;
  notes?: string | null;
}

/** A checked record for one model; AppError bad-argument naming the bad value. An end date or a status is required. */
export function checkSupport(input: SupportInput, source: 'user' | 'import', nowMs: number): ModelSupport {
  const end = input.endOfSupport === undefined || input.endOfSupport === null || input.endOfSupport.trim() === '' ? null : checkDate(input.endOfSupport, 'end-of-support date');
  const status = input.status === undefined || input.status === null || input.status.trim() === '' ? null : checkStatus(input.status);
  if (end === null && status === null) throw new AppError(ErrorCode.BadArgument, 'give an end-of-support date or a status');
  return {
    vendor: checkName(input.vendor, 'vendor'),
    model: checkName(input.model, 'model'),
    endOfSupport: end,
    status,
    source,
    notes: input.notes === undefined || input.notes === null || input.notes.trim() === '' ? null : checkText(input.notes, 'notes'),
    updatedAt: new Date(nowMs).toISOString(),
  };
}
