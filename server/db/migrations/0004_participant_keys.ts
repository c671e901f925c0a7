import type { Kysely, Migration } from 'kysely';

/**
 * One person, one set of dots: a participant remembers the hash of the install key of the browser
 * that joined (so the same browser joining again gets the same participant, not a fresh budget),
 * and when a facilitator revoked it (its dots are released, its tokens deleted; the row stays so
 * that the same browser cannot simply join again). Both columns are nullable: participants from
 * before have neither. At most one participant per install key and forum (a unique index; NULLs
 * do not collide, in SQLite and PostgreSQL alike).
 */
export const participantKeys: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('participants').addColumn('install_key_hash', 'text').execute();
    await db.schema.alterTable('participants').addColumn('revoked_at', 'text').execute();
    await db.schema.createIndex('participants_install_key').unique().on('participants').columns(['forum_id', 'install_key_hash']).execute();
  },
};
