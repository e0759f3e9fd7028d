/**
 * A small reader for `unknown` config objects: each getter checks one key's type and range, collects a message naming
 * the key's path (`destinations[1].port`) instead of throwing, and `unknownKeys` catches typos (`minRisc`).
 */

export class ConfigReader {
  private readonly seen = new Set<string>();

  constructor(private readonly obj: Readonly<Record<string, unknown>>, readonly path: string, private readonly errors: string[]) {}

  /** A reader over `value` when it is a plain object, else null (and an error). */
  static of(value: unknown, path: string, errors: string[]): ConfigReader | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      errors.push(`${path}: must be an object`);
      return null;
    }
    return new ConfigReader(value as Record<string, unknown>, path, errors);
  }

  private at(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  error(key: string, message: string): void {
    this.errors.push(`${this.at(key)}: ${message}`);
  }

  raw(key: string): unknown {
    this.seen.add(key);
    return this.obj[key];
  }

  has(key: string): boolean {
    return this.obj[key] !== undefined;
  }

  str(key: string, opts: { required?: boolean; max?: number; min?: number } = {}): string | undefined {
    const v = this.raw(key);
    if (v === undefined) {
      if (opts.required === true) this.error(key, 'is required');
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.error(key, 'must be a non-empty string');
      return undefined;
    }
    if (opts.min !== undefined && v.length < opts.min) this.error(key, `must be at least ${opts.min} characters`);
    if (opts.max !== undefined && v.length > opts.max) this.error(key, `must be at most ${opts.max} characters`);
    return v;
  }

  int(key: string, min: number, max: number, fallback: number): number {
    const v = this.raw(key);
    if (v === undefined) return fallback;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      this.error(key, `must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return v;
  }

  oneOf<T extends string>(key: string, values: readonly T[], fallback: T | undefined): T | undefined {
    const v = this.raw(key);
    if (v === undefined) {
      if (fallback === undefined) this.error(key, `is required (one of ${values.join(', ')})`);
      return fallback;
    }
    if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
      this.error(key, `must be one of ${values.join(', ')}, not ${JSON.stringify(v)}`);
      return fallback;
    }
    return v as T;
  }

  /** A list of words from `values`; undefined when absent. */
  list<T extends string>(key: string, values: readonly T[] | null): T[] | undefined {
    const v = this.raw(key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length === 0) {
      this.error(key, 'must be a non-empty list');
      return undefined;
    }
    const out: T[] = [];
    v.forEach((item: unknown, i) => {
      if (typeof item !== 'string' || (values !== null && !(values as readonly string[]).includes(item))) {
        this.error(`${key}[${i}]`, values === null ? 'must be a string' : `must be one of ${values.join(', ')}, not ${JSON.stringify(item)}`);
      } else {
        out.push(item as T);
      }
    });
    return out;
  }

  /** Reports keys the schema does not know. Call after every getter. */
  unknownKeys(): void {
    for (const k of Object.keys(this.obj)) if (!this.seen.has(k)) this.error(k, 'is not a known setting');
  }
}
