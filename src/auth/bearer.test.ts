import { describe, expect, it } from 'vitest';
import { generateApiTokenSecret } from './api-token-format.js';
import { BEARER_PROBLEM_MESSAGES, BearerProblem as B, parseBearer } from './bearer.js';

const TOKEN = generateApiTokenSecret();

describe('parseBearer', () => {
  it.each([`Bearer ${TOKEN}`, `bearer ${TOKEN}`, `BEARER ${TOKEN}`, `Bearer  ${TOKEN}`])('reads the token from %j', (header) => {
    expect(parseBearer(header)).toEqual({ ok: true, token: TOKEN });
  });

  it.each([
    [undefined, B.Missing],
    ['', B.Missing],
    [`Basic ${Buffer.from('admin:admin').toString('base64')}`, B.NotBearer],
    [`Token ${TOKEN}`, B.NotBearer],
    ['Bearer', B.Malformed],
    ['Bearer ', B.Malformed],
    [` Bearer ${TOKEN}`, B.Malformed],
    [`Bearer\t${TOKEN}`, B.Malformed], // RFC 6750: one or more spaces, not a tab
    [`Bearer ${TOKEN} ${TOKEN}`, B.Malformed],
    [`Bearer ${TOKEN}\u0000`, B.Malformed],
    [`Bearer ${TOKEN}\r\nX-Admin: 1`, B.Malformed],
    [`Bearer ${TOKEN.slice(0, -1)}é`, B.Malformed],
    ['Bearer ww_short', B.NotWardwatchToken],
    [`Bearer ${TOKEN}A`, B.NotWardwatchToken],
    [`Bearer ${TOKEN.replace('ww_', 'xx_')}`, B.NotWardwatchToken],
    ['Bearer eyJhbGciOiJIUzI1NiJ9.e30.ZRrHA1JJJW8opsbCGfG_HACGpVUMN_a9IV7pAx_Zmeo', B.NotWardwatchToken],
    [`Bearer ${'A'.repeat(100_000)}`, B.TooLong],
    ['x'.repeat(513), B.TooLong],
  ])('refuses %j as %s', (header, problem) => {
    expect(parseBearer(header)).toEqual({ ok: false, problem });
  });

  it('refuses a repeated header (Node gives an array)', () => {
    expect(parseBearer([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`])).toEqual({ ok: false, problem: B.Malformed });
  });

  it('has a message for every problem that does not echo the header', () => {
    for (const problem of Object.values(B)) expect(BEARER_PROBLEM_MESSAGES[problem]).not.toContain(TOKEN);
  });
});
