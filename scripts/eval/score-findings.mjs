// Scores wardwatch's findings against the eval ground truth: per finding kind, expected (ground truth),
// found (wardwatch), correct (found and expected), wrong (found, not expected: false positives), missed (expected,
// not found), precision = correct / (correct + wrong) and recall = expected ones found / expected. A finding matches
// a ground-truth one on the same device with the same kind whose key fragment its key contains (case-insensitive).
// "maybe" findings (true, but not shown by the wire) found are counted apart, neither right nor wrong.

/** docs/architecture.md's finding kinds, in its order. */
export const FINDING_KINDS = [
  'default-credentials', 'cleartext-credentials', 'cleartext-phi', 'eol-os', 'smbv1', 'weak-tls', 'snmp-default-community',
  'exposed-management', 'internet-egress', 'remote-access', 'outdated-dicom', 'outdated-hl7', 'known-vulnerability',
  'segmentation-violation',
];

const fits = (want, got) => want.kind === got.kind && (want.key === null || String(got.key).toLowerCase().includes(want.key.toLowerCase()));

/** A person's name for an inventory device that is no ground-truth device. */
function label(dev, others) {
  if (dev === undefined) return '(device not in the inventory)';
  const other = others.find((o) => (dev.ips ?? []).includes(o.ip));
  if (other !== undefined) return `${other.name} (${other.zone} host)`;
  return `${dev.hostnames?.[0] ?? dev.ips?.[0] ?? dev.mac ?? dev.id} (not in ground truth)`;
}

/**
 * `pairs`: ground-truth devices matched to inventory devices (score.mjs `match`); `inventory`: every inventory device;
 * `findings`: `wardwatch findings --format json --all` findings; `others`: ground truth's otherHosts.
 */
export function scoreFindings(pairs, inventory, findings, others = []) {
  const byId = new Map();
  for (const { truth, dev } of pairs) if (dev !== undefined && !byId.has(dev.id)) byId.set(dev.id, truth);
  const devById = new Map(inventory.map((d) => [d.id, d]));
  const expected = pairs.flatMap(({ truth }) => (truth.findings ?? []).map((f) => ({ device: truth.name, ...f, hit: false })));
  const maybes = pairs.flatMap(({ truth }) => (truth.maybeFindings ?? []).map((f) => ({ device: truth.name, ...f })));
  const rows = new Map(FINDING_KINDS.map((k) => [k, { kind: k, expected: 0, found: 0, correct: 0, wrong: 0, bonus: 0, missed: 0 }]));
  const row = (k) => {
    if (!rows.has(k)) rows.set(k, { kind: k, expected: 0, found: 0, correct: 0, wrong: 0, bonus: 0, missed: 0 });
    return rows.get(k);
  };
  const wrongs = [];
  const bonuses = [];
  for (const e of expected) row(e.kind).expected++;
  for (const f of findings) {
    const r = row(f.kind);
    r.found++;
    const t = byId.get(f.deviceId);
    const name = t === undefined ? label(devById.get(f.deviceId), others) : t.name;
    const want = t === undefined ? undefined : expected.find((e) => e.device === t.name && fits(e, f));
    if (want !== undefined) {
      want.hit = true;
      r.correct++;
    } else if (t !== undefined && maybes.some((m) => m.device === t.name && fits(m, f))) {
      r.bonus++;
      bonuses.push({ device: name, kind: f.kind, key: f.key });
    } else {
      r.wrong++;
      wrongs.push({ device: name, kind: f.kind, key: f.key, title: f.title, evidence: f.evidence?.[0] ?? '' });
    }
  }
  const misses = expected.filter((e) => !e.hit).map((e) => ({ device: e.device, kind: e.kind, key: e.key }));
  for (const m of misses) row(m.kind).missed++;
  const out = [...rows.values()].map((r) => ({
    ...r,
    precision: r.correct + r.wrong === 0 ? null : r.correct / (r.correct + r.wrong),
    recall: r.expected === 0 ? null : (r.expected - r.missed) / r.expected,
  }));
  const total = out.reduce((a, r) => {
    for (const k of ['expected', 'found', 'correct', 'wrong', 'bonus', 'missed']) a[k] += r[k];
    return a;
  }, { kind: 'all kinds', expected: 0, found: 0, correct: 0, wrong: 0, bonus: 0, missed: 0 });
  total.precision = total.correct + total.wrong === 0 ? null : total.correct / (total.correct + total.wrong);
  total.recall = total.expected === 0 ? null : (total.expected - total.missed) / total.expected;
  return { rows: out, total, wrongs, misses, bonuses };
}

/** The findings table and the lists of false positives and misses, as lines. */
export function formatFindingsScore({ rows, total, wrongs, misses, bonuses }) {
  const pct = (x) => (x === null ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
  const n = (v, w) => String(v).padStart(w);
  const lines = ['kind                    expected  found  correct  wrong  missed  bonus  precision  recall'];
  for (const r of [...rows, total]) {
    if (r !== total && r.expected === 0 && r.found === 0) continue;
    lines.push(`${r.kind.padEnd(22)} ${n(r.expected, 9)} ${n(r.found, 6)} ${n(r.correct, 8)} ${n(r.wrong, 6)} ${n(r.missed, 7)} ${n(r.bonus, 6)}     ${pct(r.precision)}  ${pct(r.recall)}`);
  }
  const quiet = rows.filter((r) => r.expected === 0 && r.found === 0).map((r) => r.kind);
  if (quiet.length > 0) lines.push(`(none expected and none found: ${quiet.join(', ')})`);
  lines.push('', `false positives (${wrongs.length}):`);
  for (const w of wrongs) lines.push(`  ${w.device.padEnd(16)} ${w.kind.padEnd(22)} ${w.key}  — ${w.title}`);
  lines.push('', `missed (${misses.length}):`);
  for (const m of misses) lines.push(`  ${m.device.padEnd(16)} ${m.kind.padEnd(22)} ${m.key ?? '(any key)'}`);
  if (bonuses.length > 0) {
    lines.push('', `found though the wire does not show it (${bonuses.length}, not scored):`);
    for (const b of bonuses) lines.push(`  ${b.device.padEnd(16)} ${b.kind.padEnd(22)} ${b.key}`);
  }
  return lines;
}
