/** Test support: the data decoders get in production (the shipped default-credentials table), for tests that make state. */
import { loadDefaultCredentials } from '../common/default-credentials-file.js';
import type { DecoderDeps } from '../types.js';

export const SHIPPED_DEPS: DecoderDeps = { credentials: loadDefaultCredentials() };
