// Runs one command over a capture and measures wall time and the child's peak RSS, with stdout
// discarded. Peak RSS comes from GNU time (`/usr/bin/time -f %M`, Debian package `time`) when
// present, else from a python3 wrapper reading getrusage(RUSAGE_CHILDREN), else it is not reported.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PY_WRAPPER = [
  'import resource, subprocess, sys',
  'code = subprocess.call(sys.argv[2:])',
  "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))",
  'sys.exit(code)',
].join('\n');

/** 'gnu-time', 'python3' or null: how peak RSS will be measured on this machine. */
export function rssMethod() {
  const t = spawnSync('/usr/bin/time', ['--version'], { encoding: 'utf8' });
  if (t.status === 0 && /GNU/.test(`${t.stdout}${t.stderr}`)) return 'gnu-time';
  if (spawnSync('python3', ['-c', 'import resource'], { stdio: 'ignore' }).status === 0) return 'python3';
  return null;
}

/** True when `cmd` can be started (for tools such as tshark that may be missing). */
export function hasCommand(cmd) {
  return spawnSync(cmd, ['--version'], { stdio: 'ignore' }).error === undefined;
}

/**
 * Runs `cmd args` with stdout to /dev/null. Resolves to
 * { ok, code, wallSec, maxRssKb (null when unknown), stderrTail }.
 */
export function measure(cmd, args, { method = rssMethod(), cwd } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ww-bench-'));
  const rssFile = join(dir, 'rss');
  let argv;
  if (method === 'gnu-time') argv = ['/usr/bin/time', ['-f', '%M', '-o', rssFile, cmd, ...args]];
  else if (method === 'python3') argv = ['python3', ['-c', PY_WRAPPER, rssFile, cmd, ...args]];
  else argv = [cmd, args];
  const devNull = openSync('/dev/null', 'w');
  const t0 = process.hrtime.bigint();
  return new Promise((resolvePromise) => {
    const child = spawn(argv[0], argv[1], { cwd, stdio: ['ignore', devNull, 'pipe'] });
    let tail = '';
    child.stderr.on('data', (d) => {
      tail = (tail + d.toString()).slice(-4000);
    });
    const finish = (code, error) => {
      const wallSec = Number(process.hrtime.bigint() - t0) / 1e9;
      closeSync(devNull);
      let maxRssKb = null;
      try {
        // GNU time writes "Command exited with non-zero status N" before the figure on failure.
        const nums = readFileSync(rssFile, 'utf8').trim().split(/\s+/).filter((x) => /^\d+$/.test(x));
        if (nums.length > 0) maxRssKb = Number(nums.at(-1));
      } catch {
        // no figure: the wrapper did not get that far
      }
      rmSync(dir, { recursive: true, force: true });
      const stderrTail = error ? String(error.message) : tail;
      resolvePromise({ ok: code === 0 && !error, code, wallSec, maxRssKb, stderrTail });
    };
    child.on('error', (e) => finish(null, e));
    child.on('close', (code) => finish(code, null));
  });
}

/** Reads a file once so the timed runs start from a warm page cache. */
export function warmCache(path) {
  return new Promise((resolvePromise, reject) => {
    const s = createReadStream(path, { highWaterMark: 8 * 1024 * 1024 });
    s.on('data', () => {});
    s.on('end', resolvePromise);
    s.on('error', reject);
  });
}

/** The most telling line of a failed run's stderr (an `error: …` line if there is one). */
export function failureLine(result) {
  const lines = result.stderrTail.split('\n').map((l) => l.trim()).filter((l) => l && !/^Running as user/.test(l) && !/^Command exited/.test(l));
  return lines.find((l) => /^error/i.test(l)) ?? lines.at(-1) ?? `exit ${result.code}`;
}
