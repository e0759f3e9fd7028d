/** Opening a PostgreSQL URL that cannot be reached: one clear AppError, the password never in it. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../util/app-error.js';
import { openPostgres } from './open-postgres.js';

describe('openPostgres', () => {
  it('says it cannot open the database, naming the URL without its password', async () => {
    const err = await openPostgres('postgresql://ward:s3cret@localhost/inv?host=/nonexistent-socket-dir').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('io');
    expect((err as AppError).message).toMatch(/^postgresql:\/\/ward:\*\*\*@localhost\/inv\?host=\/nonexistent-socket-dir: cannot open database: /);
    expect((err as AppError).message).not.toContain('s3cret');
  });
});
