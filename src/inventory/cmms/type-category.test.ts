/** Free-text equipment types to categories through the shipped identification knowledge (data/device-types.json). */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../identify/knowledge/load-kb.js';
import { typeCategoryIndex } from './type-category.js';

const categoryOf = typeCategoryIndex(loadKnowledgeBase());

describe('equipment type to category', () => {
  it('knows the types the identification rules and the FDA product codes name, however a register writes them', () => {
    expect(categoryOf('Infusion Pump')).toBe('infusion');
    expect(categoryOf('PUMP, INFUSION')).toBe('infusion');
    expect(categoryOf('IV Infusion Pumps (large volume)')).toBe('infusion');
    expect(categoryOf('Patient Monitor - Bedside')).toBe('patient-monitoring');
    expect(categoryOf('Ventilator')).toBe('life-support');
    expect(categoryOf('CT Scanner')).toBe('imaging');
  });

  it('gives no category for a type it does not know, half a type, or types that disagree', () => {
    expect(categoryOf('Widget')).toBeNull();
    expect(categoryOf('Monitor')).toBeNull();
    expect(categoryOf('Pump')).toBeNull();
    expect(categoryOf('')).toBeNull();
    // PACS (imaging infrastructure) and server (IT) are equally specific: unknown is better than wrong.
    expect(categoryOf('PACS server')).toBeNull();
  });

  it('prefers the more specific type: an imaging workstation is imaging infrastructure, a workstation IT', () => {
    expect(categoryOf('Imaging Workstation')).toBe('imaging-infrastructure');
    expect(categoryOf('Workstation')).toBe('it');
  });
});
