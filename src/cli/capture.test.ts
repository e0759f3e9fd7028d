/** `wardwatch capture` for real: tcpdump on one end of a veth pair between two namespaces, real traffic, SIGINT. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requires } from '../test-support/tools.js';
import { makeWire, stopChild, waitForOutput, waitForPort, type Wire } from '../capture/test-support/netns.js';
import { jsonLines, runCli, startCli } from './test-support/run-cli.js';

const tcpdump = requires({ tools: ['tcpdump'] });
const live = requires({ netns: true, tools: ['tcpdump', 'curl', 'ip', '/usr/bin/python3'], files: ['/usr/share/doc/tcpdump'] });


describe('wardwatch capture: errors', () => {
  it('says clearly when tcpdump is missing', () => {
    const r = runCli(['capture', '-i', 'lo', '--tcpdump', '/nonexistent/tcpdump']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: /nonexistent/tcpdump not found: live capture needs tcpdump (apt-get install tcpdump)\n');
  });

  it.skipIf(tcpdump.skip)(tcpdump.title('says clearly when the interface cannot be opened'), () => {
    const r = runCli(['capture', '-i', 'no-such-if0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: tcpdump failed on no-such-if0: .+\n$/);
  });

  it('needs an interface', () => {
    const r = runCli(['capture']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*--interface/);
  });
});

describe.skipIf(live.skip)(live.title('wardwatch capture on a live veth'), () => {
  let wire: Wire;
  beforeAll(() => {
    wire = makeWire(202);
  });
  afterAll(() => {
    wire.remove();
  });

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    it(`ingests real traffic until ${signal}, then flushes every flow and exits 0`, async () => {
      const server = wire.start(wire.nsB, '/usr/bin/python3', ['-m', 'http.server', '--bind', wire.ipB, '8081', '--directory', '/usr/share/doc/tcpdump']);
      const cli = startCli(['capture', '-i', wire.ifA, '-f', 'tcp port 8081', '--flows', '--json', '--db', `/tmp/ww-capture-${signal}-${process.pid}.db`], wire.nsA);
      let stdout = '';
      cli.stdout?.on('data', (c: Buffer) => {
        stdout += c.toString('utf8');
      });
      let stderr = '';
      cli.stderr?.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
      });
      try {
        await waitForOutput(cli, 'capturing on');
        await waitForPort(wire, wire.nsA, wire.ipB, 8081);
        for (let i = 0; i < 3; i++) wire.exec(wire.nsA, 'curl', ['-s', '-o', '/dev/null', `http://${wire.ipB}:8081/`]);
        await new Promise((r) => setTimeout(r, 500));
      } finally {
        await stopChild(server, 'SIGTERM');
      }
      // `ip netns exec` execs the command in place, so the child is wardwatch itself.
      const code = await stopChild(cli, signal);
      expect(stderr).not.toMatch(/error/);
      expect(code).toBe(0);
      const text = stdout;
      const reportStart = text.indexOf('{\n');
      const flows = jsonLines(text.slice(0, reportStart));
      const report = JSON.parse(text.slice(reportStart)) as { stats: { packets: number; flows: number } };
      const curl = flows.filter((f) => f.dport === 8081 && f.src === wire.ipA && typeof f.bytesIn === 'number' && f.bytesIn > 500);
      expect(curl).toHaveLength(3);
      for (const f of curl) expect(f.state).toBe('closed');
      expect(report.stats.packets).toBeGreaterThanOrEqual(30);
      expect(report.stats.flows).toBe(flows.length);
    });
  }
});
