/**
 * Site ids: one database can hold several sites (hospitals of a group) whose address plans overlap. A device belongs
 * to one site; identity (MAC, IP) is resolved within it and never merges across sites.
 */
import { AppError, ErrorCode } from '../util/app-error.js';

/** The site of rows written without one, and of every row written before sites existed (migration 0013). */
export const DEFAULT_SITE_ID = 'default';

/** Short and plain, so it can sit in file names, URLs and log lines unquoted. */
const SITE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function checkSiteId(value: string): string {
  if (!SITE_ID.test(value)) {
    throw new AppError(ErrorCode.BadArgument, `site id "${value}": use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  }
  return value;
}
