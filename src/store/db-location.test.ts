/** What a --db value names, and how it is printed (never with its password). */
import { describe, expect, it } from 'vitest';
import { describeDbLocation, parseDbLocation } from './db-location.js';

describe('parseDbLocation', () => {
  it.each(['postgres://u@h/db', 'postgresql://u:p@h:5433/db?sslmode=require', 'POSTGRES://h/db'])('%s is PostgreSQL', (value) => {
    expect(parseDbLocation(value)).toEqual({ dialect: 'postgres', url: value });
  });

  it.each(['./wardwatch.db', ':memory:', '/var/lib/wardwatch/w.db', 'postgres.db', 'postgres:/x', 'mysql://h/db'])('%s is a SQLite file', (value) => {
    expect(parseDbLocation(value)).toEqual({ dialect: 'sqlite', file: value });
  });
});

describe('describeDbLocation', () => {
  it('masks a URL password and leaves the rest', () => {
    expect(describeDbLocation(parseDbLocation('postgresql://ward:s3cret@db.example:5433/inv?sslmode=require')))
      .toBe('postgresql://ward:***@db.example:5433/inv?sslmode=require');
    expect(describeDbLocation(parseDbLocation('postgres://ward@db.example/inv'))).toBe('postgres://ward@db.example/inv');
    expect(describeDbLocation(parseDbLocation('./w.db'))).toBe('./w.db');
  });

  it('prints no part of a URL it cannot parse (it might hold a password)', () => {
    expect(describeDbLocation({ dialect: 'postgres', url: 'postgres://u:pw@[bad' })).toBe('postgres://(unparsable URL)');
  });
});
