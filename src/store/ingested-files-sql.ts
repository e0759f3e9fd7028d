/**
 * The capture files continuous ingest has read (migration 0015), over Kysely for SQLite and PostgreSQL alike. A row is
 * written inside the transaction that finishes the file's analyze run, so "read" and "recorded" cannot disagree.
 */
import type { Kysely } from 'kysely';

export type IngestedOutcome = 'done' | 'failed';

/** One file continuous ingest finished with. */
export interface IngestedFile {
  /** The watched folder, as an absolute path. */
  source: string;
  name: string;
  sizeBytes: number;
  mtimeMs: number;
  /** `failed`: the file was damaged or unreadable; what could be read of it was still ingested. */
  outcome: IngestedOutcome;
  detail: string | null;
  packets: number;
  ingestedAtMs: number;
}

interface IngestedFilesTable {
  source: string;
  name: string;
  size_bytes: number | string;
  mtime_ms: number | string;
  outcome: string;
  detail: string | null;
  packets: number | string;
  ingested_at_ms: number | string;
}

interface IngestedDb {
  ingested_files: IngestedFilesTable;
}

export class SqlIngestedFiles {
  private constructor(private readonly db: Kysely<IngestedDb>) {}

  static over<DB>(db: Kysely<DB>): SqlIngestedFiles {
    // Not in the inventory's schema type; the table exists on every database migration 0015 ran on.
    return new SqlIngestedFiles(db as unknown as Kysely<IngestedDb>);
  }

  /** Records a file; recording the same file again keeps the first row (a retried finish changes nothing). */
  async record(f: IngestedFile): Promise<void> {
    await this.db.insertInto('ingested_files').values({
      source: f.source, name: f.name, size_bytes: f.sizeBytes, mtime_ms: f.mtimeMs, outcome: f.outcome,
      detail: f.detail, packets: f.packets, ingested_at_ms: f.ingestedAtMs,
    }).onConflict((oc) => oc.doNothing()).execute();
  }

  /** Every file recorded for `source`, oldest first. */
  async list(source: string): Promise<IngestedFile[]> {
    const rows = await this.db.selectFrom('ingested_files').selectAll().where('source', '=', source).orderBy('ingested_at_ms').orderBy('name').execute();
    // BIGINT arrives as a string from node-postgres: narrowed here, at the boundary.
    return rows.map((r) => ({
      source: r.source, name: r.name, sizeBytes: Number(r.size_bytes), mtimeMs: Number(r.mtime_ms),
      outcome: r.outcome === 'failed' ? 'failed' : 'done', detail: r.detail, packets: Number(r.packets), ingestedAtMs: Number(r.ingested_at_ms),
    }));
  }
}
