/** VEX format detection by content: CycloneDX VEX (bomFormat + vulnerabilities), CSAF 2.0 (document.csaf_version), OpenVEX (@context). */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { isCycloneDx } from '../sbom/cyclonedx.js';
import { isObject } from '../sbom/json-fields.js';
import { looksLikeJson, parseJson } from '../sbom/read-document.js';
import { isSpdxJson } from '../sbom/spdx-json.js';
import { isCsaf, parseCsafVex } from './csaf-vex.js';
import { parseCycloneDxVex } from './cyclonedx-vex.js';
import { isOpenVex, parseOpenVex } from './openvex.js';
import type { VexDocument } from './types.js';

/** Parse a VEX document; throws one AppError bad-argument naming the file and what is wrong. */
export function parseVex(text: string, file: string, sha256: string): VexDocument {
  if (!looksLikeJson(text)) {
    const xml = text.trimStart().startsWith('<');
    throw new AppError(ErrorCode.BadArgument, `${file}: ${xml ? 'XML VEX is not supported (CycloneDX JSON, CSAF 2.0 JSON or OpenVEX JSON)' : 'not a VEX document (expected CycloneDX, CSAF 2.0 or OpenVEX JSON)'}`);
  }
  const doc = parseJson(file, text);
  if (isOpenVex(doc)) return parseOpenVex(doc, file, sha256);
  if (isCsaf(doc)) return parseCsafVex(doc, file, sha256);
  if (isCycloneDx(doc)) return parseCycloneDxVex(doc, file, sha256);
  if (isSpdxJson(doc)) throw new AppError(ErrorCode.BadArgument, `${file}: an SPDX SBOM, not a VEX; use \`wardwatch sbom attach\``);
  const hint = isObject(doc) ? '' : ' (the top level is not an object)';
  throw new AppError(ErrorCode.BadArgument, `${file}: JSON but not a VEX document${hint} (expected CycloneDX, CSAF 2.0 or OpenVEX)`);
}
