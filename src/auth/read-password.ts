/**
 * Reading a password for `wardwatch users add`: from a terminal without echo, or from stdin (`--password-stdin`) for
 * scripts. The password is returned to the caller only; nothing here prints or logs it.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { AppError, ErrorCode } from '../util/app-error.js';
import { MAX_PASSWORD_BYTES } from './password-params.js';

export interface TtyInput extends NodeJS.ReadableStream {
  readonly isTTY?: boolean;
}

/**
 * Prompts on `output` and reads one line from the terminal `input` with echo off: readline writes what is typed to a
 * muted stream instead of the terminal. Refuses a non-terminal input (a pipe must use --password-stdin, so a script
 * never blocks on a prompt it cannot see) and an empty answer. Ctrl-C or end of input rejects.
 */
export async function readPasswordFromTty(input: TtyInput, output: NodeJS.WritableStream, prompt: string): Promise<string> {
  if (input.isTTY !== true) {
    throw new AppError(ErrorCode.BadArgument, 'standard input is not a terminal: use --password-stdin to read the password from it');
  }
  const muted = new Writable({ write: (_chunk, _enc, done) => { done(); } });
  const rl = createInterface({ input, output: muted, terminal: true });
  output.write(prompt);
  try {
    const answer = await new Promise<string>((resolve, reject) => {
      rl.once('line', resolve);
      rl.once('SIGINT', () => { reject(new AppError(ErrorCode.BadArgument, 'password entry cancelled')); });
      rl.once('close', () => { reject(new AppError(ErrorCode.BadArgument, 'no password entered')); });
    });
    output.write('\n'); // the Enter key was swallowed by the muted stream
    return checkEntered(answer);
  } finally {
    rl.close();
  }
}

/**
 * The first line of `input`, without its line ending (LF or CRLF), for `--password-stdin` (as `docker login` reads
 * it). Stops reading at the first newline or after MAX_PASSWORD_BYTES, so `yes | wardwatch users add …` ends.
 */
export async function readPasswordFromStdin(input: AsyncIterable<Buffer | string>): Promise<string> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    chunks.push(buf);
    length += buf.length;
    if (buf.includes(0x0a) || length > MAX_PASSWORD_BYTES + 2) break;
  }
  const all = Buffer.concat(chunks);
  const newline = all.indexOf(0x0a);
  const line = newline < 0 ? all : all.subarray(0, newline);
  if (line.length > MAX_PASSWORD_BYTES + 1) throw new AppError(ErrorCode.BadArgument, `password is longer than ${MAX_PASSWORD_BYTES} bytes`);
  return checkEntered(line.toString('utf8').replace(/\r$/, ''));
}

function checkEntered(password: string): string {
  if (password === '') throw new AppError(ErrorCode.BadArgument, 'password is empty');
  if (Buffer.byteLength(password, 'utf8') > MAX_PASSWORD_BYTES) {
    throw new AppError(ErrorCode.BadArgument, `password is longer than ${MAX_PASSWORD_BYTES} bytes`);
  }
  return password;
}
