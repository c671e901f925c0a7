/**
 * The Kysely view of every table. Column names are snake_case in the database AND here
 * (no CamelCasePlugin): what you read in a query is what is in the table.
 *
 * Conventions (portable to PostgreSQL later):
 * - ids are TEXT (random, url-safe), except the event log and timeline, which use an
 *   auto-increment integer id (`Generated<number>`).
 * - times are TEXT holding ISO 8601 in UTC (`2026-05-14T05:00:00.000Z`), so they sort lexically.
 * - booleans are INTEGER 0/1 (`Flag`).
 * - JSON is TEXT (`Json` = a JSON.stringify'd string); parse on read.
 */
import type { Generated } from 'kysely';

/** 0 = false, 1 = true. */
export type Flag = 0 | 1;
/** A JSON document stored as TEXT. */
export type Json = string;
/** ISO 8601 UTC timestamp stored as TEXT. */
export type Iso = string;

export type ForumStatus = 'announced' | 'open' | 'full' | 'closed' | 'live' | 'finished' | 'reported';
export type TokenKind = 'admin' | 'facilitator' | 'participant' | 'cancel';
export type RegistrationOutcome = 'confirmed' | 'waitlisted' | 'cancelled';
export type IdeaStatus = 'visible' | 'hidden' | 'merged';
export type ResponseStatus = 'accepted' | 'partial' | 'reviewing' | 'declined' | 'awaiting';

/** Key/value facts about the database itself (e.g. `demo` → JSON DemoInfo for the demo seed). */
export interface MetaTable {
  key: string;
  value: string;
}

export interface ForumsTable {
  id: string;
  title: string;
  summary: string;
  /** JSON string[] */
  topics: Json;
  district: string;
  venue_name: string;
  venue_address: string;
  venue_lat: number | null;
  venue_lng: number | null;
  starts_at: Iso;
  ends_at: Iso;
  capacity: number;
  signup_opens_at: Iso | null;
  signup_closes_at: Iso | null;
  /** Number of tables at the venue. */
  tables: number;
  status: ForumStatus;
  vote_budget: number;
  /** JSON string[] */
  categories: Json;
  voting_open: Flag;
  voting_closes_at: Iso | null;
  /** Upper-case A-Z0-9, 4–12 chars; matched case-insensitively. */
  join_code: string;
  /** When results are expected (shown with 404 results-not-published). */
  results_expected_at: Iso | null;
  created_at: Iso;
  updated_at: Iso;
}

/** The forum's own signup questions, in `position` order. */
export interface SignupQuestionsTable {
  forum_id: string;
  /** Question id, unique per forum (`^[a-z0-9_-]{1,32}$`). */
  id: string;
  position: number;
  label: string;
  help: string | null;
  kind: 'text' | 'choice' | 'multi-choice';
  required: Flag;
  /** JSON string[] or null */
  options: Json | null;
  max_length: number | null;
}

export interface RegistrationsTable {
  id: string;
  forum_id: string;
  /** Short code shown at the door, e.g. `HD-7K3Q9`. */
  code: string;
  /** Order of arrival within the forum (1, 2, …); the waitlist is ordered by it. */
  seq: number;
  /** Identifying fields: null once erased (on request, or after the retention period). */
  name: string | null;
  contact_kind: 'phone' | 'email' | null;
  contact_value: string | null;
  /** Digits only for phones, lower-case for e-mail: the duplicate check key. */
  contact_normalized: string | null;
  district: string;
  age_group: string;
  role: 'participant' | 'facilitator';
  /** JSON Record<questionId, string | string[]>; null when not consented / none. */
  answers: Json | null;
  /** JSON AccessibilityNeed[]; null when not consented / none. */
  accessibility: Json | null;
  accessibility_note: string | null;
  /** JSON { name, contact: {kind, value}, consent: true } for under-14s, else null. */
  guardian: Json | null;
  consent_version: string;
  /** JSON Record<consentId, boolean> — the consent record. */
  consents: Json;
  consented_at: Iso;
  outcome: RegistrationOutcome;
  created_at: Iso;
  cancelled_at: Iso | null;
  /** When a waitlisted registration was promoted to confirmed. */
  promoted_at: Iso | null;
  /** When the identifying data (name, contact, answers, needs, guardian) was removed. */
  erased_at: Iso | null;
}

/** Every bearer token except the configured admin token, stored as sha256 hex only. */
export interface TokensTable {
  hash: string;
  kind: TokenKind;
  /** The forum the token is for (null only for admin tokens). */
  forum_id: string | null;
  /** facilitator → facilitators.id, participant → participants.id, cancel → registrations.id. */
  subject_id: string | null;
  created_at: Iso;
}

export interface FacilitatorsTable {
  id: string;
  forum_id: string;
  name: string;
  table_number: number | null;
  created_at: Iso;
}

export interface ParticipantsTable {
  id: string;
  forum_id: string;
  table_number: number;
  vote_budget: number;
  created_at: Iso;
  /** sha256 hex of `forum_id:installKey` from the browser that joined; null without one. */
  install_key_hash: string | null;
  /** When a facilitator revoked the participant (its dots released, its tokens deleted). */
  revoked_at: Iso | null;
}

/** Optional per-table details; a forum has `forums.tables` tables numbered 1..n. */
export interface ForumTablesTable {
  forum_id: string;
  number: number;
  topic: string | null;
  facilitator_name: string | null;
}

export interface IdeasTable {
  id: string;
  forum_id: string;
  text: string;
  table_number: number;
  category: string | null;
  status: IdeaStatus;
  merged_into: string | null;
  pinned: Flag;
  promoted: Flag;
  participant_id: string | null;
  facilitator_id: string | null;
  created_at: Iso;
  updated_at: Iso;
}

/** One row per dot. A participant may put several dots on one idea. */
export interface VotesTable {
  id: Generated<number>;
  forum_id: string;
  idea_id: string;
  participant_id: string;
  created_at: Iso;
}

/** The durable live-event log; `id` is the SSE event id (monotonic across forums). */
export interface EventsTable {
  id: Generated<number>;
  forum_id: string;
  type: string;
  /** JSON LiveEvent.data */
  data: Json;
  at: Iso;
}

export interface ResultsTable {
  forum_id: string;
  published_at: Iso;
  summary: string;
  attended: number;
  updated_at: Iso;
}

export interface ProposalsTable {
  id: string;
  forum_id: string;
  rank: number;
  title: string;
  /** Votes at publication (sum of its ideas' votes). */
  votes: number;
  category: string | null;
  department: string | null;
  status: ResponseStatus;
  answer: string | null;
  answered_at: Iso | null;
  created_at: Iso;
}

export interface ProposalIdeasTable {
  proposal_id: string;
  idea_id: string;
  position: number;
}

export interface TimelineEntriesTable {
  id: Generated<number>;
  proposal_id: string;
  /** Calendar date YYYY-MM-DD (Asia/Seoul). */
  date: string;
  text: string;
  status: ResponseStatus | null;
  created_at: Iso;
}

/** Stored first responses of idempotent writes (see server/http/idempotency.ts). */
export interface IdempotencyKeysTable {
  /** Principal: sha256 of the bearer token, or `anonymous`. */
  scope: string;
  method: string;
  path: string;
  /** sha256 hex of the client's Idempotency-Key (never the key itself). */
  key: string;
  /** sha256 hex of the request body. */
  request_hash: string;
  status: number;
  /** The JSON response body, sealed with a key derived from the Idempotency-Key (`v1:…`). */
  body: string;
  /** JSON Record<string,string> of response headers worth replaying (Location). */
  headers: Json;
  created_at: Iso;
}

export interface DB {
  meta: MetaTable;
  forums: ForumsTable;
  signup_questions: SignupQuestionsTable;
  registrations: RegistrationsTable;
  tokens: TokensTable;
  facilitators: FacilitatorsTable;
  participants: ParticipantsTable;
  forum_tables: ForumTablesTable;
  ideas: IdeasTable;
  votes: VotesTable;
  events: EventsTable;
  results: ResultsTable;
  proposals: ProposalsTable;
  proposal_ideas: ProposalIdeasTable;
  timeline_entries: TimelineEntriesTable;
  idempotency_keys: IdempotencyKeysTable;
}
