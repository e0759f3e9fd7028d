import { describe, expect, it } from 'vitest';
import { buildProgram } from './main.js';

describe('buildProgram loads only the commands a run needs', () => {
  it('loads no command for --version alone', async () => {
    expect((await buildProgram(['--version'])).commands).toHaveLength(0);
  });

  it('loads only the named command', async () => {
    expect((await buildProgram(['devices', '--format', 'json'])).commands.map((c) => c.name())).toEqual(['devices']);
  });

  it('loads every command for help and for --version after a command', async () => {
    const all = (await buildProgram(['--help'])).commands.length;
    expect(all).toBeGreaterThan(15);
    expect((await buildProgram(['devices', '--version'])).commands.map((c) => c.name())).toEqual(['devices']);
  });
});
