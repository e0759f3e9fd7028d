/** The reading commands as a user runs them: output contracts, stdin, gzip, merges, and every kind of bad input. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusPcaps, jsonLines, runCli } from './test-support/run-cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'ww-cli-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const httpGet = path.join(corpusPcaps, 'zeek/http_get.pcap');
const dhcp = path.join(corpusPcaps, 'zeek/dhcp_dhcp.pcap');

const FLOW_FIELDS = ['proto', 'src', 'sport', 'dst', 'dport', 'vlan', 'first', 'last', 'packetsOut', 'bytesOut', 'packetsIn', 'bytesIn', 'state', 'app'];

describe('wardwatch flows', () => {
  it('prints one JSON object a line with the contract fields', () => {
    const r = runCli(['flows', httpGet]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const [flow] = jsonLines(r.stdout);
    expect(Object.keys(flow ?? {})).toEqual(expect.arrayContaining(FLOW_FIELDS));
    expect(flow).toMatchObject({ proto: 'tcp', src: '141.142.228.5', sport: 59856, dst: '192.150.187.43', dport: 80, vlan: null, packetsOut: 7, bytesOut: 610, packetsIn: 7, bytesIn: 5477, state: 'closed', first: '2013-03-07T21:42:06.869344Z' });
  });

  it('reads stdin with -', () => {
    const r = runCli(['flows', '-'], readFileSync(httpGet));
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toHaveLength(1);
  });

  it('reads gzip-compressed captures, detected by magic not by name', () => {
    const gz = path.join(dir, 'no-suffix');
    writeFileSync(gz, gzipSync(readFileSync(httpGet)));
    const r = runCli(['flows', gz]);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout)).toEqual(jsonLines(runCli(['flows', httpGet]).stdout));
  });

  it('merges several files in one run', () => {
    const both = jsonLines(runCli(['flows', httpGet, dhcp]).stdout);
    const one = jsonLines(runCli(['flows', httpGet]).stdout).length + jsonLines(runCli(['flows', dhcp]).stdout).length;
    expect(both).toHaveLength(one);
  });

  it('names each flow by the decoder that claimed it', () => {
    const flows = jsonLines(runCli(['flows', dhcp]).stdout);
    expect(flows.every((f) => f.app === 'dhcp')).toBe(true);
  });
});

describe('bad input', () => {
  it('a file that is not a capture: one error line, exit 1, no stack', () => {
    const f = path.join(dir, 'notes.txt');
    writeFileSync(f, 'these are not packets\n');
    const r = runCli(['flows', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${f}: not a pcap or pcapng file\n`);
    expect(r.stdout).toBe('');
  });

  it('a truncated capture keeps everything before the damage, then errors with the byte', () => {
    const cut = path.join(dir, 'cut.pcap');
    const whole = readFileSync(httpGet);
    writeFileSync(cut, whole.subarray(0, 3000));
    const r = runCli(['flows', cut]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^error: ${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: capture truncated at byte \\d+\\n$`));
    const [flow] = jsonLines(r.stdout);
    expect(flow?.packetsOut).toBeGreaterThan(0);
  });

  it('a damaged file among good ones: the good ones are still read', () => {
    const f = path.join(dir, 'junk.bin');
    writeFileSync(f, Buffer.from('definitely not a capture'));
    const r = runCli(['flows', httpGet, f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not a pcap or pcapng file');
    expect(jsonLines(r.stdout)).toHaveLength(1);
  });

  it('a missing file', () => {
    const r = runCli(['flows', path.join(dir, 'nope.pcap')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^error: .*nope\.pcap: /);
  });

  it('bad option values and unknown commands', () => {
    for (const args of [['flows', '--max-flows', 'lots', httpGet], ['records', '--proto', 'gopher', httpGet], ['nonsense']]) {
      const r = runCli(args);
      expect(r.code).toBe(1);
      expect(r.stderr.startsWith('error: ')).toBe(true);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('--debug adds the stack trace', () => {
    const f = path.join(dir, 'notes2.txt');
    writeFileSync(f, 'x'.repeat(64));
    const r = runCli(['--debug', 'flows', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\n\s+at /);
  });

  it('a reader that closes the pipe early does not crash the process', () => {
    const out = execFileSync('bash', ['-c', `node bin/wardwatch.js flows ${path.join(corpusPcaps, 'ndpi/srvloc.pcap')} | head -1; echo "rc=\${PIPESTATUS[0]}"`], { encoding: 'utf8', cwd: path.resolve(import.meta.dirname, '../..') });
    expect(out).toMatch(/rc=0/);
  });
});

describe('wardwatch analyze', () => {
  it('prints a short human summary', () => {
    const r = runCli(['analyze', '--db', path.join(dir, 'a.db'), dhcp]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/9 packets/);
    expect(r.stdout).toMatch(/dhcp/);
  });

  it('--json prints the report with the contract stats', () => {
    const r = runCli(['analyze', '--db', path.join(dir, 'b.db'), '--json', httpGet]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { stats: Record<string, number>; devices: unknown[]; findings: unknown[] };
    expect(report.stats).toMatchObject({ packets: 14, bytes: 6087, flows: 1, malformed: 0 });
    expect(typeof report.stats.records).toBe('number');
    expect(typeof report.stats.seconds).toBe('number');
    expect(Array.isArray(report.devices)).toBe(true);
    expect(Array.isArray(report.findings)).toBe(true);
  });

  it('no progress bar when stderr is not a terminal', () => {
    expect(runCli(['analyze', '--db', path.join(dir, 'c.db'), httpGet]).stderr).toBe('');
  });
});
