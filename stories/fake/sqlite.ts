/// <reference path="./sql-js.d.ts" />
/**
 * SQLite inside the page: sql.js (SQLite compiled to WebAssembly, shipped in the package, so it
 * works offline) behind the interface Kysely's `SqliteDialect` takes — better-sqlite3's
 * `prepare` / `all` / `run` — so the reference server's migrations and queries run unchanged.
 *
 * Browsers load sql.js's browser build and its .wasm file from the package (the bundler copies
 * it); Node (the fake's tests) loads its Node build, which finds its .wasm by itself.
 */
import initSqlJs, { type Database, type SqlJsStatic, type Statement } from 'sql.js';
import { Kysely, SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';
import { migrateToLatest } from '../../server/db/migrate.ts';
import type { DB } from '../../server/db/schema.ts';

const WASM = new URL('../../node_modules/sql.js/dist/sql-wasm-browser.wasm', import.meta.url);

let engine: Promise<SqlJsStatic> | undefined;
function sqlJs(): Promise<SqlJsStatic> {
  engine ??= initSqlJs(WASM.protocol === 'file:' ? {} : { locateFile: () => WASM.href });
  return engine;
}
// In a page, start fetching and compiling the WebAssembly now: it overlaps Storybook's own start.
if (typeof document !== 'undefined') void sqlJs().catch(() => (engine = undefined));

/** An error as better-sqlite3 throws it: `code` names the constraint (`SQLITE_CONSTRAINT_UNIQUE`). */
function withCode(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const constraint = /^(\w+(?: KEY| NULL)?) constraint failed/.exec(err.message);
  Object.assign(err, { code: constraint ? `SQLITE_CONSTRAINT_${constraint[1]!.replace(' ', '')}` : 'SQLITE_ERROR' });
  return err;
}

/**
 * sql.js in better-sqlite3's shape. Statements are prepared once per SQL text and kept (the
 * server's queries are few and repeat), reset after each run.
 */
function asSqliteDatabase(db: Database): SqliteDatabase {
  const prepared = new Map<string, Statement>();
  const statement = (sql: string) => {
    let stmt = prepared.get(sql);
    if (!stmt) {
      try {
        stmt = db.prepare(sql);
      } catch (err) {
        throw withCode(err);
      }
      prepared.set(sql, stmt);
    }
    return stmt;
  };
  const lastRowid = statement('SELECT last_insert_rowid()');
  return {
    close() {
      for (const stmt of prepared.values()) stmt.free();
      db.close();
    },
    prepare(sql: string): SqliteStatement {
      const stmt = statement(sql);
      const rows = (parameters: ReadonlyArray<unknown>) => {
        try {
          stmt.bind(parameters);
          const out: Record<string, unknown>[] = [];
          while (stmt.step()) out.push(stmt.getAsObject());
          return out;
        } catch (err) {
          throw withCode(err);
        } finally {
          stmt.reset();
        }
      };
      return {
        reader: stmt.getColumnNames().length > 0,
        all: rows,
        run(parameters) {
          rows(parameters);
          const changes = db.getRowsModified();
          lastRowid.step();
          const [id] = lastRowid.get();
          lastRowid.reset();
          return { changes, lastInsertRowid: Number(id ?? 0) };
        },
        iterate: (parameters) => rows(parameters)[Symbol.iterator](),
      };
    },
  };
}

export interface PageDatabase {
  db: Kysely<DB>;
  close(): Promise<void>;
  /** Close, keeping the whole database as bytes: `openPageDatabase(image)` copies it in no time. */
  closeToImage(): Promise<Uint8Array>;
}

/**
 * A database in memory: a copy of `image`, or a new one brought to the newest schema by the
 * server's migrations. Foreign keys on, as in server/db/database.ts.
 */
export async function openPageDatabase(image?: Uint8Array): Promise<PageDatabase> {
  const SQL = await sqlJs();
  const raw = new SQL.Database(image ?? null);
  raw.run('PRAGMA foreign_keys = ON');
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: asSqliteDatabase(raw) }) });
  if (!image) await migrateToLatest(db);
  return {
    db,
    close: () => db.destroy(),
    async closeToImage() {
      const bytes = raw.export(); // (frees every prepared statement)
      await db.destroy();
      return bytes;
    },
  };
}
