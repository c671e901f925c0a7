import { sql, SqliteAdapter, type Kysely, type Migration } from 'kysely';

/**
 * The operator side (#16): staff tokens, the audit log, the check-in desk, tables and seating,
 * check-in-only forums.
 *
 * - `staff`: named, revocable staff tokens. The token itself lives in `tokens` (kind `staff`,
 *   sha256 only) while it is valid; revoking deletes it there and keeps its hash here, so a
 *   revoked token is told so (401) instead of "unknown".
 * - `audit_log`: append-only. Triggers refuse every UPDATE and DELETE, so no code path (a route,
 *   a purge, a bug) can change or remove an entry; only a schema migration could.
 * - `registrations`: arrival (`checked_in_at`), walk-ins, the seat (`table_number`, pinned by
 *   hand or not) and companions who sit together (`companion_group`).
 * - `participants.registration_id`: a participant who joined with a join pass from check-in is
 *   bound to that registration, at most one per registration (one person, one set of dots).
 * - `forum_tables`: seats and the accessible flag; `forums.join_mode`: code | checkin.
 * - `events.audience`: staff events (names of people arriving) are not sent on public streams.
 */
export const operator: Migration = {
  async up(db: Kysely<any>) {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;

    await db.schema
      .createTable('staff')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('note', 'text')
      .addColumn('token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('staff_id', 'text')
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('operation', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('forum_id', 'text')
      .addColumn('resource', 'text')
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_forum').on('audit_log').columns(['forum_id', 'id']).execute();
    await db.schema.createIndex('audit_log_staff').on('audit_log').columns(['staff_id', 'id']).execute();
    if (sqlite) {
      await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END`.execute(db);
    } else {
      await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$ LANGUAGE plpgsql`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
      await sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    }

    await db.schema.alterTable('forums').addColumn('join_mode', 'text', (c) => c.notNull().defaultTo('code')).execute();
    await db.schema.alterTable('forum_tables').addColumn('seats', 'integer').execute();
    await db.schema.alterTable('forum_tables').addColumn('accessible', 'integer', (c) => c.notNull().defaultTo(0)).execute();

    await db.schema.alterTable('registrations').addColumn('checked_in_at', 'text').execute();
    await db.schema.alterTable('registrations').addColumn('walk_in', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('registrations').addColumn('table_number', 'integer').execute();
    await db.schema.alterTable('registrations').addColumn('table_pinned', 'integer', (c) => c.notNull().defaultTo(0)).execute();
    await db.schema.alterTable('registrations').addColumn('companion_group', 'text').execute();

    await db.schema.alterTable('participants').addColumn('registration_id', 'text').execute();
    // NULLs do not collide (SQLite and PostgreSQL alike): participants who joined with the code have none
    await db.schema.createIndex('participants_registration').unique().on('participants').columns(['forum_id', 'registration_id']).execute();

    await db.schema.alterTable('events').addColumn('audience', 'text', (c) => c.notNull().defaultTo('public')).execute();
  },
};
