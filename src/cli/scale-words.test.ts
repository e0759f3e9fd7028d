/** The two scales' words: risk always with its number and "(level)", severity always named. */
import { describe, expect, it } from 'vitest';
import { countByLevel, riskCell, riskText, severityText } from './scale-words.js';

describe('scale words', () => {
  it('writes a risk as its score with the level in parentheses, and says "risk" outside a table', () => {
    expect(riskCell({ score: 75, level: 'high' })).toBe('75 (high)');
    expect(riskText({ score: 75, level: 'high' })).toBe('risk 75 (high)');
    expect(severityText('critical')).toBe('severity critical');
  });

  it('never writes a bare level for an unscored risk', () => {
    expect(riskCell(null)).toBe('-');
    expect(riskText(null)).toBe('risk unscored');
    expect(riskText(undefined)).not.toMatch(/high|medium|low|critical|info/);
  });

  it('counts levels most severe first and leaves out the absent ones', () => {
    expect(countByLevel(['medium', 'critical', 'medium', 'info'])).toBe('1 critical, 2 medium, 1 info');
    expect(countByLevel([])).toBe('');
  });
});
