import { sql, SqliteAdapter, type Kysely, type Migration } from 'kysely';

/**
 * Personal data can be erased on request and is anonymised after its retention period, so a
 * registration's identifying columns (name, contact) become nullable and `erased_at` records
 * when they were removed. The rest of the row (district, age group, role, outcome, consent
 * record) stays: published results count it.
 *
 * Stored idempotent responses are from now on encrypted with a key only the client holds
 * (see server/http/idempotency.ts); the ones stored before held bearer tokens in plaintext
 * and are dropped (a repeat of such a request within its 24 hours runs again).
 *
 * SQLite cannot drop NOT NULL in place: the table is rebuilt (same columns, same indexes).
 * PostgreSQL: `ALTER COLUMN … DROP NOT NULL`.
 */
const IDENTIFYING = ['name', 'contact_kind', 'contact_value', 'contact_normalized'] as const;

export const personalData: Migration = {
  async up(db: Kysely<any>) {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    if (!sqlite) {
      await db.schema.alterTable('registrations').addColumn('erased_at', 'text').execute();
      for (const col of IDENTIFYING) await db.schema.alterTable('registrations').alterColumn(col, (c) => c.dropNotNull()).execute();
    } else {
      await db.transaction().execute(async (trx) => {
        await trx.schema
          .createTable('registrations_new')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
          .addColumn('code', 'text', (c) => c.notNull().unique())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('name', 'text')
          .addColumn('contact_kind', 'text')
          .addColumn('contact_value', 'text')
          .addColumn('contact_normalized', 'text')
          .addColumn('district', 'text', (c) => c.notNull())
          .addColumn('age_group', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('answers', 'text')
          .addColumn('accessibility', 'text')
          .addColumn('accessibility_note', 'text')
          .addColumn('guardian', 'text')
          .addColumn('consent_version', 'text', (c) => c.notNull())
          .addColumn('consents', 'text', (c) => c.notNull())
          .addColumn('consented_at', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('cancelled_at', 'text')
          .addColumn('promoted_at', 'text')
          .addColumn('erased_at', 'text')
          .execute();
        const cols = sql.raw(
          'id, forum_id, code, seq, name, contact_kind, contact_value, contact_normalized, district, age_group, role, answers, accessibility, accessibility_note, guardian, consent_version, consents, consented_at, outcome, created_at, cancelled_at, promoted_at',
        );
        await sql`insert into registrations_new (${cols}) select ${cols} from registrations`.execute(trx);
        await trx.schema.dropTable('registrations').execute();
        await trx.schema.alterTable('registrations_new').renameTo('registrations').execute();
        await trx.schema.createIndex('registrations_forum_seq').on('registrations').columns(['forum_id', 'seq']).unique().execute();
        await trx.schema
          .createIndex('registrations_forum_contact')
          .on('registrations')
          .columns(['forum_id', 'contact_normalized'])
          .unique()
          .where(sql.ref('outcome'), '<>', 'cancelled')
          .execute();
      });
    }
    await db.schema.createIndex('registrations_contact').on('registrations').column('contact_normalized').execute();
    await db.deleteFrom('idempotency_keys').execute();
  },
};
