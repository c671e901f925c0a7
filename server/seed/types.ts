/**
 * The demo seed as plain data: everything the database needs to show a believable
 * 현답토론회 history (past forums with published results and city answers), upcoming forums in
 * every signup state, one forum live right now and one waiting for its results.
 *
 * `generateDemoSeed()` (generate.ts) builds it deterministically from a clock and a seed;
 * `loadSeed()` (load.ts) writes it into the database. Nothing here touches the database, so
 * the shape can be inspected and tested on its own.
 *
 * Conventions:
 * - Times are ISO 8601 with the Seoul offset (`2026-11-29T14:00:00+09:00`); the loader converts
 *   them to the database's UTC form.
 * - Ids are url-safe strings chosen by the generator, unique across the whole seed.
 * - Every contact is fictitious: phones are `010-0000-NNNN` (the `0000` exchange is never
 *   allocated to a subscriber in Korea), e-mails are at `example.com` / `example.kr`
 *   (RFC 2606/6761 reserved names).
 */
import type { District } from '../domain/districts.ts';

export type SeedForumStatus = 'announced' | 'open' | 'full' | 'closed' | 'live' | 'finished' | 'reported';
export type SeedAgeGroup = 'under14' | '14-19' | '20s' | '30s' | '40s' | '50s' | '60s' | '70plus';
export type SeedAccessibilityNeed = 'sign-language' | 'wheelchair' | 'childcare' | 'large-print';
export type SeedRole = 'participant' | 'facilitator';
export type SeedOutcome = 'confirmed' | 'waitlisted' | 'cancelled';
export type SeedIdeaStatus = 'visible' | 'hidden' | 'merged';
export type SeedResponseStatus = 'accepted' | 'partial' | 'reviewing' | 'declined' | 'awaiting';
/** ISO 8601 date-time with an offset (+09:00 throughout the seed). */
export type SeedTime = string;

/** What the loader hands back: enough to open the demo pages (defined by the server's start.ts). */
/** What the demo seed hands back: printed at start, used by tests and the demo pages. */
export interface DemoInfo {
  liveForumId: string;
  joinCode: string;
  facilitatorToken: string;
  openForumId: string;
}

export interface SeedVenue {
  name: string;
  address: string;
  lat: number | null;
  lng: number | null;
}

/** One table at the venue: its discussion topic and its trained citizen facilitator. */
export interface SeedTable {
  number: number;
  topic: string | null;
  facilitator: string | null;
}

export interface SeedQuestion {
  /** `^[a-z0-9_-]{1,32}$`, unique within the forum. */
  id: string;
  label: string;
  help: string | null;
  kind: 'text' | 'choice' | 'multi-choice';
  required: boolean;
  options: string[] | null;
  maxLength: number | null;
}

export interface SeedContact {
  kind: 'phone' | 'email';
  value: string;
}

export interface SeedRegistration {
  id: string;
  /** Short door code, e.g. `HD-7K3Q9`. */
  code: string;
  /** Order of arrival within the forum, 1-based; the waitlist follows it. */
  seq: number;
  name: string;
  contact: SeedContact;
  district: District | '기타(남양주시 외)';
  ageGroup: SeedAgeGroup;
  role: SeedRole;
  outcome: SeedOutcome;
  /** 1-based position among the forum's waitlisted registrations, else null. */
  waitlistPosition: number | null;
  /** Consent record: which version of the notice, what was given, when. */
  consentVersion: string;
  consents: Record<string, boolean>;
  consentedAt: SeedTime;
  /** By question id; null when the optional consent for answers was refused. */
  answers: Record<string, string | string[]> | null;
  accessibility: SeedAccessibilityNeed[] | null;
  accessibilityNote: string | null;
  createdAt: SeedTime;
  cancelledAt: SeedTime | null;
  /** When a waitlisted registration moved up to a seat. */
  promotedAt: SeedTime | null;
}

/** Someone who joined at the venue with the join code. */
export interface SeedParticipant {
  id: string;
  table: number;
  voteBudget: number;
  joinedAt: SeedTime;
}

/** A facilitator account of the forum (one per table; the demo one has no table). */
export interface SeedFacilitator {
  id: string;
  name: string;
  table: number | null;
  createdAt: SeedTime;
}

export interface SeedIdea {
  id: string;
  table: number;
  text: string;
  category: string | null;
  status: SeedIdeaStatus;
  /** For `merged`: the idea it was merged into (same forum, visible). */
  mergedInto: string | null;
  pinned: boolean;
  promoted: boolean;
  /** Author: a participant, or a facilitator writing for the table. */
  participantId: string | null;
  facilitatorId: string | null;
  createdAt: SeedTime;
  updatedAt: SeedTime;
}

/** One dot. A participant may put several dots on one idea, never more than the budget in all. */
export interface SeedVote {
  ideaId: string;
  participantId: string;
  createdAt: SeedTime;
}

export interface SeedTimelineEntry {
  /** Calendar date in Seoul, `YYYY-MM-DD`. */
  date: string;
  text: string;
  status: SeedResponseStatus | null;
}

export interface SeedProposal {
  id: string;
  rank: number;
  title: string;
  /** The ideas it came from (ids of this forum's ideas). */
  ideaIds: string[];
  /** Sum of its ideas' dots at publication. */
  votes: number;
  category: string | null;
  /** 담당 부서, e.g. 교통정책과. */
  department: string | null;
  status: SeedResponseStatus;
  /** 시 답변; null while 답변 대기. */
  answer: string | null;
  answeredAt: SeedTime | null;
  /** Dated follow-up, oldest first. */
  timeline: SeedTimelineEntry[];
}

export interface SeedResult {
  publishedAt: SeedTime;
  summary: string;
  attended: number;
  proposals: SeedProposal[];
}

export interface SeedForum {
  id: string;
  title: string;
  summary: string;
  topics: string[];
  district: District;
  venue: SeedVenue;
  startsAt: SeedTime;
  endsAt: SeedTime;
  capacity: number;
  signupOpensAt: SeedTime | null;
  signupClosesAt: SeedTime | null;
  status: SeedForumStatus;
  voteBudget: number;
  /** Categories facilitators sort ideas into. */
  categories: string[];
  voting: { open: boolean; closesAt: SeedTime | null };
  /** `^[A-Z0-9]{4,12}$`, unique across the seed. */
  joinCode: string;
  /** For a finished forum without results: when they are expected. */
  resultsExpectedAt: SeedTime | null;
  createdAt: SeedTime;
  updatedAt: SeedTime;
  /** `tables.length` is the forum's number of tables. */
  tables: SeedTable[];
  questions: SeedQuestion[];
  registrations: SeedRegistration[];
  facilitators: SeedFacilitator[];
  participants: SeedParticipant[];
  ideas: SeedIdea[];
  votes: SeedVote[];
  /** Published results (status `reported`), else null. */
  results: SeedResult | null;
}

export interface SeedData {
  /** The clock the seed was generated against. */
  now: SeedTime;
  seed: number;
  /** Every forum, oldest first. */
  forums: SeedForum[];
  demo: {
    liveForumId: string;
    joinCode: string;
    /** An upcoming forum with seats left, for the signup demo. */
    openForumId: string;
    /** Name of the demo facilitator account the loader issues a token for. */
    facilitatorName: string;
  };
}
