/**
 * What a `--db` value names: a `postgres://` or `postgresql://` URL (libpq's URI form,
 * https://www.postgresql.org/docs/15/libpq-connect.html#LIBPQ-CONNSTRING) is a PostgreSQL database; anything else
 * is a SQLite file path (`:memory:` included).
 */
export type DbLocation = { dialect: 'sqlite'; file: string } | { dialect: 'postgres'; url: string };

const POSTGRES_SCHEMES = /^postgres(?:ql)?:\/\//i;

export function parseDbLocation(value: string): DbLocation {
  return POSTGRES_SCHEMES.test(value) ? { dialect: 'postgres', url: value } : { dialect: 'sqlite', file: value };
}

/** The location as it may be printed: a URL loses its password (an error message or a log must not carry it). */
export function describeDbLocation(location: DbLocation): string {
  if (location.dialect === 'sqlite') return location.file;
  try {
    const url = new URL(location.url);
    if (url.password !== '') url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unparsable URL)';
  }
}
