import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS_FILE, commonPasswords, readCommonPasswords } from './common-passwords.js';
import { checkNewPassword, isRepetitive, PasswordProblemCode as P } from './password-policy.js';

const codes = (password: string, user = 'alice'): string[] => checkNewPassword(password, user).map((p) => p.code);

describe('checkNewPassword', () => {
  it.each([
    'correct horse battery staple', // only lower-case letters and spaces: no composition rules
    'tr0ub4dor&3 is not as good', // symbols are fine too
    'пароль очень длинный', // Cyrillic
    '病院のネットワークを守る鍵', // 13 CJK code points, 39 bytes
    'night shift!', // exactly 12 characters
  ])('accepts %j', (password) => {
    expect(checkNewPassword(password, 'alice')).toEqual([]);
  });

  it('refuses fewer than 12 characters, counting code points, not UTF-16 units or bytes', () => {
    expect(codes('short pass1')).toEqual([P.TooShort]);
    expect(codes('🔒🔑🏥🩺💉🧪🧬🫀🫁🦠🧫')).toEqual([P.TooShort]); // 11 emoji, 22 UTF-16 units
    expect(codes('🔒🔑🏥🩺💉🧪🧬🫀🫁🦠🧫🩻')).toEqual([]);
  });

  it('refuses the most common passwords, in any case and with digits or symbols around them', () => {
    expect(codes('qwerty123456')).toContain(P.Common);
    expect(codes('QWERTY123456')).toContain(P.Common);
    expect(codes('Password2024!')).toContain(P.Common);
    expect(codes('!!sunshine!!2024')).toContain(P.Common);
    expect(codes('sunshine on the ward 2024')).not.toContain(P.Common);
  });

  it('refuses a password containing the user name or the service name', () => {
    expect(codes('alice-is-great-2024')).toEqual([P.ContainsUserName]);
    expect(codes('ALICE in the ward at night')).toEqual([P.ContainsUserName]);
    expect(codes('my wardwatch password')).toEqual([P.ContainsServiceName]);
    expect(codes('alice-is-great-2024', 'bob')).toEqual([]);
  });

  it.each(['aaaaaaaaaaaa', 'abcabcabcabc', 'qwertyqwerty', 'abcdefghijklm', 'mlkjihgfedcba', '123456789012', '987654321098'])(
    'refuses the repetitive or sequential %j',
    (password) => {
      expect(codes(password)).toContain(P.Repetitive);
    },
  );

  it('refuses control characters (NUL, escape, newline)', () => {
    expect(codes('correct horse\u0000battery')).toEqual([P.ControlCharacter]);
    expect(codes('correct horse\nbattery')).toEqual([P.ControlCharacter]);
    expect(codes('correct horse\u001b[2Jbattery')).toEqual([P.ControlCharacter]);
  });

  it('refuses a 10 kB password as too long, without other checks', () => {
    expect(codes('a'.repeat(10_000))).toEqual([P.TooLong]);
    expect(codes('é'.repeat(5_000))).toEqual([P.TooLong]);
  });

  it('never repeats the password in its messages', () => {
    const password = 'Password2024!';
    for (const problem of checkNewPassword(password, 'alice')) expect(problem.message).not.toContain(password);
  });
});

describe('isRepetitive', () => {
  it('does not flag ordinary passphrases', () => {
    expect(isRepetitive('correct horse battery staple')).toBe(false);
    expect(isRepetitive('abd')).toBe(false);
  });
});

describe('the common-password list', () => {
  it('is read from the shipped file, lower-cased, with its source recorded', () => {
    const list = commonPasswords();
    expect(list.has('password')).toBe(true);
    expect(list.has('fqrg7cs493')).toBe(true);
    expect(list.size).toBeGreaterThan(250);
    expect(readCommonPasswords(COMMON_PASSWORDS_FILE)).toEqual(list);
  });
});
