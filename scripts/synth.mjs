// The capture synthesiser (src/capture/synth) for scripts: compiled by `npm run build:tools` into build/tools/, which
// is never packed, so the synthesiser and its payload builders stay out of what ships.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the compiled synthesiser lives. */
export const SYNTH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'build', 'tools', 'capture', 'synth');

if (!existsSync(join(SYNTH_DIR, 'scenario.js')) || !existsSync(join(SYNTH_DIR, 'payloads', 'ntlmssp.js'))) {
  console.error('error: build/tools/capture/synth is missing or stale; run `npm run build:tools` first');
  process.exit(1);
}

/** A module of the compiled synthesiser, by its path under src/capture/synth with a .js suffix ('payloads/http.js'). */
export const loadSynth = (file) => import(join(SYNTH_DIR, file));
