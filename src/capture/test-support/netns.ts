/**
 * Test helper: two hosts joined by a veth pair, in network namespaces made for the test and deleted after it.
 * Needs root and iproute2; `available()` says whether this machine can.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export interface Wire {
  nsA: string;
  nsB: string;
  ifA: string;
  ifB: string;
  ipA: string;
  ipB: string;
  /** Runs a command inside a namespace and waits for it. */
  exec(ns: string, cmd: string, args: readonly string[]): string;
  /** Starts a long-running command inside a namespace. */
  start(ns: string, cmd: string, args: readonly string[]): ChildProcess;
  remove(): void;
}

function ip(args: readonly string[]): void {
  execFileSync('ip', args, { stdio: 'ignore' });
}

/** Whether this machine can make namespaces (src/test-support/tools.ts answers, honouring WARDWATCH_TEST_BARE). */
export { netnsAvailable } from '../../test-support/tools.js';

/** Makes namespaces A and B with addresses 172.31.<subnet>.10 and .20, offloads off so frames are wire-sized. */
export function makeWire(subnet: number): Wire {
  const tag = randomBytes(3).toString('hex');
  const nsA = `wwa${tag}`;
  const nsB = `wwb${tag}`;
  const ifA = `wva${tag}`;
  const ifB = `wvb${tag}`;
  const ipA = `172.31.${subnet}.10`;
  const ipB = `172.31.${subnet}.20`;
  const remove = (): void => {
    for (const ns of [nsA, nsB]) {
      try {
        ip(['netns', 'del', ns]);
      } catch {
        // already gone
      }
    }
  };
  try {
    ip(['netns', 'add', nsA]);
    ip(['netns', 'add', nsB]);
    ip(['link', 'add', ifA, 'type', 'veth', 'peer', 'name', ifB]);
    ip(['link', 'set', ifA, 'netns', nsA]);
    ip(['link', 'set', ifB, 'netns', nsB]);
    ip(['-n', nsA, 'addr', 'add', `${ipA}/24`, 'dev', ifA]);
    ip(['-n', nsB, 'addr', 'add', `${ipB}/24`, 'dev', ifB]);
    for (const [ns, dev] of [[nsA, ifA], [nsB, ifB]] as const) {
      ip(['-n', ns, 'link', 'set', 'lo', 'up']);
      ip(['-n', ns, 'link', 'set', dev, 'up']);
      try {
        execFileSync('ip', ['netns', 'exec', ns, 'ethtool', '-K', dev, 'tso', 'off', 'gso', 'off', 'gro', 'off', 'tx', 'off'], { stdio: 'ignore' });
      } catch {
        // ethtool missing: tcpdump may then see offloaded super-frames; tests compare with tshark on the same file anyway
      }
    }
  } catch (e) {
    remove();
    throw e;
  }
  return {
    nsA,
    nsB,
    ifA,
    ifB,
    ipA,
    ipB,
    exec: (ns, cmd, args) => execFileSync('ip', ['netns', 'exec', ns, cmd, ...args], { encoding: 'utf8', timeout: 60_000 }),
    start: (ns, cmd, args) => spawn('ip', ['netns', 'exec', ns, cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'] }),
    remove,
  };
}

/** Resolves once `text` appears on the child's stderr or stdout (e.g. tcpdump's "listening on"). */
export function waitForOutput(child: ChildProcess, text: string, timeoutMs = 10_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => {
      reject(new Error(`timed out waiting for '${text}' (saw: ${seen.slice(-500)})`));
    }, timeoutMs);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    child.stdout?.on('data', onData);
  });
}

/** Retries until a TCP port accepts inside the namespace (the server is up). */
export async function waitForPort(wire: Wire, ns: string, host: string, port: number, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      wire.exec(ns, 'bash', ['-c', `exec 3<>/dev/tcp/${host}/${port}`]);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`port ${port} on ${host} never opened`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGINT'): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      resolve(child.exitCode);
      return;
    }
    child.once('close', (code) => {
      resolve(code);
    });
    child.kill(signal);
  });
}
