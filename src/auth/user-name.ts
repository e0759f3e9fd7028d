/** User names: what `wardwatch users add NAME` accepts, and the canonical form stored and compared. */

/** Long enough for `firstname.lastname@hospital.example`, short enough to bound every log line and key. */
export const MAX_USER_NAME_LENGTH = 64;

// ASCII only: Unicode names invite look-alikes (Cyrillic "а" for Latin "a") that make two accounts read the same in
// the audit log. Starts with a letter or digit so a name is never mistaken for a CLI flag. Tested before lower-casing:
// toLowerCase() maps the Kelvin sign U+212A to "k", which would let a non-ASCII name through.
const USER_NAME_SHAPE = /^[A-Za-z0-9][A-Za-z0-9._@-]*$/;

export type UserNameCheck = { ok: true; name: string } | { ok: false; reason: string };

/** Checks a user name and returns its canonical (lower-case) form; reasons name the rule, never echo the input. */
export function checkUserName(input: string): UserNameCheck {
  if (input.length === 0) return { ok: false, reason: 'user name is empty' };
  if (input.length > MAX_USER_NAME_LENGTH) {
    return { ok: false, reason: `user name is longer than ${MAX_USER_NAME_LENGTH} characters` };
  }
  if (!USER_NAME_SHAPE.test(input)) {
    return {
      ok: false,
      reason: 'user name may hold only letters a-z, digits and . _ @ - (starting with a letter or digit)',
    };
  }
  return { ok: true, name: input.toLowerCase() };
}
