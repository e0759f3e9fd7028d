#!/usr/bin/env node
// Entry point: the compiled CLI, bundled into dist/bundle/ (scripts/bundle-cli.mjs; built by `npm ci` through the
// prepare script).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
