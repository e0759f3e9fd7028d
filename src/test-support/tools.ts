/**
 * Test support: whether this machine has what a test that drives real tools needs (Debian commands, Python modules,
 * root, network namespaces), and the one gate such tests go through (`requires`).
 *
 * Off CI a missing need skips the test, its reason in the test's name (the skip-summary reporter lists them at the
 * end of the run). In CI (`CI=true`) a missing need is an error instead: .ci/run installs every tool, so a skip there
 * could only hide a missing install step. `WARDWATCH_TEST_BARE=1` pretends nothing is installed and we are not root,
 * to check what `npm test` does on a bare machine.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** What a test needs from the machine. */
export interface Needs {
  /** Commands on PATH (or /usr/sbin, /sbin: daemons live there and a user's PATH may lack them), or absolute paths. */
  readonly tools?: readonly string[];
  /** Modules /usr/bin/python3 (the interpreter the fixture scripts run) must import, e.g. `impacket`. */
  readonly python?: readonly string[];
  /** Runs as root (tcpdump on lo, daemons on privileged ports). */
  readonly root?: boolean;
  /** Can make network namespaces (root and `ip netns add` works: not in every container). */
  readonly netns?: boolean;
  /** Files that must exist, e.g. a package's scripts under /usr/share/doc (minimal images drop that folder). */
  readonly files?: readonly string[];
}

/** The gate of a test or group: `describe.skipIf(g.skip)(g.title('…'), …)` or `it.skipIf(g.skip)(g.title('…'), …)`. */
export interface Gate {
  readonly skip: boolean;
  /** What is missing ("needs root, dnsmasq"), or null when nothing is. */
  readonly reason: string | null;
  /** `name`, with ` [skipped: needs …]` appended when skipped. */
  title(name: string): string;
}

export const SKIP_MARK = '[skipped: ';

const bare = process.env.WARDWATCH_TEST_BARE === '1';
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const PYTHON = '/usr/bin/python3';
const found = new Map<string, boolean>();

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function lookUp(name: string): boolean {
  if (name.includes('/')) return executable(name);
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/sbin'].filter((d) => d !== '');
  if (!dirs.some((d) => executable(path.join(d, name)))) return false;
  // A broken tshark install is on PATH yet cannot run: it must count as missing.
  return name !== 'tshark' || spawnSync('tshark', ['--version'], { stdio: 'ignore' }).status === 0;
}

function cached(key: string, probe: () => boolean): boolean {
  if (bare) return false;
  let v = found.get(key);
  if (v === undefined) {
    v = probe();
    found.set(key, v);
  }
  return v;
}

/** Whether `name` (a command or an absolute path) can be run. */
export function hasTool(name: string): boolean {
  return cached(`tool:${name}`, () => lookUp(name));
}

/** Whether every one of `names` can be run. */
export function hasTools(names: readonly string[]): boolean {
  return names.every(hasTool);
}

/** Whether /usr/bin/python3 imports `module`. */
export function hasPythonModule(module: string): boolean {
  return cached(`py:${module}`, () => executable(PYTHON) && spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0);
}

export const isRoot = !bare && typeof process.getuid === 'function' && process.getuid() === 0;

/** tshark is not only on PATH but runs (a broken install fails `--version`). */
export const hasTshark = hasTool('tshark');

/** Whether network namespaces can be made here (tried once: add and delete a probe namespace). */
export function netnsAvailable(): boolean {
  return cached('netns', () => {
    if (!isRoot || !hasTool('ip')) return false;
    const probe = `wwprobe${randomBytes(3).toString('hex')}`;
    if (spawnSync('ip', ['netns', 'add', probe], { stdio: 'ignore' }).status !== 0) return false;
    spawnSync('ip', ['netns', 'del', probe], { stdio: 'ignore' });
    return true;
  });
}

/** What of `needs` this machine lacks, as words ("root, dnsmasq, python3 module impacket"); empty when nothing. */
export function lacking(needs: Needs): string[] {
  const out: string[] = [];
  if ((needs.root === true || needs.netns === true) && !isRoot) out.push('root');
  if (needs.netns === true && isRoot && !netnsAvailable()) out.push('network namespaces');
  for (const t of needs.tools ?? []) if (!hasTool(t)) out.push(t);
  for (const f of needs.files ?? []) if (!cached(`file:${f}`, () => existsSync(f))) out.push(f);
  if ((needs.python ?? []).length > 0 && !hasTool(PYTHON)) out.push(PYTHON);
  else for (const m of needs.python ?? []) if (!hasPythonModule(m)) out.push(`python3 module ${m}`);
  return out;
}

/**
 * The gate for tests that need `needs`. In CI a missing need throws "required in CI: … missing", failing the test
 * file, because CI is where every such test must run.
 */
export function requires(needs: Needs): Gate {
  const miss = lacking(needs);
  if (miss.length === 0) return { skip: false, reason: null, title: (name) => name };
  const reason = `needs ${miss.join(', ')}`;
  if (inCi) throw new Error(`required in CI: ${miss.join(', ')} missing (.ci/run installs it)`);
  return { skip: true, reason, title: (name) => `${name} ${SKIP_MARK}${reason}]` };
}
