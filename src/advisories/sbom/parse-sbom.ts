/** SBOM format detection by content (never by file name): CycloneDX JSON or XML, SPDX JSON (2.x, 3.0) or SPDX tag-value. */
import { AppError, ErrorCode } from '../../util/app-error.js';
import { isCycloneDx, parseCycloneDx } from './cyclonedx.js';
import { isCycloneDxXml, parseCycloneDxXml } from './cyclonedx-xml.js';
import { isObject } from './json-fields.js';
import { looksLikeJson, parseJson } from './read-document.js';
import { isSpdxJson, parseSpdxJson } from './spdx-json.js';
import { isSpdxTagValue, parseSpdxTagValue } from './spdx-tag-value.js';
import type { SbomDocument } from './types.js';

function bad(file: string, why: string): AppError {
  return new AppError(ErrorCode.BadArgument, `${file}: ${why}`);
}

/** Parse an SBOM; throws one AppError bad-argument naming the file and what is wrong. */
export function parseSbom(text: string, file: string): SbomDocument {
  if (isSpdxTagValue(text)) return parseSpdxTagValue(text, file);
  const head = text.slice(0, 1024).trimStart();
  if (head.startsWith('<')) {
    if (isCycloneDxXml(text)) return parseCycloneDxXml(text, file);
    throw bad(file, 'XML but not a CycloneDX BOM (supported: CycloneDX JSON or XML, SPDX JSON or tag-value)');
  }
  if (!looksLikeJson(text)) throw bad(file, 'not an SBOM (expected CycloneDX JSON, SPDX JSON or SPDX tag-value)');
  const doc = parseJson(file, text);
  if (isCycloneDx(doc)) {
    const parsed = parseCycloneDx(doc, file);
    if (parsed.components.length === 0 && parsed.vulnerabilities.length > 0) {
      throw bad(file, 'a CycloneDX VEX (vulnerabilities, no components), not an SBOM; use `wardwatch vex import`');
    }
    return parsed;
  }
  if (isSpdxJson(doc)) return parseSpdxJson(doc, file);
  if (isObject(doc) && (isObject(doc.document) || typeof doc['@context'] === 'string')) {
    throw bad(file, 'a CSAF or OpenVEX document, not an SBOM; use `wardwatch vex import`');
  }
  throw bad(file, 'JSON but not an SBOM (no "bomFormat": "CycloneDX" and no "spdxVersion")');
}
