/** Register header names to fields: known spellings, guesses by the last word, and what is never guessed. */
import { describe, expect, it } from 'vitest';
import { planColumns } from './column-map.js';

const plan = (header: string[]): Record<string, string | null> => {
  const p = planColumns(header, []);
  return Object.fromEntries(header.map((h, i) => [h, p.fields[i] === null ? null : `${p.fields[i] ?? ''}${p.sources[i] === 'guess' ? ' (guess)' : ''}`]));
};

describe('register columns', () => {
  it('reads the spellings a real export uses, whatever the case and punctuation', () => {
    expect(plan(['MAC Address', 'Mfr', 'Model No', 'Location/Room', 'Biomed Owner'])).toEqual({
      'MAC Address': 'mac', Mfr: 'vendor', 'Model No': 'model', 'Location/Room': 'location', 'Biomed Owner': 'owner',
    });
    expect(plan(['mac', 'MFR.', 'model_no', 'LOCATION - ROOM', 'biomed-owner'])).toEqual({
      mac: 'mac', 'MFR.': 'vendor', model_no: 'model', 'LOCATION - ROOM': 'location', 'biomed-owner': 'owner',
    });
  });

  it('guesses a header by a last word that names one field, and says it guessed', () => {
    expect(plan(['Serial', 'Equipment Manufacturer', 'Clinical Owner', 'Patient Room'])).toEqual({
      Serial: 'serial', 'Equipment Manufacturer': 'vendor (guess)', 'Clinical Owner': 'owner (guess)', 'Patient Room': 'location (guess)',
    });
  });

  it('never guesses from a word that may name another thing, and lets a known name win over a guess', () => {
    expect(plan(['Serial', 'Parent Asset', 'Vendor Phone', 'Owner Phone', 'Notes', 'Backup Serial No'])).toEqual({
      Serial: 'serial', 'Parent Asset': null, 'Vendor Phone': null, 'Owner Phone': null, Notes: null, 'Backup Serial No': null,
    });
    expect(plan(['Serial', 'Equipment Manufacturer', 'Manufacturer'])).toEqual({ Serial: 'serial', 'Equipment Manufacturer': null, Manufacturer: 'vendor' });
  });

  it('--map wins over names and guesses', () => {
    const p = planColumns(['Serial', 'Biomed Owner', 'Room'], [{ column: 'biomed owner', field: 'department' }]);
    expect(p.fields).toEqual(['serial', 'department', 'location']);
    expect(p.sources).toEqual(['name', 'map', 'name']);
  });
});
