import { sql, type Kysely, type Migration } from 'kysely';

/** The whole schema, written with Kysely's schema builder so it also runs on PostgreSQL. */
export const init: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('meta')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('forums')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('topics', 'text', (c) => c.notNull())
      .addColumn('district', 'text', (c) => c.notNull())
      .addColumn('venue_name', 'text', (c) => c.notNull())
      .addColumn('venue_address', 'text', (c) => c.notNull())
      .addColumn('venue_lat', 'real')
      .addColumn('venue_lng', 'real')
      .addColumn('starts_at', 'text', (c) => c.notNull())
      .addColumn('ends_at', 'text', (c) => c.notNull())
      .addColumn('capacity', 'integer', (c) => c.notNull())
      .addColumn('signup_opens_at', 'text')
      .addColumn('signup_closes_at', 'text')
      .addColumn('tables', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('vote_budget', 'integer', (c) => c.notNull().defaultTo(3))
      .addColumn('categories', 'text', (c) => c.notNull())
      .addColumn('voting_open', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('voting_closes_at', 'text')
      .addColumn('join_code', 'text', (c) => c.notNull())
      .addColumn('results_expected_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('forums_starts_at').on('forums').columns(['starts_at', 'id']).execute();

    await db.schema
      .createTable('signup_questions')
      .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('help', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('required', 'integer', (c) => c.notNull())
      .addColumn('options', 'text')
      .addColumn('max_length', 'integer')
      .addPrimaryKeyConstraint('signup_questions_pk', ['forum_id', 'id'])
      .execute();

    await db.schema
      .createTable('registrations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
      .addColumn('code', 'text', (c) => c.notNull().unique())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('contact_kind', 'text', (c) => c.notNull())
      .addColumn('contact_value', 'text', (c) => c.notNull())
      .addColumn('contact_normalized', 'text', (c) => c.notNull())
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
      .execute();
    await db.schema.createIndex('registrations_forum_seq').on('registrations').columns(['forum_id', 'seq']).unique().execute();
    // One live registration per contact and forum (cancelled ones do not count).
    await db.schema
      .createIndex('registrations_forum_contact')
      .on('registrations')
      .columns(['forum_id', 'contact_normalized'])
      .unique()
      .where(sql.ref('outcome'), '<>', 'cancelled')
      .execute();

    await db.schema
      .createTable('tokens')
      .addColumn('hash', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('forum_id', 'text', (c) => c.references('forums.id').onDelete('cascade'))
      .addColumn('subject_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('facilitators')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('table_number', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('participants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
      .addColumn('table_number', 'integer', (c) => c.notNull())
      .addColumn('vote_budget', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('participants_forum').on('participants').columns(['forum_id', 'table_number']).execute();

    await db.schema
      .createTable('forum_tables')
      .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('topic', 'text')
      .addColumn('facilitator_name', 'text')
      .addPrimaryKeyConstraint('forum_tables_pk', ['forum_id', 'number'])
      .execute();

    await db.schema
      .createTable('ideas')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('table_number', 'integer', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('merged_into', 'text')
      .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('promoted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('participant_id', 'text')
      .addColumn('facilitator_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('ideas_forum_created').on('ideas').columns(['forum_id', 'created_at', 'id']).execute();

    await db.schema
      .createTable('votes')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
      .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
      .addColumn('participant_id', 'text', (c) => c.notNull().references('participants.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('votes_idea').on('votes').column('idea_id').execute();
    await db.schema.createIndex('votes_participant').on('votes').columns(['participant_id', 'idea_id']).execute();

    await db.schema
      .createTable('events')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('forum_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_forum_id').on('events').columns(['forum_id', 'id']).execute();

    await db.schema
      .createTable('results')
      .addColumn('forum_id', 'text', (c) => c.primaryKey().references('forums.id').onDelete('cascade'))
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('attended', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('proposals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
      .addColumn('rank', 'integer', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('votes', 'integer', (c) => c.notNull())
      .addColumn('category', 'text')
      .addColumn('department', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('answered_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('proposals_forum').on('proposals').columns(['forum_id', 'rank']).execute();

    await db.schema
      .createTable('proposal_ideas')
      .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
      .addColumn('idea_id', 'text', (c) => c.notNull().references('ideas.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('proposal_ideas_pk', ['proposal_id', 'idea_id'])
      .execute();

    await db.schema
      .createTable('timeline_entries')
      .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
      .addColumn('proposal_id', 'text', (c) => c.notNull().references('proposals.id').onDelete('cascade'))
      .addColumn('date', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('status', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('timeline_proposal').on('timeline_entries').columns(['proposal_id', 'id']).execute();

    await db.schema
      .createTable('idempotency_keys')
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('method', 'text', (c) => c.notNull())
      .addColumn('path', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('request_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'integer', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('headers', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('idempotency_keys_pk', ['scope', 'method', 'path', 'key'])
      .execute();
    await db.schema.createIndex('idempotency_keys_created').on('idempotency_keys').column('created_at').execute();
  },

  async down(db: Kysely<any>) {
    for (const t of [
      'idempotency_keys', 'timeline_entries', 'proposal_ideas', 'proposals', 'results', 'events', 'votes',
      'ideas', 'forum_tables', 'participants', 'facilitators', 'tokens', 'registrations', 'signup_questions',
      'forums', 'meta',
    ]) {
      await db.schema.dropTable(t).ifExists().execute();
    }
  },
};
