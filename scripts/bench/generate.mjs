// Writes the benchmark capture: `packets` frames of interleaved hospital traffic, deterministic for a seed.
// As a script: node scripts/bench/generate.mjs [--packets N] [--seed S] [--out FILE]
// (needs `npm run build:tools`; run.mjs calls generateCapture / ensureCapture directly).
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSynth } from '../synth.mjs';
import { Slot } from './activities.mjs';
import { MIX_VERSION, createWorld } from './traffic-mix.mjs';

const { PcapWriter } = await loadSynth('pcap-writer.js');
const { SynthClock } = await loadSynth('clock.js');
const { Prng } = await loadSynth('prng.js');

export const BENCH_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '.bench');
const START_SEC = Date.UTC(2024, 2, 4, 8, 0, 0) / 1000;
/** Conversations in flight at once: the flow table sees thousands of concurrent flows. */
const CONCURRENT = 2000;
/** Mean gap between frames: ~50k frames/s, a busy hospital core link. */
const MEAN_GAP_NS = 20_000;
/** Bytes per frame assumed before any capture exists, for the disk-space check. */
const DEFAULT_BYTES_PER_PACKET = 900;

export function capturePath(packets, seed) {
  return join(BENCH_DIR, `capture-${packets}-s${seed}.pcap`);
}

/** Writes the capture to `out` (through a .partial file, renamed at the end) and returns its metadata. */
export function generateCapture({ packets, seed, out, log = () => {} }) {
  mkdirSync(dirname(out), { recursive: true });
  const prng = new Prng(seed);
  const world = createWorld(prng);
  const slots = Array.from({ length: CONCURRENT }, () => new Slot(world, prng));
  const clock = new SynthClock(START_SEC);
  const buf = new Uint8Array(65536);
  const partial = `${out}.partial`;
  const writer = PcapWriter.toFile(partial);
  const t0 = performance.now();
  const every = Math.max(1, Math.floor(packets / 10));
  for (let n = 1; n <= packets; n++) {
    clock.advanceNs(prng.exp(MEAN_GAP_NS));
    const slot = slots[prng.u32() % CONCURRENT];
    let len = slot.next(buf, clock);
    while (len === 0) {
      slot.start();
      len = slot.next(buf, clock);
    }
    writer.writePacket(buf, 0, len, clock.sec, clock.nsec);
    if (n % every === 0) log(`  generated ${n.toLocaleString('en-US')} / ${packets.toLocaleString('en-US')} packets`);
  }
  writer.close();
  renameSync(partial, out);
  const meta = { mixVersion: MIX_VERSION, packets, seed, bytes: statSync(out).size, seconds: (performance.now() - t0) / 1000 };
  writeFileSync(`${out}.json`, `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

/** The metadata of an existing capture made with the same parameters, or null. */
export function existingCapture(out, packets, seed) {
  if (!existsSync(out) || !existsSync(`${out}.json`)) return null;
  try {
    const meta = JSON.parse(readFileSync(`${out}.json`, 'utf8'));
    const same = meta.mixVersion === MIX_VERSION && meta.packets === packets && meta.seed === seed && meta.bytes === statSync(out).size;
    return same ? meta : null;
  } catch {
    return null;
  }
}

/** Free bytes on the filesystem holding `dir` (what `df` reports as available). */
export function freeBytes(dir) {
  mkdirSync(dir, { recursive: true });
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

/**
 * Reuses or generates a capture. Returns { path, meta, reused } or { path, skipped: reason } when the
 * disk cannot hold it (estimated from `bytesPerPacket`, with 10 % headroom).
 */
export function ensureCapture({ packets, seed, bytesPerPacket = DEFAULT_BYTES_PER_PACKET, log = () => {} }) {
  const path = capturePath(packets, seed);
  const meta = existingCapture(path, packets, seed);
  if (meta) return { path, meta, reused: true };
  const need = Math.ceil(packets * bytesPerPacket * 1.1);
  const free = freeBytes(BENCH_DIR);
  if (need > free) {
    return { path, skipped: `needs about ${gb(need)} GB but only ${gb(free)} GB are free on the disk holding ${BENCH_DIR}` };
  }
  log(`generating ${path} (${packets.toLocaleString('en-US')} packets, about ${gb(need / 1.1)} GB; ${gb(free)} GB free)`);
  return { path, meta: generateCapture({ packets, seed, out: path, log }), reused: false };
}

function gb(bytes) {
  return (bytes / 1e9).toFixed(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : dflt;
  };
  const packets = Number(opt('--packets', '2000000'));
  const seed = Number(opt('--seed', '1'));
  const out = resolve(opt('--out', capturePath(packets, seed)));
  const meta = generateCapture({ packets, seed, out, log: (m) => console.error(m) });
  console.log(`wrote ${out}: ${meta.packets} packets, ${meta.bytes} bytes in ${meta.seconds.toFixed(1)} s`);
}
