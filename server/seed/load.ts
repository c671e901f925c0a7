/**
 * Write a `SeedData` into the database in one transaction, in multi-row batches.
 *
 * - Times go in as the database keeps them (UTC ISO 8601); the seed's +09:00 values are the
 *   same instants.
 * - Counts the API shows (registered, waitlisted, participants, ideas, votes) are not cached in
 *   the schema: they are computed from the rows written here, so they agree by construction.
 * - The live forum gets its event log: participants joining, ideas created, moderated and
 *   merged, dots placed — in time order, so its newest event id is non-zero and replaying the
 *   log from 0 arrives at the rows as loaded.
 * - A demo facilitator account (no table) is created for the live forum; its raw token is
 *   returned once and only its sha256 is stored.
 */
import type { Insertable, Kysely, Transaction } from 'kysely';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { normalizeEmail, normalizeKoreanPhone } from '../domain/consent.ts';
import type { DB } from '../db/schema.ts';
import { liveEvents } from './live-events.ts';
import type { DemoInfo, SeedData, SeedForum, SeedIdea } from './types.ts';

/** Bound parameters per INSERT statement (SQLite allows 32766; stay well below). */
const MAX_PARAMS = 8000;

const utc = (t: string): string => new Date(t).toISOString();
const flag = (b: boolean): 0 | 1 => (b ? 1 : 0);

type Rows = { [T in keyof DB]: Insertable<DB[T]>[] };

async function insertMany<T extends keyof DB & string>(trx: Transaction<DB>, table: T, rows: Insertable<DB[T]>[]): Promise<void> {
  if (!rows.length) return;
  const cols = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(MAX_PARAMS / cols));
  for (let i = 0; i < rows.length; i += size) {
    // Kysely cannot narrow a generic table name; the rows are typed by `Rows` above.
    await trx.insertInto(table).values(rows.slice(i, i + size) as never).execute();
  }
}

function normalizedContact(kind: 'phone' | 'email', value: string): string {
  return (kind === 'phone' ? normalizeKoreanPhone(value) : normalizeEmail(value)) ?? value.trim().toLowerCase();
}

function ideaRow(forumId: string, i: SeedIdea): Insertable<DB['ideas']> {
  return {
    id: i.id,
    forum_id: forumId,
    text: i.text,
    table_number: i.table,
    category: i.category,
    status: i.status,
    merged_into: i.mergedInto,
    pinned: flag(i.pinned),
    promoted: flag(i.promoted),
    participant_id: i.participantId,
    facilitator_id: i.facilitatorId,
    created_at: utc(i.createdAt),
    updated_at: utc(i.updatedAt),
  };
}

function forumRows(f: SeedForum, rows: Rows): void {
  rows.forums.push({
    id: f.id,
    title: f.title,
    summary: f.summary,
    topics: JSON.stringify(f.topics),
    district: f.district,
    venue_name: f.venue.name,
    venue_address: f.venue.address,
    venue_lat: f.venue.lat,
    venue_lng: f.venue.lng,
    starts_at: utc(f.startsAt),
    ends_at: utc(f.endsAt),
    capacity: f.capacity,
    signup_opens_at: f.signupOpensAt === null ? null : utc(f.signupOpensAt),
    signup_closes_at: f.signupClosesAt === null ? null : utc(f.signupClosesAt),
    tables: f.tables.length,
    status: f.status,
    vote_budget: f.voteBudget,
    categories: JSON.stringify(f.categories),
    voting_open: flag(f.voting.open),
    voting_closes_at: f.voting.closesAt === null ? null : utc(f.voting.closesAt),
    join_code: f.joinCode,
    results_expected_at: f.resultsExpectedAt === null ? null : utc(f.resultsExpectedAt),
    created_at: utc(f.createdAt),
    updated_at: utc(f.updatedAt),
  });
  f.questions.forEach((q, position) =>
    rows.signup_questions.push({
      forum_id: f.id,
      id: q.id,
      position,
      label: q.label,
      help: q.help,
      kind: q.kind,
      required: flag(q.required),
      options: q.options === null ? null : JSON.stringify(q.options),
      max_length: q.maxLength,
    }),
  );
  for (const t of f.tables) rows.forum_tables.push({ forum_id: f.id, number: t.number, topic: t.topic, facilitator_name: t.facilitator });
  for (const r of f.registrations) {
    rows.registrations.push({
      id: r.id,
      forum_id: f.id,
      code: r.code,
      seq: r.seq,
      name: r.name,
      contact_kind: r.contact.kind,
      contact_value: r.contact.value,
      contact_normalized: normalizedContact(r.contact.kind, r.contact.value),
      district: r.district,
      age_group: r.ageGroup,
      role: r.role,
      answers: r.answers === null ? null : JSON.stringify(r.answers),
      accessibility: r.accessibility === null ? null : JSON.stringify(r.accessibility),
      accessibility_note: r.accessibilityNote,
      guardian: null,
      consent_version: r.consentVersion,
      consents: JSON.stringify(r.consents),
      consented_at: utc(r.consentedAt),
      outcome: r.outcome,
      created_at: utc(r.createdAt),
      cancelled_at: r.cancelledAt === null ? null : utc(r.cancelledAt),
      promoted_at: r.promotedAt === null ? null : utc(r.promotedAt),
    });
  }
  for (const x of f.facilitators) rows.facilitators.push({ id: x.id, forum_id: f.id, name: x.name, table_number: x.table, created_at: utc(x.createdAt) });
  for (const p of f.participants) rows.participants.push({ id: p.id, forum_id: f.id, table_number: p.table, vote_budget: p.voteBudget, created_at: utc(p.joinedAt) });
  for (const i of f.ideas) rows.ideas.push(ideaRow(f.id, i));
  for (const v of f.votes) rows.votes.push({ forum_id: f.id, idea_id: v.ideaId, participant_id: v.participantId, created_at: utc(v.createdAt) });
  if (f.results) {
    const r = f.results;
    const lastChange = r.proposals.flatMap((p) => p.timeline.map((t) => t.date)).sort().pop();
    rows.results.push({
      forum_id: f.id,
      published_at: utc(r.publishedAt),
      summary: r.summary,
      attended: r.attended,
      updated_at: lastChange ? utc(`${lastChange}T09:00:00+09:00`) : utc(r.publishedAt),
    });
    for (const p of r.proposals) {
      rows.proposals.push({
        id: p.id,
        forum_id: f.id,
        rank: p.rank,
        title: p.title,
        votes: p.votes,
        category: p.category,
        department: p.department,
        status: p.status,
        answer: p.answer,
        answered_at: p.answeredAt === null ? null : utc(p.answeredAt),
        created_at: utc(r.publishedAt),
      });
      p.ideaIds.forEach((idea_id, position) => rows.proposal_ideas.push({ proposal_id: p.id, idea_id, position }));
      for (const t of p.timeline) {
        rows.timeline_entries.push({ proposal_id: p.id, date: t.date, text: t.text, status: t.status, created_at: utc(`${t.date}T09:00:00+09:00`) });
      }
    }
  }
}

/**
 * Load the seed into `db` (expected empty) in one transaction and return what the demo pages
 * need, including the demo facilitator's raw token.
 */
export async function loadSeed(db: Kysely<DB>, data: SeedData): Promise<DemoInfo> {
  const live = data.forums.find((f) => f.id === data.demo.liveForumId);
  if (!live) throw new Error('loadSeed: the seed has no live forum with the demo id');

  const rows: Rows = {
    meta: [],
    forums: [],
    signup_questions: [],
    registrations: [],
    tokens: [],
    facilitators: [],
    participants: [],
    forum_tables: [],
    ideas: [],
    votes: [],
    events: [],
    results: [],
    proposals: [],
    proposal_ideas: [],
    timeline_entries: [],
    idempotency_keys: [],
  };
  for (const f of data.forums) forumRows(f, rows);

  const facilitatorToken = newToken('facilitator');
  const facilitatorId = newId();
  const issuedAt = utc(data.now);
  rows.facilitators.push({ id: facilitatorId, forum_id: live.id, name: data.demo.facilitatorName, table_number: null, created_at: issuedAt });
  rows.tokens.push({ hash: hashToken(facilitatorToken), kind: 'facilitator', forum_id: live.id, subject_id: facilitatorId, created_at: issuedAt });
  for (const e of liveEvents(live)) {
    rows.events.push({ forum_id: live.id, type: e.type, data: JSON.stringify(e.data), at: new Date(e.ms).toISOString() });
  }

  await db.transaction().execute(async (trx) => {
    // Parents before children (foreign keys are on).
    await insertMany(trx, 'forums', rows.forums);
    await insertMany(trx, 'signup_questions', rows.signup_questions);
    await insertMany(trx, 'forum_tables', rows.forum_tables);
    await insertMany(trx, 'registrations', rows.registrations);
    await insertMany(trx, 'facilitators', rows.facilitators);
    await insertMany(trx, 'tokens', rows.tokens);
    await insertMany(trx, 'participants', rows.participants);
    await insertMany(trx, 'ideas', rows.ideas);
    await insertMany(trx, 'votes', rows.votes);
    await insertMany(trx, 'events', rows.events);
    await insertMany(trx, 'results', rows.results);
    await insertMany(trx, 'proposals', rows.proposals);
    await insertMany(trx, 'proposal_ideas', rows.proposal_ideas);
    await insertMany(trx, 'timeline_entries', rows.timeline_entries);
  });

  return {
    liveForumId: live.id,
    joinCode: live.joinCode,
    facilitatorToken,
    openForumId: data.demo.openForumId,
  };
}

/**
 * Add ideas to a forum already loaded, as seed data: rows only, no live events (they were there
 * before anyone looked). Storybook's wall of 2,000 ideas is made this way.
 */
export async function loadIdeas(db: Kysely<DB>, forumId: string, ideas: SeedIdea[]): Promise<void> {
  await db.transaction().execute((trx) => insertMany(trx, 'ideas', ideas.map((i) => ideaRow(forumId, i))));
}
