import { describe, expect, it } from 'vitest';
import { checkUserName } from './user-name.js';

describe('checkUserName', () => {
  it.each([
    ['alice', 'alice'],
    ['Alice.Smith@ward-3', 'alice.smith@ward-3'],
    ['biomed_2', 'biomed_2'],
    ['a'.repeat(64), 'a'.repeat(64)],
  ])('accepts %j as %j', (input, name) => {
    expect(checkUserName(input)).toEqual({ ok: true, name });
  });

  it.each([
    ['', /empty/],
    ['a'.repeat(65), /longer than 64/],
    ['a'.repeat(100_000), /longer than 64/],
    ['-alice', /letters/],
    ['.alice', /letters/],
    ['al ice', /letters/],
    ['al\u0000ice', /letters/],
    ['alice\n', /letters/],
    ['\u0430lice', /letters/], // Cyrillic а
    ['\u212Aelvin', /letters/], // Kelvin sign, which toLowerCase() turns into "k"
    ['../etc/passwd', /letters/],
    ["alice'--", /letters/],
  ])('refuses %j', (input, reason) => {
    const result = checkUserName(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(reason);
      if (input.length > 0) expect(result.reason).not.toContain(input);
    }
  });
});
