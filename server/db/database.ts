import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { DB } from './schema.ts';
import { migrateToLatest } from './migrate.ts';

export interface OpenDatabase {
  db: Kysely<DB>;
  /** The raw better-sqlite3 handle (pragmas, backups). Prefer `db` for queries. */
  sqlite: Database.Database;
  close(): Promise<void>;
}

/**
 * Open (and migrate) the SQLite database at `path` (`:memory:` for a throwaway one).
 * WAL journal, foreign keys on, 5 s busy timeout.
 */
export async function openDatabase(path: string): Promise<OpenDatabase> {
  const sqlite = new Database(path);
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db);
  let closed = false;
  return {
    db,
    sqlite,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy(); // also closes the sqlite handle
    },
  };
}
