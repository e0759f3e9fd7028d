// One scenario family end to end: generate its capture and ground truth, ingest it into a fresh database (with the
// family's site file, if it has one), list the inventory, import the corpus advisories and list the findings; then
// score identification per attribute (score.mjs), findings per kind (score-findings.mjs) and the inventory itself
// (devices that should not exist, truth devices folded into one). Figures only: it throws only when ingest fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { scoreFindings } from './score-findings.mjs';
import { match, score } from './score.mjs';

/** Where the advisories come from: the repository's test-data/corpus (CSAF, KEV; sources in test-data/MANIFEST.md). */
export function corpusDir(root) {
  const c = join(root, 'test-data', 'corpus');
  return existsSync(c) ? c : null;
}

export function node(root, args, env = {}) {
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  return { ok: r.status === 0, stdout: r.stdout ?? '', why: (r.stderr ?? '').trim().split('\n').filter((l) => l.startsWith('error')).slice(-1)[0] ?? `exit ${r.status}` };
}

/** Ingest `pcap` into a fresh `db` and return the inventory (throws when analyze fails). */
export function ingest(root, pcap, db, { site = null, env = {} } = {}) {
  const cli = join(root, 'bin', 'wardwatch.js');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  const t0 = Date.now();
  let r = node(root, [cli, 'analyze', pcap, '--db', db, '--no-progress', ...(site ? ['--site', site] : [])], env);
  let note = '';
  if (!r.ok && site) {
    note = `analyze --site failed (${r.why}); ingested without the site file`;
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
    r = node(root, [cli, 'analyze', pcap, '--db', db, '--no-progress'], env);
  }
  if (!r.ok) throw new Error(`analyze ${pcap} failed: ${r.why}`);
  const seconds = (Date.now() - t0) / 1000;
  const listed = node(root, [cli, 'devices', '--db', db, '--format', 'json'], env);
  if (!listed.ok) throw new Error(`devices --db ${db} failed: ${listed.why}`);
  return { inventory: JSON.parse(listed.stdout).devices, seconds, note };
}

/** Inventory devices no truth device matched, those that are hosts which must not be devices, and merged truths. */
export function inventoryCheck(pairs, inventory, otherHosts) {
  const used = new Map();
  for (const { truth, dev } of pairs) if (dev !== undefined) used.set(dev.id, [...(used.get(dev.id) ?? []), truth.name]);
  // Hosts the truth names but does not score (a management workstation) are neither spurious nor missing.
  const known = new Set(otherHosts.filter((h) => !h.mustNotBeDevice).map((h) => h.ip));
  const unmatched = inventory.filter((d) => !used.has(d.id) && !(d.ips ?? []).some((ip) => known.has(ip)));
  const label = (d) => `${d.hostnames?.[0] ?? d.ips?.[0] ?? d.mac ?? d.id}`;
  const mustNot = [];
  for (const d of inventory) {
    for (const o of otherHosts.filter((h) => h.mustNotBeDevice && (d.ips ?? []).includes(h.ip))) {
      // The router keeping its own gateway addresses is right; any other device holding one is not.
      const owner = used.get(d.id) ?? [];
      if (!(o.zone === 'router' && owner.some((n) => o.name.startsWith(n)))) mustNot.push(`${o.name} (${o.ip}) as ${label(d)}`);
    }
  }
  const merged = [...used.entries()].filter(([, names]) => names.length > 1).map(([id, names]) => `${label(inventory.find((d) => d.id === id))}: ${names.join(', ')}`);
  return { spurious: unmatched.map(label), mustNot, merged };
}

export function runFamily(root, fam) {
  const gen = node(root, [fam.generator, fam.dir]);
  if (!gen.ok) throw new Error(`${fam.label}: generator failed: ${gen.why}`);
  const db = join(fam.dir, 'eval.db');
  const site = fam.site && existsSync(fam.site) ? fam.site : null;
  const { inventory, seconds, note } = ingest(root, join(fam.dir, 'scenario.pcap'), db, { site });
  const truth = JSON.parse(readFileSync(join(fam.dir, 'ground-truth.json'), 'utf8'));
  const pairs = match(truth.devices, inventory);
  const ident = score(pairs, fam.sameVendor);
  const check = inventoryCheck(pairs, inventory, truth.otherHosts ?? []);
  const cli = join(root, 'bin', 'wardwatch.js');
  const corpus = corpusDir(root);
  const sources = corpus === null ? [] : [join(corpus, 'csaf_icsma'), join(corpus, 'kev_nvd', 'known_exploited_vulnerabilities.json')].filter((f) => existsSync(f));
  const imported = sources.length === 0 ? { ok: false, stdout: '', why: 'no corpus advisories found' } : node(root, [cli, 'advisories', 'import', ...sources, '--db', db]);
  const summary = imported.stdout.split('\n').filter((l) => /^(imported|assessed)/.test(l));
  const advisories = `${summary.length > 0 ? summary.join('; ') : 'none imported'}${imported.ok ? '' : ` (${imported.why})`}${corpus ? ` from ${corpus}` : ''}`;
  const listed = node(root, [cli, 'findings', '--db', db, '--format', 'json', '--all']);
  let findings = null;
  try {
    findings = listed.ok ? JSON.parse(listed.stdout).findings : null;
  } catch {
    findings = null;
  }
  const fscore = Array.isArray(findings) ? scoreFindings(pairs, inventory, findings, truth.otherHosts ?? []) : null;
  return { ...fam, truth, inventory, pairs, ...ident, ...check, seconds, note, advisories, findings, fscore, missing: pairs.filter((p) => p.dev === undefined).map((p) => p.truth.name), siteUsed: site };
}
