/**
 * Builds the console into dist/web/, which `wardwatch serve` serves at / (src/server/console-static.ts). Run from the
 * repository root as `vite build web` (npm run build). The page must run under `default-src 'self'`
 * (src/auth/security-headers.ts), so nothing is inlined: no module-preload polyfill script, no assets as data: URLs.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    // Relative to this folder (Vite's root).
    outDir: '../dist/web',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
