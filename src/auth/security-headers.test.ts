import { describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';

describe('securityHeaders', () => {
  it('sets CSP, nosniff, Referrer-Policy and framing protection on every response', () => {
    for (const tls of [true, false]) {
      const h = securityHeaders(tls);
      expect(h['content-security-policy']).toContain("default-src 'self'");
      expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(h['x-content-type-options']).toBe('nosniff');
      expect(h['referrer-policy']).toBe('no-referrer');
      expect(h['x-frame-options']).toBe('DENY');
    }
  });

  it('adds HSTS over TLS only', () => {
    expect(securityHeaders(true)['strict-transport-security']).toBe('max-age=31536000');
    expect(securityHeaders(false)).not.toHaveProperty('strict-transport-security');
  });

  it('uses lower-case names with values a header may carry', () => {
    for (const [name, value] of Object.entries(securityHeaders(true))) {
      expect(name).toMatch(/^[a-z-]+$/);
      expect(value).not.toMatch(/[\r\n]/);
    }
  });
});
