/** The record union covers exactly the registered decoders: a decoder added without its record type fails here. */
import { describe, expect, it } from 'vitest';
import { RECORD_PROTOS } from './records.js';
import { decoders } from './registry.js';

describe('the record union', () => {
  it('names every registered decoder, and no other', () => {
    expect([...RECORD_PROTOS].sort()).toEqual(decoders.map((d) => d.name).sort());
  });
});
