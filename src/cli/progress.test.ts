/** The progress bar: drawn (bytes of total, packets/s, ETA) on a terminal, silent on a pipe. */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { makeProgress } from './progress.js';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const pass = new PassThrough();
  let text = '';
  pass.on('data', (c: Buffer) => (text += c.toString('utf8')));
  Object.assign(pass, { isTTY, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
  return { stream: pass as unknown as NodeJS.WriteStream, text: () => text };
}

describe('progress bar', () => {
  it('shows MiB read of the total and the packet rate on a terminal', () => {
    const { stream, text } = fakeStream(true);
    const p = makeProgress(true, stream);
    p.update({ bytesRead: 5 * 1048576, totalBytes: 20 * 1048576, packets: 1000 });
    p.update({ bytesRead: 10 * 1048576, totalBytes: 20 * 1048576, packets: 2000 });
    p.stop();
    expect(text()).toMatch(/MiB/);
    expect(text()).toMatch(/20\.0 MiB/);
    expect(text()).toMatch(/pkt\/s/);
    expect(text()).toMatch(/ETA/);
  });

  it('writes nothing when stderr is not a terminal, or when turned off', () => {
    for (const [tty, on] of [[false, true], [true, false]] as const) {
      const { stream, text } = fakeStream(tty);
      const p = makeProgress(on, stream);
      p.update({ bytesRead: 1, totalBytes: 2, packets: 1 });
      p.stop();
      expect(text()).toBe('');
    }
  });
});
