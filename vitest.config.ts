import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Real peers (dcmtk, impacket, dnsmasq …) start daemons under a loaded CI machine: one retry absorbs a slow start.
    // A deterministic failure still fails every attempt.
    retry: process.env.CI ? 1 : 0,
    // Tests that need a tool this machine lacks skip with the reason in their name; the second reporter lists them.
    reporters: ['default', './src/test-support/skip-summary-reporter.ts'],
  },
});
