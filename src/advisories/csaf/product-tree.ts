/**
 * CSAF 2.0 §3.2.2 product_tree: branches (vendor / product_family / product_name / product_version /
 * product_version_range), full_product_names, relationships and product_groups, flattened to one row per product_id.
 */
import type { AdvisoryProduct } from '../model.js';
import { arr, formatError, obj, str, type Obj } from '../json-read.js';
import { readPurl } from '../normalise/purl.js';
import { formatSpec, parseVersionSpec } from '../normalise/version-range.js';

const MAX_DEPTH = 32;
const MAX_PRODUCTS = 50_000;

interface Path { vendor: string | null; family: string | null; product: string | null; version: string | null; range: boolean }

export interface ProductTree {
  products: Map<string, AdvisoryProduct>;
  groups: Map<string, string[]>;
  /** First vendor branch name (for lists). */
  vendor: string | null;
  warnings: string[];
}

function helper(product: Obj): { cpe: string | null; purl: string | null } {
  const h = obj(product.product_identification_helper);
  return { cpe: str(h.cpe, 500), purl: str(h.purl, 500) };
}

function makeProduct(p: Path, product: Obj, tree: ProductTree, fallbackVendor: string | null): void {
  const id = str(product.product_id, 200);
  const fullName = str(product.name, 1000) ?? id;
  if (id === null || fullName === null) return;
  if (tree.products.size >= MAX_PRODUCTS) throw formatError(`more than ${MAX_PRODUCTS} products`);
  const versionText = p.version;
  let versionSpec: string | null = null;
  if (versionText !== null) {
    const spec = parseVersionSpec(versionText);
    if (spec === null) tree.warnings.push(`product ${id}: version "${versionText}" not understood; matched without a version check`);
    else versionSpec = formatSpec(spec);
  }
  const { cpe, purl: given } = helper(product);
  let purl = given;
  // An unreadable purl never matches a package: dropped with its reason, so the product is matched by name.
  const problem = given === null ? null : readPurl(given).problem;
  if (problem !== null) {
    tree.warnings.push(`product ${id}: purl "${(given ?? '').slice(0, 80)}" ${problem}; matched by name instead`);
    purl = null;
  }
  tree.products.set(id, {
    productId: id,
    vendor: p.vendor ?? fallbackVendor ?? 'unknown',
    product: p.product ?? p.family ?? fullName,
    fullName,
    versionText,
    versionSpec,
    cpe,
    purl,
  });
}

function walk(branches: unknown, p: Path, depth: number, tree: ProductTree, fallbackVendor: string | null): void {
  if (depth > MAX_DEPTH) throw formatError(`product tree deeper than ${MAX_DEPTH} levels`);
  for (const b of arr(branches)) {
    const branch = obj(b);
    const name = str(branch.name, 1000);
    const category = str(branch.category, 64);
    const next: Path = { ...p };
    if (name !== null) {
      if (category === 'vendor') {
        next.vendor = name;
        tree.vendor ??= name;
      } else if (category === 'product_family') next.family = name;
      else if (category === 'product_name') next.product = name;
      else if (category === 'product_version') next.version = name;
      else if (category === 'product_version_range') {
        next.version = name;
        next.range = true;
      }
    }
    if (branch.product !== undefined) makeProduct(next, obj(branch.product), tree, fallbackVendor);
    walk(branch.branches, next, depth + 1, tree, fallbackVendor);
  }
}

export function readProductTree(value: unknown, publisher: string | null): ProductTree {
  const root = obj(value);
  const tree: ProductTree = { products: new Map(), groups: new Map(), vendor: null, warnings: [] };
  walk(root.branches, { vendor: null, family: null, product: null, version: null, range: false }, 0, tree, publisher);
  const none: Path = { vendor: null, family: null, product: null, version: null, range: false };
  for (const f of arr(root.full_product_names)) makeProduct(none, obj(f), tree, tree.vendor ?? publisher);
  // "X installed on Y": the combined product is the component X (its vendor, name and version) as part of Y.
  for (const r of arr(root.relationships)) {
    const rel = obj(r);
    const full = obj(rel.full_product_name);
    const ref = tree.products.get(str(rel.product_reference, 200) ?? '');
    const id = str(full.product_id, 200);
    if (ref === undefined || id === null) continue;
    const on = tree.products.get(str(rel.relates_to_product_reference, 200) ?? '');
    tree.products.set(id, { ...ref, productId: id, fullName: str(full.name, 1000) ?? `${ref.fullName} (${on?.fullName ?? 'related product'})` });
  }
  for (const g of arr(root.product_groups)) {
    const group = obj(g);
    const id = str(group.group_id, 200);
    if (id !== null) tree.groups.set(id, arr(group.product_ids).map((x) => str(x, 200)).filter((x): x is string => x !== null));
  }
  return tree;
}
