import type { Kysely, Migration } from 'kysely';

/**
 * Seat counts, waitlist positions and the forum's registered/waitlisted figures are counted on
 * every signup and every forum read: by (forum, outcome, seq) they are an index range instead
 * of a scan of the forum's registrations — a signup no longer slows down as a forum fills.
 */
export const registrationCounts: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.createIndex('registrations_forum_outcome_seq').on('registrations').columns(['forum_id', 'outcome', 'seq']).execute();
  },
};
