/**
 * The fake backend's state and the domain rules of the contract, in memory.
 *
 * Forums, the venue (joining, facilitators, voting rounds) and ideas live here; signup and personal
 * data in signup.ts, results in results.ts — plain functions over this store. Every write the
 * contract describes is synchronous and either changes the state and returns the contract object,
 * or throws a `ProblemError` (the reference server's own class,
 * so `type`, `title` and `status` match it) and changes nothing. Each change appends its live
 * events to the forum's log (one global, monotonically increasing id, like the server's table)
 * and hands them to the stream subscribers.
 *
 * Nothing here knows HTTP: routes.ts authenticates, validates and turns results into Responses;
 * the "acting from elsewhere" controls of index.ts call these methods directly.
 */
import { ProblemError, validationError, type FieldError } from '../../server/http/problem.ts';
import type {
  AccessibilityNeed,
  AgeGroup,
  Forum,
  ForumAdmin,
  ForumStatus,
  Idea,
  LiveEventType,
  Me,
  Question,
  RegistrationOutcome,
  ResponseStatus,
  Table,
  VoteResult,
  Voting,
} from '../../src/api/types.js';

export { ProblemError, validationError };
export type { FieldError };

// ───────────────────────────── records ─────────────────────────────

export interface Venue {
  name: string;
  address: string;
  lat: number | null;
  lng: number | null;
}

export interface RegistrationRec {
  id: string;
  code: string;
  seq: number;
  /** null once erased (on request, or past the retention period). */
  name: string | null;
  contact: { kind: 'phone' | 'email'; value: string } | null;
  /** The normalised contact (duplicate check, personal-data requests); null once erased. */
  contactKey: string | null;
  /** For an under-14 registrant. */
  guardian: { name: string; contact: { kind: 'phone' | 'email'; value: string }; consent: boolean } | null;
  district: string;
  ageGroup: AgeGroup;
  role: 'participant' | 'facilitator';
  answers: Record<string, string | string[]> | null;
  accessibility: AccessibilityNeed[] | null;
  accessibilityNote: string | null;
  consentVersion: string;
  consents: Record<string, boolean>;
  consentedAt: string;
  outcome: RegistrationOutcome;
  createdAt: string;
  cancelledAt: string | null;
  erasedAt: string | null;
}

export interface IdeaRec {
  id: string;
  text: string;
  table: number;
  category: string | null;
  status: 'visible' | 'hidden' | 'merged';
  mergedInto: string | null;
  pinned: boolean;
  promoted: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface VoteRec {
  seq: number;
  ideaId: string;
  participantId: string;
}

export interface TimelineRec {
  date: string;
  text: string;
  status: ResponseStatus | null;
}

export interface ProposalRec {
  id: string;
  rank: number;
  title: string;
  ideaIds: string[];
  votes: number;
  category: string | null;
  department: string | null;
  status: ResponseStatus;
  answer: string | null;
  answeredAt: string | null;
  timeline: TimelineRec[];
}

export interface LiveEvent {
  id: string;
  type: LiveEventType;
  forumId: string;
  at: string;
  data: unknown;
}

export interface ForumRec {
  id: string;
  title: string;
  summary: string;
  topics: string[];
  district: string;
  venue: Venue;
  startsAt: string;
  endsAt: string;
  capacity: number;
  signupOpensAt: string | null;
  signupClosesAt: string | null;
  tables: number;
  status: ForumStatus;
  voteBudget: number;
  categories: string[];
  votingOpen: boolean;
  votingClosesAt: string | null;
  joinCode: string;
  resultsExpectedAt: string | null;
  createdAt: string;
  updatedAt: string;
  tableMeta: Map<number, { topic: string | null; facilitator: string | null }>;
  questions: Question[];
  registrations: RegistrationRec[];
  participants: Map<string, { id: string; table: number; voteBudget: number; joinedAt: string }>;
  facilitators: Map<string, { id: string; name: string; table: number | null; createdAt: string }>;
  ideas: Map<string, IdeaRec>;
  votes: VoteRec[];
  result: { publishedAt: string; summary: string; attended: number } | null;
  proposals: ProposalRec[];
  /** The forum's event log, oldest first. */
  events: LiveEvent[];
  /** Ids at or below this were pruned: resuming from before it needs a `reset`. */
  eventsFloor: number;
  /** Timer that closes a time-boxed voting round. */
  votingTimer?: ReturnType<typeof setTimeout> | undefined;
}

export type TokenKind = 'admin' | 'facilitator' | 'participant' | 'cancel';
export interface Principal {
  kind: TokenKind;
  forumId: string | null;
  subjectId: string | null;
  token: string;
}

// ───────────────────────────── helpers ─────────────────────────────

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';




/** Admin moves (`full` and `reported` are set by the backend itself). */
const MOVES: Record<string, readonly ForumStatus[]> = {
  open: ['announced', 'closed'],
  closed: ['open', 'full'],
  live: ['announced', 'open', 'full', 'closed'],
  finished: ['live'],
};

export type Subscriber = (e: LiveEvent) => void;

export interface StoreOptions {
  /** The clock: the fake's "now" starts here and runs with real time. */
  now: Date;
  /** Drives ids, codes and tokens, so a story looks the same on every run. */
  random: () => number;
  adminToken: string;
}

// ───────────────────────────── the store ─────────────────────────────

export class Store {
  readonly forums = new Map<string, ForumRec>();
  readonly tokens = new Map<string, Principal>();
  readonly adminToken: string;
  #lastEventId = 0;
  readonly #subscribers = new Map<string, Set<Subscriber>>();
  readonly #random: () => number;
  readonly #start: number;
  readonly #realStart = Date.now();
  #elsewhere = 0;

  constructor(opts: StoreOptions) {
    this.#random = opts.random;
    this.#start = opts.now.getTime();
    this.adminToken = opts.adminToken;
    this.tokens.set(opts.adminToken, { kind: 'admin', forumId: null, subjectId: null, token: opts.adminToken });
  }

  /** The `now` the fake was created with. */
  get startedAt(): Date {
    return new Date(this.#start);
  }

  /** The fake's clock: the `now` it was created with, running forward with real time. */
  now(): Date {
    return new Date(this.#start + (Date.now() - this.#realStart));
  }

  // ── ids, codes, tokens ──

  newId(): string {
    let s = '';
    for (let i = 0; i < 22; i++) s += ID_ALPHABET[Math.floor(this.#random() * 64)];
    return s;
  }
  code(length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += CODE_ALPHABET[Math.floor(this.#random() * CODE_ALPHABET.length)];
    return s;
  }
  issueToken(kind: Exclude<TokenKind, 'admin'>, forumId: string, subjectId: string): string {
    const prefix = { facilitator: 'hdf_', participant: 'hdp_', cancel: 'hdc_' }[kind];
    const token = prefix + this.newId() + this.newId();
    this.tokens.set(token, { kind, forumId, subjectId, token });
    return token;
  }

  // ── events ──

  get lastEventId(): number {
    return this.#lastEventId;
  }

  emit(forumId: string, type: LiveEventType, data: unknown): LiveEvent {
    const f = this.forum(forumId);
    const e: LiveEvent = { id: String(++this.#lastEventId), type, forumId, at: this.now().toISOString(), data };
    f.events.push(e);
    for (const s of [...(this.#subscribers.get(forumId) ?? [])]) s(e);
    return e;
  }

  /** Append an event to the log as it happened in the past (the seed's history); nobody is told. */
  logPast(forumId: string, type: LiveEventType, data: unknown, at: string): void {
    this.forum(forumId).events.push({ id: String(++this.#lastEventId), type, forumId, at, data });
  }

  subscribe(forumId: string, fn: Subscriber): () => void {
    let set = this.#subscribers.get(forumId);
    if (!set) this.#subscribers.set(forumId, (set = new Set()));
    set.add(fn);
    return () => set.delete(fn);
  }

  newestEventId(forumId: string): number {
    const f = this.forum(forumId);
    const last = f.events[f.events.length - 1];
    return last ? Number(last.id) : f.eventsFloor;
  }

  /**
   * What a client resuming from `after` gets first: the missed events, or a `reset` when the id
   * is older than the log keeps or was never issued.
   */
  resume(forumId: string, after: number): { events: LiveEvent[] } | { reset: LiveEvent } {
    const f = this.forum(forumId);
    if (after < f.eventsFloor || after > this.#lastEventId) {
      const reason = after < f.eventsFloor ? 'too-old' : 'unknown-id';
      return { reset: { id: String(this.newestEventId(forumId)), type: 'reset', forumId, at: this.now().toISOString(), data: { reason } } };
    }
    return { events: f.events.filter((e) => Number(e.id) > after) };
  }

  /** Forget the forum's log (every id so far becomes too old: resuming gives `reset`). */
  pruneEvents(forumId: string): void {
    const f = this.forum(forumId);
    f.eventsFloor = this.newestEventId(forumId);
    f.events = [];
  }

  // ── reads ──

  forum(id: string): ForumRec {
    const f = this.forums.get(id);
    if (!f) throw new ProblemError('not-found', 'No such forum.');
    return f;
  }

  idea(f: ForumRec, ideaId: string): IdeaRec {
    const i = f.ideas.get(ideaId);
    if (!i) throw new ProblemError('not-found', 'No such idea in this forum.');
    return i;
  }

  votingOpen(f: ForumRec): boolean {
    if (!f.votingOpen) return false;
    return f.votingClosesAt === null || this.now().toISOString() < f.votingClosesAt;
  }

  toForum(f: ForumRec): Forum {
    const venue: Forum['venue'] = { name: f.venue.name, address: f.venue.address };
    if (f.venue.lat !== null) venue.lat = f.venue.lat;
    if (f.venue.lng !== null) venue.lng = f.venue.lng;
    let registered = 0;
    let waitlisted = 0;
    for (const r of f.registrations) {
      if (r.outcome === 'confirmed') registered++;
      else if (r.outcome === 'waitlisted') waitlisted++;
    }
    let ideas = 0;
    for (const i of f.ideas.values()) if (i.status === 'visible') ideas++;
    return {
      id: f.id,
      title: f.title,
      summary: f.summary,
      topics: [...f.topics],
      district: f.district,
      venue,
      startsAt: f.startsAt,
      endsAt: f.endsAt,
      capacity: f.capacity,
      registered,
      waitlisted,
      signupOpensAt: f.signupOpensAt,
      signupClosesAt: f.signupClosesAt,
      tables: f.tables,
      status: f.status,
      voteBudget: f.voteBudget,
      categories: [...f.categories],
      voting: { open: this.votingOpen(f), closesAt: f.votingClosesAt },
      participants: f.participants.size,
      ideas,
      resultsPublished: f.result !== null,
      updatedAt: f.updatedAt,
    };
  }

  toForumAdmin(f: ForumRec): ForumAdmin {
    return { ...this.toForum(f), joinCode: f.joinCode };
  }

  ideaVotes(f: ForumRec, ideaId: string): number {
    let n = 0;
    for (const v of f.votes) if (v.ideaId === ideaId) n++;
    return n;
  }

  toIdea(f: ForumRec, i: IdeaRec): Idea {
    return {
      id: i.id,
      forumId: f.id,
      text: i.text,
      table: i.table,
      category: i.category,
      votes: this.ideaVotes(f, i.id),
      status: i.status,
      mergedInto: i.mergedInto,
      pinned: i.pinned,
      promoted: i.promoted,
      createdAt: i.createdAt,
      updatedAt: i.updatedAt,
    };
  }

  /** Forums matching the list filters, ordered by startsAt then id. */
  listForums(q: { status?: ForumStatus[]; district?: string; topic?: string; q?: string; from?: string; to?: string; order?: 'asc' | 'desc' }): ForumRec[] {
    const text = q.q?.toLowerCase();
    const from = q.from ? new Date(q.from).toISOString() : undefined;
    const to = q.to ? new Date(q.to).toISOString() : undefined;
    const rows = [...this.forums.values()].filter(
      (f) =>
        (!q.status?.length || q.status.includes(f.status)) &&
        (!q.district || f.district === q.district) &&
        (!q.topic || f.topics.includes(q.topic)) &&
        (!text || [f.title, f.summary, f.venue.name, f.venue.address, JSON.stringify(f.topics), f.district].some((s) => s.toLowerCase().includes(text))) &&
        (!from || f.endsAt >= from) &&
        (!to || f.startsAt < to),
    );
    rows.sort((a, b) => (a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (q.order === 'desc') rows.reverse();
    return rows;
  }

  listIdeas(f: ForumRec, q: { table?: number; category?: string; sort?: 'newest' | 'votes'; include?: 'visible' | 'all' }): Idea[] {
    let rows = [...f.ideas.values()];
    if (q.include !== 'all') rows = rows.filter((i) => i.status === 'visible');
    if (q.table !== undefined) rows = rows.filter((i) => i.table === q.table);
    if (q.category !== undefined) rows = rows.filter((i) => (q.category === '' ? i.category === null : i.category === q.category));
    const ideas = rows.map((i) => this.toIdea(f, i));
    ideas.sort(
      (a, b) =>
        (q.sort === 'votes' ? b.votes - a.votes : 0) ||
        (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0) ||
        (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
    );
    return ideas;
  }

  tables(f: ForumRec): Table[] {
    const items: Table[] = [];
    for (let n = 1; n <= f.tables; n++) {
      const meta = f.tableMeta.get(n);
      let ideas = 0;
      for (const i of f.ideas.values()) if (i.table === n && i.status === 'visible') ideas++;
      let votes = 0;
      for (const v of f.votes) if (f.ideas.get(v.ideaId)?.table === n) votes++;
      let participants = 0;
      for (const p of f.participants.values()) if (p.table === n) participants++;
      items.push({ number: n, topic: meta?.topic ?? null, facilitator: meta?.facilitator ?? null, ideas, votes, participants });
    }
    return items;
  }

  me(forumId: string, who: Principal): Me {
    const f = this.forum(forumId);
    if (who.kind === 'facilitator') {
      const x = f.facilitators.get(who.subjectId ?? '');
      return { id: who.subjectId ?? '', forumId, role: 'facilitator', table: x?.table ?? null, voteBudget: 0, votesUsed: 0, votes: {} };
    }
    const p = f.participants.get(who.subjectId ?? '');
    if (!p) throw new ProblemError('unauthorized', 'The participant of this token no longer exists.');
    const votes: Record<string, number> = {};
    let used = 0;
    for (const v of f.votes) {
      if (v.participantId !== p.id) continue;
      votes[v.ideaId] = (votes[v.ideaId] ?? 0) + 1;
      used++;
    }
    return { id: p.id, forumId, role: 'participant', table: p.table, voteBudget: p.voteBudget, votesUsed: used, votes };
  }

  // ── writes: forums ──

  /** Touch `updatedAt` and tell live clients (`forum.updated`). */
  forumChanged(f: ForumRec): void {
    f.updatedAt = this.now().toISOString();
    this.emit(f.id, 'forum.updated', this.toForum(f));
  }

  createForum(input: {
    id?: string | undefined;
    title: string;
    summary: string;
    topics?: string[] | undefined;
    district: string;
    venue: { name: string; address: string; lat?: number | null | undefined; lng?: number | null | undefined };
    startsAt: string;
    endsAt: string;
    capacity: number;
    signupOpensAt?: string | null | undefined;
    signupClosesAt?: string | null | undefined;
    tables?: number | undefined;
    voteBudget?: number | undefined;
    categories?: string[] | undefined;
    joinCode?: string | undefined;
  }): ForumRec {
    const errors: FieldError[] = [];
    if (new Date(input.endsAt) <= new Date(input.startsAt)) errors.push({ field: 'endsAt', code: 'invalid_value', message: 'endsAt must be after startsAt.' });
    if (input.signupOpensAt && input.signupClosesAt && new Date(input.signupClosesAt) <= new Date(input.signupOpensAt)) {
      errors.push({ field: 'signupClosesAt', code: 'invalid_value', message: 'signupClosesAt must be after signupOpensAt.' });
    }
    if (errors.length) throw validationError(errors);
    const id = input.id ?? this.newId();
    if (this.forums.has(id)) throw new ProblemError('conflict', `A forum with id "${id}" already exists.`);
    const at = this.now().toISOString();
    const f: ForumRec = {
      id,
      title: input.title,
      summary: input.summary,
      topics: input.topics ?? [],
      district: input.district,
      venue: { name: input.venue.name, address: input.venue.address, lat: input.venue.lat ?? null, lng: input.venue.lng ?? null },
      startsAt: new Date(input.startsAt).toISOString(),
      endsAt: new Date(input.endsAt).toISOString(),
      capacity: input.capacity,
      signupOpensAt: input.signupOpensAt ? new Date(input.signupOpensAt).toISOString() : null,
      signupClosesAt: input.signupClosesAt ? new Date(input.signupClosesAt).toISOString() : null,
      tables: input.tables ?? Math.min(200, Math.ceil(input.capacity / 8)),
      status: 'announced',
      voteBudget: input.voteBudget ?? 3,
      categories: input.categories ?? [],
      votingOpen: false,
      votingClosesAt: null,
      joinCode: input.joinCode ?? this.code(6),
      resultsExpectedAt: null,
      createdAt: at,
      updatedAt: at,
      tableMeta: new Map(),
      questions: [],
      registrations: [],
      participants: new Map(),
      facilitators: new Map(),
      ideas: new Map(),
      votes: [],
      result: null,
      proposals: [],
      events: [],
      eventsFloor: 0,
    };
    this.forums.set(id, f);
    return f;
  }

  updateForum(forumId: string, p: Partial<{
    title: string; summary: string; topics: string[]; district: string;
    venue: { name: string; address: string; lat?: number | null | undefined; lng?: number | null | undefined };
    startsAt: string; endsAt: string; capacity: number; signupOpensAt: string | null; signupClosesAt: string | null;
    tables: number; voteBudget: number; categories: string[];
  }>): ForumRec {
    const f = this.forum(forumId);
    const startsAt = p.startsAt ? new Date(p.startsAt).toISOString() : f.startsAt;
    const endsAt = p.endsAt ? new Date(p.endsAt).toISOString() : f.endsAt;
    if (endsAt <= startsAt) throw validationError([{ field: p.endsAt ? 'endsAt' : 'startsAt', code: 'invalid_value', message: 'endsAt must be after startsAt.' }]);
    const registered = f.registrations.filter((r) => r.outcome === 'confirmed').length;
    if (p.capacity !== undefined && p.capacity < registered) {
      throw new ProblemError('conflict', `Capacity cannot go below the ${registered} confirmed registrations.`);
    }
    if (p.title !== undefined) f.title = p.title;
    if (p.summary !== undefined) f.summary = p.summary;
    if (p.topics !== undefined) f.topics = [...p.topics];
    if (p.district !== undefined) f.district = p.district;
    if (p.venue !== undefined) f.venue = { name: p.venue.name, address: p.venue.address, lat: p.venue.lat ?? null, lng: p.venue.lng ?? null };
    f.startsAt = startsAt;
    f.endsAt = endsAt;
    if (p.capacity !== undefined) f.capacity = p.capacity;
    if (p.signupOpensAt !== undefined) f.signupOpensAt = p.signupOpensAt ? new Date(p.signupOpensAt).toISOString() : null;
    if (p.signupClosesAt !== undefined) f.signupClosesAt = p.signupClosesAt ? new Date(p.signupClosesAt).toISOString() : null;
    if (p.tables !== undefined) f.tables = p.tables;
    if (p.voteBudget !== undefined) f.voteBudget = p.voteBudget;
    if (p.categories !== undefined) f.categories = [...p.categories];
    if (p.capacity !== undefined) this.settleSeats(f);
    this.forumChanged(f);
    return f;
  }

  setStatus(forumId: string, status: 'open' | 'closed' | 'live' | 'finished'): ForumRec {
    const f = this.forum(forumId);
    if (!MOVES[status]!.includes(f.status)) {
      throw new ProblemError('invalid-transition', `A forum cannot move from "${f.status}" to "${status}".`);
    }
    f.status = status;
    if (status === 'finished') this.#closeVoting(f);
    if (status === 'open') this.settleSeats(f); // reopened with no seats → full
    this.forumChanged(f);
    return f;
  }

  /** Promote from the waitlist while seats are free, then set `open`/`full` to match. */
  settleSeats(f: ForumRec): void {
    let confirmed = f.registrations.filter((r) => r.outcome === 'confirmed').length;
    for (const r of f.registrations) {
      if (confirmed >= f.capacity) break;
      if (r.outcome !== 'waitlisted') continue;
      r.outcome = 'confirmed';
      confirmed++;
    }
    const waitlisted = f.registrations.some((r) => r.outcome === 'waitlisted');
    if (f.status === 'open' && confirmed >= f.capacity) f.status = 'full';
    else if (f.status === 'full' && confirmed < f.capacity && !waitlisted) f.status = 'open';
  }

  // ── writes: signup ──

  // ── personal data (PIPA) ──

  // ── writes: the venue ──

  join(forumId: string, joinCode: string, table: number): { participantId: string; forumId: string; table: number; token: string; voteBudget: number; votesUsed: number } {
    const f = this.forum(forumId);
    if (joinCode.trim().toUpperCase() !== f.joinCode.toUpperCase() || f.status !== 'live') {
      throw new ProblemError('forbidden', 'This join code does not let you join this forum now: check the code, or wait until the forum is live.');
    }
    if (table > f.tables) throw validationError([{ field: 'table', code: 'too_big', message: `This forum has tables 1–${f.tables}.` }]);
    const id = this.newId();
    f.participants.set(id, { id, table, voteBudget: f.voteBudget, joinedAt: this.now().toISOString() });
    const token = this.issueToken('participant', f.id, id);
    this.#participantsChanged(f, table);
    return { participantId: id, forumId: f.id, table, token, voteBudget: f.voteBudget, votesUsed: 0 };
  }

  #participantsChanged(f: ForumRec, table: number): void {
    let at = 0;
    for (const p of f.participants.values()) if (p.table === table) at++;
    this.emit(f.id, 'participants.changed', { participants: f.participants.size, table, tableParticipants: at });
  }

  addFacilitator(forumId: string, name: string, table: number | null): { facilitatorId: string; forumId: string; name: string; table: number | null; token: string } {
    const f = this.forum(forumId);
    if (table !== null && table > f.tables) throw validationError([{ field: 'table', code: 'too_big', message: `This forum has tables 1–${f.tables}.` }]);
    const id = this.newId();
    const n = name.trim();
    f.facilitators.set(id, { id, name: n, table, createdAt: this.now().toISOString() });
    if (table !== null) f.tableMeta.set(table, { topic: f.tableMeta.get(table)?.topic ?? null, facilitator: n });
    return { facilitatorId: id, forumId: f.id, name: n, table, token: this.issueToken('facilitator', f.id, id) };
  }

  setVoting(forumId: string, open: boolean, durationSeconds?: number | null): Voting {
    const f = this.forum(forumId);
    clearTimeout(f.votingTimer);
    f.votingOpen = open;
    f.votingClosesAt = open && durationSeconds ? new Date(this.now().getTime() + durationSeconds * 1000).toISOString() : null;
    if (f.votingClosesAt) {
      // A time-boxed round closes by itself and says so, like the server's sweep.
      f.votingTimer = setTimeout(() => {
        if (!f.votingOpen) return;
        f.votingOpen = false;
        this.forumChanged(f);
      }, durationSeconds! * 1000);
    }
    this.forumChanged(f);
    return { open: this.votingOpen(f), closesAt: f.votingClosesAt };
  }

  #closeVoting(f: ForumRec): void {
    clearTimeout(f.votingTimer);
    f.votingOpen = false;
  }

  /** Stop every timer (a disposed fake must not keep a page or a test process alive). */
  dispose(): void {
    for (const f of this.forums.values()) clearTimeout(f.votingTimer);
    this.#subscribers.clear();
  }

  // ── writes: ideas ──

  postIdea(forumId: string, text: string, table: number): Idea {
    const f = this.forum(forumId);
    if (table > f.tables) throw validationError([{ field: 'table', code: 'too_big', message: `This forum has tables 1–${f.tables}.` }]);
    if (f.status !== 'live') throw new ProblemError('forum-not-live', 'Ideas are posted while the forum is live.');
    const at = this.now().toISOString();
    const i: IdeaRec = { id: this.newId(), text, table, category: null, status: 'visible', mergedInto: null, pinned: false, promoted: false, createdAt: at, updatedAt: at };
    f.ideas.set(i.id, i);
    const idea = this.toIdea(f, i);
    this.emit(f.id, 'idea.created', idea);
    return idea;
  }

  moderate(forumId: string, ideaId: string, p: { status?: 'visible' | 'hidden' | undefined; category?: string | null | undefined; pinned?: boolean | undefined; promoted?: boolean | undefined }): Idea {
    const f = this.forum(forumId);
    const i = this.idea(f, ideaId);
    if (i.status === 'merged') throw new ProblemError('conflict', 'A merged idea cannot be changed; change the idea it was merged into.');
    if (p.status !== undefined) i.status = p.status;
    if (p.category !== undefined) i.category = p.category === '' ? null : p.category;
    if (p.pinned !== undefined) i.pinned = p.pinned;
    if (p.promoted !== undefined) i.promoted = p.promoted;
    i.updatedAt = this.now().toISOString();
    const idea = this.toIdea(f, i);
    this.emit(f.id, 'idea.updated', idea);
    return idea;
  }

  merge(forumId: string, ideaId: string, intoId: string): Idea {
    const f = this.forum(forumId);
    const from = this.idea(f, ideaId);
    if (intoId === ideaId) throw new ProblemError('invalid-merge', 'An idea cannot be merged into itself.');
    const into = this.idea(f, intoId);
    if (from.status === 'merged') throw new ProblemError('invalid-merge', 'This idea is already merged.');
    if (from.status === 'hidden') throw new ProblemError('invalid-merge', 'A hidden idea cannot be merged; show it again first.');
    if (into.status !== 'visible') throw new ProblemError('invalid-merge', `Ideas cannot be merged into a ${into.status} idea.`);
    const at = this.now().toISOString();
    // the dots move with the idea: a participant keeps all of them, now on the target
    for (const v of f.votes) if (v.ideaId === from.id) v.ideaId = into.id;
    from.status = 'merged';
    from.mergedInto = into.id;
    from.pinned = false;
    from.updatedAt = at;
    for (const x of f.ideas.values()) {
      if (x.mergedInto === from.id) {
        x.mergedInto = into.id;
        x.updatedAt = at;
      }
    }
    into.updatedAt = at;
    const intoJson = this.toIdea(f, into);
    this.emit(f.id, 'idea.merged', { from: this.toIdea(f, from), into: intoJson });
    this.emit(f.id, 'vote.changed', { ideaId: into.id, votes: intoJson.votes });
    return intoJson;
  }

  vote(forumId: string, ideaId: string, participantId: string, add: boolean): VoteResult {
    const f = this.forum(forumId);
    const i = this.idea(f, ideaId);
    const p = f.participants.get(participantId);
    if (!p) throw new ProblemError('unauthorized', 'The participant of this token no longer exists.');
    if (!this.votingOpen(f)) throw new ProblemError('voting-closed', 'No voting round is open.');
    const mine = () => f.votes.filter((v) => v.participantId === p.id);
    if (add) {
      if (i.status !== 'visible') throw new ProblemError('conflict', `Votes go on visible ideas; this one is ${i.status}.`);
      if (mine().length >= p.voteBudget) throw new ProblemError('vote-budget-exhausted', `All ${p.voteBudget} dots are used; take one back to vote again.`);
      f.votes.push({ seq: this.#nextVoteSeq(f), ideaId, participantId: p.id });
    } else {
      const one = mine()
        .filter((v) => v.ideaId === ideaId)
        .sort((a, b) => b.seq - a.seq)[0];
      if (!one) throw new ProblemError('no-vote-to-retract', 'You have no dot on this idea.');
      f.votes.splice(f.votes.indexOf(one), 1);
    }
    const votes = this.ideaVotes(f, ideaId);
    const all = mine();
    this.emit(f.id, 'vote.changed', { ideaId, votes });
    return { ideaId, votes, myVotes: all.filter((v) => v.ideaId === ideaId).length, voteBudget: p.voteBudget, votesUsed: all.length };
  }

  #nextVoteSeq(f: ForumRec): number {
    return (f.votes.reduce((m, v) => Math.max(m, v.seq), 0) ?? 0) + 1;
  }

  /** A dot from someone at another table (outside any budget), for stories. */
  voteFromElsewhere(forumId: string, ideaId: string): VoteResult {
    const f = this.forum(forumId);
    const i = this.idea(f, ideaId);
    if (i.status !== 'visible') throw new ProblemError('conflict', `Votes go on visible ideas; this one is ${i.status}.`);
    const participantId = `elsewhere-${++this.#elsewhere}`;
    f.votes.push({ seq: this.#nextVoteSeq(f), ideaId, participantId });
    const votes = this.ideaVotes(f, ideaId);
    this.emit(f.id, 'vote.changed', { ideaId, votes });
    return { ideaId, votes, myVotes: 1, voteBudget: 1, votesUsed: 1 };
  }

  // ── writes: results ──

}

