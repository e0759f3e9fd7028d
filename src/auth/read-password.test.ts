import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { AppError } from '../util/app-error.js';
import { readPasswordFromStdin, readPasswordFromTty } from './read-password.js';

const stdin = (...chunks: string[]): Readable => Readable.from(chunks.map((c) => Buffer.from(c, 'utf8')));

describe('readPasswordFromStdin', () => {
  it.each([
    ['correct horse battery staple\n', 'correct horse battery staple'],
    ['correct horse battery staple\r\n', 'correct horse battery staple'],
    ['no newline at the end', 'no newline at the end'],
    ['first line\nsecond line\n', 'first line'],
    ['  spaces kept  \n', '  spaces kept  '],
    ['пароль очень длинный\n', 'пароль очень длинный'],
  ])('reads %j as %j', async (input, expected) => {
    expect(await readPasswordFromStdin(stdin(input))).toBe(expected);
  });

  it('joins a line split across chunks, even inside a UTF-8 character', async () => {
    const bytes = Buffer.from('café au lait\n', 'utf8');
    const split = Readable.from([bytes.subarray(0, 4), bytes.subarray(4)]);
    expect(await readPasswordFromStdin(split)).toBe('café au lait');
  });

  it.each(['', '\n', '\r\n', '\nsecond'])('refuses the empty first line of %j', async (input) => {
    await expect(readPasswordFromStdin(stdin(input))).rejects.toThrow(/empty/);
  });

  it('refuses 10 kB on one line', async () => {
    await expect(readPasswordFromStdin(stdin('x'.repeat(10_000)))).rejects.toThrow(/longer than 1024 bytes/);
  });

  it('stops reading an endless input without a newline', async () => {
    function* endless(): Generator<Buffer> {
      for (;;) yield Buffer.alloc(4096, 0x79);
    }
    await expect(readPasswordFromStdin(Readable.from(endless()))).rejects.toBeInstanceOf(AppError);
  });
});

/** A fake terminal: what the user "types" goes into `input`; everything echoed or prompted lands in `written`. */
function fakeTty(): { input: PassThrough & { isTTY: boolean }; output: PassThrough; written: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => input });
  const output = new PassThrough();
  let text = '';
  output.on('data', (c: Buffer) => (text += c.toString('utf8')));
  return { input, output, written: () => text };
}

describe('readPasswordFromTty', () => {
  it('prompts, reads the line and never echoes it', async () => {
    const tty = fakeTty();
    const answer = readPasswordFromTty(tty.input, tty.output, 'Password for alice: ');
    tty.input.write('correct horse battery staple\r');
    expect(await answer).toBe('correct horse battery staple');
    expect(tty.written()).toBe('Password for alice: \n');
  });

  it('refuses an empty answer', async () => {
    const tty = fakeTty();
    const answer = readPasswordFromTty(tty.input, tty.output, 'Password: ');
    tty.input.write('\r');
    await expect(answer).rejects.toThrow(/empty/);
  });

  it('refuses when input ends before a line', async () => {
    const tty = fakeTty();
    const answer = readPasswordFromTty(tty.input, tty.output, 'Password: ');
    tty.input.end();
    await expect(answer).rejects.toThrow(/no password/);
  });

  it('refuses a pipe, pointing to --password-stdin', async () => {
    const notTty = new PassThrough();
    await expect(readPasswordFromTty(notTty, new PassThrough(), 'Password: ')).rejects.toThrow(/--password-stdin/);
  });
});
