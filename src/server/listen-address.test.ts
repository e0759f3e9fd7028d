import { describe, expect, it } from 'vitest';
import { checkExposure, isLoopback, parseListen } from './listen-address.js';

describe('--listen', () => {
  it('reads IPv4, bracketed IPv6 and names', () => {
    expect(parseListen('127.0.0.1:8443')).toEqual({ host: '127.0.0.1', port: 8443 });
    expect(parseListen('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(parseListen('localhost:80')).toEqual({ host: 'localhost', port: 80 });
  });

  it('refuses what is no HOST:PORT', () => {
    for (const bad of ['8443', '127.0.0.1', '127.0.0.1:65536', '::1:8443', '[nope]:1', '127.0.0.1:-1', 'a:b']) expect(() => parseListen(bad), bad).toThrow(/--listen/);
  });

  it('knows loopback from the network', () => {
    expect(['127.0.0.1', '127.8.9.10', '::1', 'localhost'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '10.20.0.5', '::', '128.0.0.1', 'wardwatch.example'].map(isLoopback)).toEqual([false, false, false, false, false]);
  });

  it('refuses a network address without TLS, and says why', () => {
    expect(() => { checkExposure({ host: '0.0.0.0', port: 8443 }, false, false); }).toThrow(/without TLS: passwords, session cookies and API tokens/);
    expect(() => { checkExposure({ host: '0.0.0.0', port: 8443 }, true, false); }).not.toThrow();
    expect(() => { checkExposure({ host: '0.0.0.0', port: 8443 }, false, true); }).not.toThrow();
    expect(() => { checkExposure({ host: '127.0.0.1', port: 8443 }, false, false); }).not.toThrow();
  });
});
