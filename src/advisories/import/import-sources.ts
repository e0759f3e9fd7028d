/**
 * `advisories import`: files, directories and URLs; each document parsed by content and saved in its own
 * transaction, so one bad file gives one line of error and the others are still imported. ROLIE feeds, provider
 * metadata and index.txt are followed (to a bounded depth) to the documents they list.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../util/app-error.js';
import { indexTxtPaths } from '../feeds/rolie.js';
import { DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, fetchUrlText, readFileText, type FetchLimits, type TextFetcher } from '../feeds/fetch-text.js';
import type { AdvisoryDocument, ParsedDocument } from '../model.js';
import type { AdvisoryStore } from '../../store/interfaces.js';
import { parseDocument, parseJsonText } from './parse-any.js';

export interface ImportReport {
  source: string;
  ok: boolean;
  /** csaf, nvd, kev, rolie, provider-metadata, index, directory; or error. */
  kind: string;
  message: string;
  advisories: number;
  products: number;
  vulnerabilities: number;
  kev: number;
  warnings: string[];
}

export interface ImportOptions {
  maxBytes?: number;
  timeoutMs?: number;
  fetchText?: TextFetcher;
  nowMs?: number;
  /** Called after each report (the CLI prints as it goes). */
  onReport?: (report: ImportReport) => void;
}

const MAX_FOLLOW_DEPTH = 3;
const MAX_DIR_FILES = 100_000;

/** Where parsed documents are saved (the advisory store). */
type AdvisorySink = Pick<AdvisoryStore, 'saveAdvisory' | 'saveKev'>;

interface Ctx { store: AdvisorySink; limits: FetchLimits; fetchText: TextFetcher; nowMs: number; reports: ImportReport[]; onReport: ((r: ImportReport) => void) | undefined }

function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function report(ctx: Ctx, r: Omit<ImportReport, 'advisories' | 'products' | 'vulnerabilities' | 'kev' | 'warnings'> & Partial<ImportReport>): void {
  const full: ImportReport = { advisories: 0, products: 0, vulnerabilities: 0, kev: 0, warnings: [], ...r };
  ctx.reports.push(full);
  ctx.onReport?.(full);
}

function errorText(err: unknown): string {
  if (err instanceof AppError) return err.message;
  return `internal error: ${err instanceof Error ? err.message : String(err)}`;
}

/** A reference found in a feed or index, resolved against where that feed came from. */
function resolveRef(ref: string, origin: string): string {
  if (isUrl(ref)) return ref;
  if (isUrl(origin)) {
    // A remote feed must not make us read local files (file: URLs, paths): it stays on the web.
    const url = new URL(ref, origin);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AppError('bad-argument', `a remote feed may not point to "${ref.slice(0, 200)}"`);
    return url.toString();
  }
  if (ref.startsWith('file:')) return fileURLToPath(ref);
  return path.resolve(path.dirname(origin), ref);
}

/** Import each reference of a feed; a reference that cannot be resolved is one failed source. */
async function follow(ctx: Ctx, refs: readonly string[], origin: string, depth: number): Promise<void> {
  for (const ref of refs) {
    let target: string;
    try {
      target = resolveRef(ref, origin);
    } catch (err) {
      report(ctx, { source: ref.slice(0, 200), ok: false, kind: 'error', message: errorText(err) });
      continue;
    }
    await importOne(ctx, target, depth + 1);
  }
}

async function readSource(ctx: Ctx, source: string): Promise<string> {
  return isUrl(source) ? ctx.fetchText(source, ctx.limits) : readFileText(source, ctx.limits);
}

async function saveAdvisories(ctx: Ctx, source: string, docs: readonly AdvisoryDocument[], warnings: string[]): Promise<void> {
  const outcomes: string[] = [];
  let products = 0;
  let vulnerabilities = 0;
  for (const doc of docs) {
    const outcome = await ctx.store.saveAdvisory(doc, source, ctx.nowMs);
    outcomes.push(`${doc.id} ${outcome === 'kept-newer' ? 'not imported: a newer revision is stored' : outcome}`);
    if (outcome !== 'kept-newer') {
      products += doc.products.length;
      vulnerabilities += doc.vulnerabilities.length;
    }
    warnings.push(...doc.warnings.map((w) => `${doc.id}: ${w}`));
  }
  const kind = docs[0]?.source ?? 'nvd';
  const message = docs.length === 1 ? `${outcomes[0] ?? ''}: ${products} products, ${vulnerabilities} vulnerabilities` : `${docs.length} records: ${products} products, ${vulnerabilities} vulnerabilities`;
  report(ctx, { source, ok: true, kind, message, advisories: docs.length, products, vulnerabilities, warnings });
}

async function handle(ctx: Ctx, source: string, parsed: ParsedDocument, depth: number): Promise<void> {
  switch (parsed.kind) {
    case 'advisory':
      return saveAdvisories(ctx, source, [parsed.advisory], []);
    case 'advisories':
      return saveAdvisories(ctx, source, parsed.advisories, [...parsed.warnings]);
    case 'kev': {
      const n = await ctx.store.saveKev(parsed.catalog, ctx.nowMs);
      report(ctx, { source, ok: true, kind: 'kev', message: `KEV catalog ${parsed.catalog.catalogVersion ?? '(no version)'}: ${n} entries`, kev: n, warnings: parsed.catalog.warnings });
      return;
    }
    case 'rolie':
      report(ctx, { source, ok: true, kind: 'rolie', message: `ROLIE feed: ${parsed.urls.length} documents` });
      await follow(ctx, parsed.urls, source, depth);
      return;
    case 'provider-metadata':
      report(ctx, { source, ok: true, kind: 'provider-metadata', message: `provider metadata: ${parsed.feeds.length} ROLIE feeds, ${parsed.directories.length} directories` });
      // A provider offering both lists the same documents twice: prefer the ROLIE feeds.
      await follow(ctx, parsed.feeds, source, depth);
      if (parsed.feeds.length === 0) await follow(ctx, parsed.directories.map((d) => `${d.replace(/\/?$/, '/')}index.txt`), source, depth);
      return;
  }
}

async function importIndexTxt(ctx: Ctx, source: string, text: string, depth: number): Promise<void> {
  const refs = indexTxtPaths(text);
  report(ctx, { source, ok: true, kind: 'index', message: `index.txt: ${refs.length} documents` });
  await follow(ctx, refs, source, depth);
}

async function importDirectory(ctx: Ctx, dir: string, depth: number): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const names = entries.map((e) => path.join(e.parentPath, e.name));
  const has = (n: string): boolean => names.includes(path.join(dir, n));
  // A provider's directory (CSAF §7.1.13): its local index names every document; provider-metadata.json alone
  // (a .well-known folder) points elsewhere, usually to https.
  if (has('index.txt')) return importOne(ctx, path.join(dir, 'index.txt'), depth);
  if (has('provider-metadata.json')) return importOne(ctx, path.join(dir, 'provider-metadata.json'), depth);
  const files = entries.filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json')).map((e) => path.join(e.parentPath, e.name)).sort();
  if (files.length > MAX_DIR_FILES) throw new AppError('bad-argument', `${files.length} JSON files, over the ${MAX_DIR_FILES} limit`);
  report(ctx, { source: dir, ok: true, kind: 'directory', message: `directory: ${files.length} JSON files` });
  for (const f of files) await importOne(ctx, f, depth + 1);
}

async function importOne(ctx: Ctx, source: string, depth: number): Promise<void> {
  try {
    if (depth > MAX_FOLLOW_DEPTH) throw new AppError('bad-argument', `feeds nested deeper than ${MAX_FOLLOW_DEPTH} levels; not followed`);
    if (!isUrl(source) && (await stat(source).catch(() => null))?.isDirectory() === true) {
      await importDirectory(ctx, source, depth);
      return;
    }
    const text = await readSource(ctx, source);
    if (/(^|\/)index\.txt$/i.test(source)) {
      await importIndexTxt(ctx, source, text, depth);
      return;
    }
    await handle(ctx, source, parseDocument(parseJsonText(text)), depth);
  } catch (err) {
    report(ctx, { source, ok: false, kind: 'error', message: errorText(err) });
  }
}

/** Import every source; never throws for a bad source (its report says why), only for a failing store. */
export async function importSources(store: AdvisorySink, sources: readonly string[], options: ImportOptions = {}): Promise<ImportReport[]> {
  const ctx: Ctx = {
    store,
    limits: { maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS },
    fetchText: options.fetchText ?? fetchUrlText,
    nowMs: options.nowMs ?? Date.now(),
    reports: [],
    onReport: options.onReport,
  };
  for (const s of sources) await importOne(ctx, s.startsWith('file:') ? fileURLToPath(s) : s, 0);
  return ctx.reports;
}


/**
 * One document given as text (an upload): CSAF 2.0, CISA KEV or NVD CVE 2.0. Feeds and provider metadata are refused,
 * since following them would make the caller's document choose what this process fetches or reads.
 */
export async function importDocumentText(store: AdvisorySink, source: string, text: string, options: Pick<ImportOptions, 'nowMs'> = {}): Promise<ImportReport> {
  const parsed = parseDocument(parseJsonText(text));
  if (parsed.kind === 'rolie' || parsed.kind === 'provider-metadata') {
    throw new AppError('bad-argument', `${source}: a ${parsed.kind === 'rolie' ? 'ROLIE feed' : 'provider-metadata document'}; upload the advisories themselves, or import the feed with \`wardwatch advisories import URL\``);
  }
  const ctx: Ctx = {
    store,
    limits: { maxBytes: 0, timeoutMs: 0 },
    fetchText: () => Promise.reject(new AppError('bad-argument', 'an uploaded document is not followed')),
    nowMs: options.nowMs ?? Date.now(),
    reports: [],
    onReport: undefined,
  };
  await handle(ctx, source, parsed, MAX_FOLLOW_DEPTH);
  const report = ctx.reports[0];
  if (report === undefined) throw new Error('an imported document gave no report');
  return report;
}
