/**
 * The backend of Storybook's stories (and of the fake's Node tests): the reference server's own
 * app — `createApp()` from server/app.ts, its routes, rules, event log and SSE hub — running in
 * the page over an in-memory SQLite (sql.js, see sqlite.ts), migrated and seeded with the
 * server's own migrations and demo seed. There is no second implementation of the contract here,
 * only what a story needs around it:
 *
 * - `fetch` in front of `app.fetch`, with faults the real server cannot make on demand: offline,
 *   latency, failing answers, dropped streams, a forgotten event log;
 * - an `EventSource` class that reads the app's event streams through that fetch;
 * - "acting from elsewhere" (someone posts an idea, the city answers a proposal): requests to the
 *   same app as a facilitator, a participant or the city, so their live events are the server's.
 *
 * ```ts
 * import { FAKE_API, fakeLoader, type FakeLoaded } from './fake/index.js';
 *
 * export default { title: 'Widgets/Idea wall', loaders: [fakeLoader] } satisfies Meta;
 * export const Loading: StoryObj = {
 *   parameters: { fake: { delay: Infinity } },
 *   render: (_args, { loaded }) => html`<hd-idea-wall api-base=${FAKE_API} forum-id=${(loaded as FakeLoaded).fake.demo.liveForumId}></hd-idea-wall>`,
 * };
 * ```
 *
 * Nothing in src/ may import this: the widgets only ever see a backend through `fetch`.
 */
import { registryDefaults, resetRegistry } from '../../src/api/registry.js';
import type { Forum, ForumResult, Idea, IdeaPatch, ParticipantSession, Proposal, RegistrationReceipt, ResponseStatus, SignupForm, VoteResult } from '../../src/api/types.js';
import { createApp } from '../../server/app.ts';
import { hashToken, newId } from '../../server/auth/tokens.ts';
import type { Deps } from '../../server/context.ts';
import { ProblemError, problemResponse, type FieldError, type ProblemCode } from '../../server/http/problem.ts';
import { EventLog } from '../../server/live/eventlog.ts';
import { InProcessFanout } from '../../server/live/fanout.ts';
import { SseHub } from '../../server/live/sse.ts';
import { purgeExpiredPersonalData } from '../../server/model/personal-data.ts';
import { hiddenIdeaIds } from '../../server/model/idea.ts';
import { closeExpiredRounds } from '../../server/model/voting.ts';
import { generateDemoSeed } from '../../server/seed/generate.ts';
import { loadIdeas, loadSeed } from '../../server/seed/load.ts';
import { eventSourceFor, type FakeEventSourceClass } from './event-source.ts';
import { openPageDatabase } from './sqlite.ts';

export type { FakeEventSourceClass } from './event-source.ts';

/** The `api-base` stories give the widgets. Only URLs under it reach the fake. */
export const FAKE_API = 'https://fake.hyeondap.test/api';

/** The fake's admin token (also `fake.demo.adminToken`). */
export const FAKE_ADMIN_TOKEN = 'hda_fake-admin-token';

export interface FakeOptions {
  /**
   * The fake's clock starts here and runs with real time, and the demo seed is made around it
   * (default: the real clock, and a seed made up to ten minutes ago).
   */
  now?: Date;
  /** Seed of the demo data (default 2014, the demo's). */
  seed?: number;
  /** `demo` (default): the demo seed — past, upcoming, live forums. `empty`: no forums at all. */
  scenario?: 'demo' | 'empty';
  /** Reconnection delay of the fake's EventSource in ms (default: the stream's `retry:`, 3000). */
  retryMs?: number;
  /** Heartbeat comment interval of the event stream in ms (default 15 000). */
  heartbeatMs?: number;
}

/** `parameters.fake` of a story (read by `fakeLoader`). */
export interface FakeParameters {
  scenario?: 'demo' | 'empty';
  /** Start offline: every request fails like a network failure. */
  offline?: boolean;
  /** Latency of every response in ms; `Infinity` never answers (loading states). */
  delay?: number;
  /** Fail the first request(s) with this status (`{ status, times }` for several). */
  failNext?: number | { status: number; times?: number };
  /** The fake's clock (a Date or an ISO string). */
  now?: Date | string;
  seed?: number;
}

/** What `fakeLoader` puts in `context.loaded`. */
export interface FakeLoaded {
  fake: FakeBackend;
}

/** Ids and tokens of the demo data (empty strings for forums in the `empty` scenario). */
export interface DemoIds {
  /** The forum live right now (8 tables, voting open, join code `HYEON24`). */
  liveForumId: string;
  /** Upcoming, seats left: the signup demo. */
  openForumId: string;
  /** Upcoming, no seats left: new signups go on the waitlist. */
  fullForumId: string;
  /** Upcoming, signup closed. */
  closedForumId: string;
  /** Upcoming, signup not open yet. */
  announcedForumId: string;
  /** The newest forum with published results and city answers. */
  reportedForumId: string;
  /** Finished a few days ago, results not published yet (`expectedAt` set). */
  finishedForumId: string;
  /** Join code of the live forum (for `POST /forums/{id}/participants`). */
  joinCode: string;
  /** Bearer token of the live forum's demo facilitator (no table). */
  facilitatorToken: string;
  /** Bearer token of the city (admin). */
  adminToken: string;
}

export interface FakeBackend {
  /** `FAKE_API`. */
  readonly base: string;
  /** Ids and tokens of the demo data. */
  readonly demo: DemoIds;
  /** `fetch` that answers requests under `FAKE_API` and passes every other one to the real fetch. */
  readonly fetch: typeof fetch;
  /** An `EventSource` class that reads the fake's event streams (the LiveStream's `eventSource`). */
  readonly EventSource: FakeEventSourceClass;
  /** The fake's clock. */
  now(): Date;

  // ── faults ──
  /** Offline: requests reject with `TypeError` (like a real network failure), open streams break. */
  setOffline(on: boolean): void;
  /**
   * The next `times` (default 1) requests get `status` as problem+json instead of an answer.
   * `{ applied: true }`: the request is carried out first and only its response is lost — how an
   * Idempotency-Key proves its worth. `errors`: the per-field errors the answer names.
   */
  failNext(status: number, times?: number, options?: { applied?: boolean; errors?: FieldError[] }): void;
  /** Latency before every request reaches the server, in ms (0 = none); `Infinity` = never (until aborted). */
  delay(ms: number): void;
  /** Break every open event stream (clients reconnect with Last-Event-ID and lose nothing). */
  dropStreams(): void;
  /**
   * Forget a forum's event log but its newest event (the server's own pruning, keeping one): a
   * client resuming from an id before that gets `reset` and refetches.
   */
  pruneEvents(forumId: string): Promise<void>;
  /** Requests the fake has received (for assertions and debugging). */
  readonly requests: readonly { method: string; url: string }[];

  // ── acting from elsewhere: requests to the same server, so each emits the live events it would ──
  /** A facilitator posts an idea from `table` (default 1); the forum must be live. */
  postIdea(forumId: string, text: string, table?: number): Promise<Idea>;
  /** Someone at the venue puts a dot on the idea (voting must be open). */
  vote(forumId: string, ideaId: string): Promise<VoteResult>;
  /** The city hides/shows, categorises, pins or promotes an idea. */
  moderate(forumId: string, ideaId: string, patch: IdeaPatch): Promise<Idea>;
  /** The city merges an idea into another. */
  merge(forumId: string, ideaId: string, intoId: string): Promise<Idea>;
  /** The city records its response to a proposal (appends to its timeline). */
  respond(forumId: string, proposalId: string, status: ResponseStatus, answer?: string | null): Promise<Proposal>;
  /**
   * The city publishes the results (a live forum is finished first). Without `input`: the three
   * ideas with the most dots become proposals, attendance = participants (or registrations).
   */
  publishResults(forumId: string, input?: { summary?: string; attended?: number; proposals?: { title: string; ideaIds: string[]; category?: string | null; department?: string | null }[] }): Promise<ForumResult>;
  /** `n` people register (signup must be open): seats fill, then the waitlist grows. */
  register(forumId: string, n: number): Promise<RegistrationReceipt[]>;
  /** The city moves the forum along its life cycle (the contract's allowed moves only). */
  setStatus(forumId: string, status: 'open' | 'closed' | 'live' | 'finished'): Promise<Forum>;
  /** Someone joins the live forum at `table` with its join code; returns their session (token). */
  join(forumId: string, table: number): Promise<ParticipantSession>;
  /**
   * More seed data: visible ideas that were on the wall before anyone looked (no live events),
   * the newest last, written at once with the server's seed loader — for walls of thousands of
   * ideas, which one by one would take seconds.
   */
  seedIdeas(forumId: string, ideas: readonly { text: string; table: number }[]): Promise<void>;

  /** Stop timers, close streams and the database. `installFake` disposes the fake it replaces. */
  dispose(): Promise<void>;
}

const PROBLEM_BY_STATUS: Record<number, ProblemCode> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  422: 'idempotency-key-reused',
  429: 'rate-limited',
};

/** `errors`: per-field errors the answer names (a 400 the server gives for input the widget let through). */
function failure(status: number, errors?: FieldError[]): Response {
  const code = PROBLEM_BY_STATUS[status] ?? 'internal';
  const opts = code === 'rate-limited' ? { status, extra: { retryAfter: 1 }, headers: { 'Retry-After': '1' } } : { status, errors };
  return problemResponse(new ProblemError(code, `The fake backend failed this request on purpose (failNext ${status}).`, opts));
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Wait `ms` (Infinity: forever) unless the request is aborted first. */
function latency(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortReason(signal));
    const timer = Number.isFinite(ms) ? setTimeout(done, ms) : undefined;
    function done() {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }
    function onAbort() {
      clearTimeout(timer);
      reject(abortReason(signal!));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** An open event stream the fake can break (`dropStreams`, `setOffline`). */
interface Breakable {
  drop(): void;
}

/**
 * The server's event-stream response, passed through a stream the fake can break as a lost
 * connection would: the reader's next read rejects, and the server sees its stream cancelled.
 */
function breakable(res: Response, open: Set<Breakable>): Response {
  if (!res.body || !/^text\/event-stream/.test(res.headers.get('content-type') ?? '')) return res;
  const reader = res.body.getReader();
  let handle: Breakable;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      handle = {
        drop() {
          open.delete(handle);
          try {
            controller.error(new TypeError('network error'));
          } catch {
            /* already closed */
          }
          void reader.cancel().catch(() => undefined);
        },
      };
      open.add(handle);
    },
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          open.delete(handle);
          controller.close();
        } else controller.enqueue(value);
      } catch (err) {
        open.delete(handle);
        try {
          controller.error(err);
        } catch {
          /* broken already */
        }
      }
    },
    cancel(reason) {
      open.delete(handle);
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
}

const NO_DEMO: Omit<DemoIds, 'adminToken'> = {
  liveForumId: '',
  openForumId: '',
  fullForumId: '',
  closedForumId: '',
  announcedForumId: '',
  reportedForumId: '',
  finishedForumId: '',
  joinCode: '',
  facilitatorToken: '',
};

interface Seeded {
  image: Uint8Array;
  demo: Omit<DemoIds, 'adminToken'>;
}

/**
 * The migrated (and, for `demo`, seeded) database as bytes, made once per clock, seed and
 * scenario: every fake after the first copies it instead of loading the seed again.
 */
const seeded = new Map<string, Promise<Seeded>>();
function seededImage(now: Date, seed: number, scenario: 'demo' | 'empty'): Promise<Seeded> {
  const key = `${now.getTime()}:${seed}:${scenario}`;
  let image = seeded.get(key);
  if (!image) {
    image = (async () => {
      const opening = openPageDatabase(); // (SQLite's WebAssembly compiles meanwhile)
      const data = scenario === 'demo' ? generateDemoSeed(now, seed) : null;
      const page = await opening;
      if (!data) return { image: await page.closeToImage(), demo: NO_DEMO };
      // the server's demo seed, loaded as `startServer({ seed: 'demo' })` loads it, and the
      // personal data past its retention anonymised, as by the server's scheduled job
      const info = await loadSeed(page.db, data);
      await purgeExpiredPersonalData(page.db, now);
      const first = (status: string) => data.forums.find((f) => f.status === status)?.id ?? '';
      const demo = {
        ...info,
        fullForumId: first('full'),
        closedForumId: first('closed'),
        announcedForumId: first('announced'),
        reportedForumId: data.forums.filter((f) => f.status === 'reported').at(-1)?.id ?? '',
        finishedForumId: first('finished'),
      };
      return { image: await page.closeToImage(), demo };
    })();
    image.catch(() => seeded.delete(key));
    seeded.set(key, image);
    // a few megabytes each: keep the newest few
    for (const old of [...seeded.keys()].slice(0, -4)) seeded.delete(old);
  }
  return image;
}

/**
 * Without a clock of their own, fakes share a demo seed made up to ten minutes ago: seeding takes
 * a second, and data a few minutes older change nothing a story shows.
 */
const SEED_REUSE_MS = 10 * 60_000;
let sharedSeedAt = -Infinity;
function sharedSeedClock(): Date {
  if (Date.now() - sharedSeedAt > SEED_REUSE_MS) sharedSeedAt = Math.floor(Date.now() / 60_000) * 60_000;
  return new Date(sharedSeedAt);
}

/** A fresh fake backend. Pure: nothing global changes until `installFake`. */
export async function createFakeBackend(options: FakeOptions = {}): Promise<FakeBackend> {
  const start = options.now ?? new Date();
  const startedAt = Date.now();
  const now = () => new Date(start.getTime() + (Date.now() - startedAt));
  const { image, demo: ids } = await seededImage(options.now ?? sharedSeedClock(), options.seed ?? 2014, options.scenario ?? 'demo');
  const database = await openPageDatabase(image);
  const { db } = database;

  const fanout = new InProcessFanout();
  const events = new EventLog(db, fanout);
  const sse = new SseHub(fanout, events, options.heartbeatMs ?? 15_000, now, (forumId) => hiddenIdeaIds(db, forumId));
  const origin = new URL(FAKE_API).origin;
  const links = { publicUrl: origin, forumPage: `${origin}/demo/signup.html?forum={id}` };
  const deps: Deps = { db, fanout, events, sse, now, adminTokenHash: hashToken(FAKE_ADMIN_TOKEN), corsOrigins: new Set(), links, inFlight: new Map(), rateLimits: null, joinQuota: null };
  const app = createApp(deps);
  // time-boxed voting rounds close by themselves, as on the server (start.ts)
  const votingTimer = setInterval(() => void closeExpiredRounds(deps).catch(() => undefined), 1000);
  (votingTimer as { unref?: () => void }).unref?.();

  const base = new URL(FAKE_API);
  const basePath = base.pathname.replace(/\/+$/, '');
  let offline = false;
  let delayMs = 0;
  const failures: { status: number; applied: boolean; errors?: FieldError[] }[] = [];
  const requests: { method: string; url: string }[] = [];
  const streams = new Set<Breakable>();

  const realFetch = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init);
  const docBase = () => (typeof document !== 'undefined' ? document.baseURI : (globalThis.location?.href ?? 'http://localhost/'));

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, docBase());
    if (url.origin !== base.origin || !(url.pathname === basePath || url.pathname.startsWith(basePath + '/'))) return realFetch(input, init);
    const req = input instanceof Request ? (init ? new Request(input, init) : input) : new Request(url.href, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : null);
    const wait = delayMs; // the latency in force when the request is sent
    requests.push({ method: req.method, url: url.href });
    if (signal?.aborted) throw abortReason(signal);
    if (offline) throw new TypeError('Failed to fetch');
    await latency(wait, signal);
    if (offline) throw new TypeError('Failed to fetch');
    const fault = failures.shift();
    if (fault && !fault.applied) return failure(fault.status, fault.errors);
    const res = await app.fetch(req);
    if (fault) {
      void res.body?.cancel().catch(() => undefined);
      return failure(fault.status, fault.errors);
    }
    return breakable(res, streams);
  };

  const dropStreams = () => {
    for (const s of [...streams]) s.drop();
  };

  /** A request from elsewhere: straight to the app (no faults, not in `requests`); throws its problem. */
  let sent = 0;
  const elsewhere = async <T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { 'Idempotency-Key': `elsewhere-${startedAt}-${++sent}` };
    if (token !== null) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await app.fetch(new Request(`${FAKE_API}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
    const json = (await res.json()) as T & { type?: string; detail?: string };
    if (!res.ok) throw new Error(`fake: ${method} ${path} → ${res.status} ${json.type ?? ''} ${json.detail ?? ''}`);
    return json;
  };
  const asCity = <T>(method: string, path: string, body?: unknown) => elsewhere<T>(method, path, FAKE_ADMIN_TOKEN, body);
  const forum = (forumId: string) => asCity<Forum>('GET', `/forums/${forumId}`);
  const joinCode = async (forumId: string) =>
    (await db.selectFrom('forums').select('join_code').where('id', '=', forumId).executeTakeFirstOrThrow()).join_code;

  /** A facilitator (no table) per forum, who posts what other tables wrote. */
  const scribes = new Map<string, Promise<string>>();
  const scribe = (forumId: string) => {
    let token = scribes.get(forumId);
    if (!token) {
      token = asCity<{ token: string }>('POST', `/forums/${forumId}/facilitators`, { name: '다른 테이블' }).then((f) => f.token);
      token.catch(() => scribes.delete(forumId));
      scribes.set(forumId, token);
    }
    return token;
  };
  /** Participants who vote from elsewhere; a new one joins when the last one's dots are used. */
  const voters = new Map<string, string>();

  const fake: FakeBackend = {
    base: FAKE_API,
    demo: { ...ids, adminToken: FAKE_ADMIN_TOKEN },
    fetch: fakeFetch as typeof fetch,
    EventSource: eventSourceFor(fakeFetch as typeof fetch, docBase, options.retryMs),
    requests,
    now,

    setOffline(on) {
      offline = on;
      if (on) dropStreams();
    },
    failNext(status, times = 1, opts = {}) {
      if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError('failNext: status must be 400–599');
      for (let i = 0; i < times; i++) failures.push({ status, applied: !!opts.applied, errors: opts.errors });
    },
    delay(ms) {
      delayMs = Math.max(0, ms);
    },
    dropStreams,
    async pruneEvents(forumId) {
      await new EventLog(db, fanout, { retainPerForum: 1 }).pruneForum(forumId, now());
    },

    async postIdea(forumId, text, table = 1) {
      return elsewhere<Idea>('POST', `/forums/${forumId}/ideas`, await scribe(forumId), { text, table });
    },
    async vote(forumId, ideaId) {
      for (let tries = 0; ; tries++) {
        let token = voters.get(forumId);
        if (!token || tries > 0) {
          const f = await forum(forumId);
          token = (await fake.join(forumId, 1 + (f.participants % Math.max(1, f.tables)))).token;
          voters.set(forumId, token);
        }
        try {
          return await elsewhere<VoteResult>('POST', `/forums/${forumId}/ideas/${ideaId}/votes`, token);
        } catch (err) {
          if (tries > 0 || !String(err).includes('vote-budget-exhausted')) throw err;
        }
      }
    },
    moderate(forumId, ideaId, patch) {
      return asCity<Idea>('PATCH', `/forums/${forumId}/ideas/${ideaId}`, patch);
    },
    merge(forumId, ideaId, intoId) {
      return asCity<Idea>('POST', `/forums/${forumId}/ideas/${ideaId}/merge`, { into: intoId });
    },
    respond(forumId, proposalId, status, answer) {
      return asCity<Proposal>('PUT', `/forums/${forumId}/proposals/${proposalId}/response`, answer === undefined ? { status } : { status, answer });
    },
    async publishResults(forumId, input = {}) {
      let f = await forum(forumId);
      if (f.status === 'live') f = await fake.setStatus(forumId, 'finished');
      const top = async () =>
        (await asCity<{ items: Idea[] }>('GET', `/forums/${forumId}/ideas?sort=votes&limit=3`)).items.map((i) => ({ title: i.text.slice(0, 200), ideaIds: [i.id], category: i.category }));
      return asCity<ForumResult>('PUT', `/forums/${forumId}/results`, {
        ...(input.summary === undefined ? {} : { summary: input.summary }),
        attended: input.attended ?? (f.participants || f.registered),
        proposals: input.proposals ?? (await top()),
      });
    },
    async register(forumId, n) {
      const f = await forum(forumId);
      const form = await asCity<SignupForm>('GET', `/forums/${forumId}/signup-form`);
      const consents = Object.fromEntries(form.consents.map((c) => [c.id, c.id !== 'answers']));
      const out: RegistrationReceipt[] = [];
      for (let i = 0; i < n; i++) {
        const k = f.registered + f.waitlisted + i + 1;
        out.push(
          await elsewhere<RegistrationReceipt>('POST', `/forums/${forumId}/registrations`, null, {
            name: `시민 ${k}`,
            contact: { kind: 'email', value: `guest-${forumId.slice(0, 6).toLowerCase()}-${k}-${startedAt % 10_000}-${sent}@example.com` },
            district: f.district,
            ageGroup: (['20s', '30s', '40s', '50s', '60s'] as const)[k % 5]!,
            role: 'participant',
            consentVersion: form.consentVersion,
            consents,
          }),
        );
      }
      return out;
    },
    setStatus(forumId, status) {
      return asCity<Forum>('POST', `/forums/${forumId}/status`, { status });
    },
    async join(forumId, table) {
      return elsewhere<ParticipantSession>('POST', `/forums/${forumId}/participants`, null, { joinCode: await joinCode(forumId), table });
    },

    async seedIdeas(forumId, ideas) {
      const at = now().getTime() - ideas.length * 1000;
      const seed = ideas.map(({ text, table }, n) => {
        const time = new Date(at + n * 1000).toISOString();
        return { id: newId(), text, table, category: null, status: 'visible' as const, mergedInto: null, pinned: false, promoted: false, participantId: null, facilitatorId: null, createdAt: time, updatedAt: time };
      });
      await loadIdeas(db, forumId, seed);
    },

    async dispose() {
      offline = false;
      failures.length = 0;
      clearInterval(votingTimer);
      dropStreams();
      sse.closeAll();
      await database.close();
    },
  };
  return fake;
}

let installed: FakeBackend | null = null;

/**
 * Point the data layer at the fake: every client the registry creates fetches through
 * `fake.fetch` (which passes anything not under `FAKE_API` to the real fetch), every live stream
 * reads `fake.EventSource`; the registry is reset so no client, cache or stream of an earlier
 * story survives. The fake installed before is disposed. Returns a function that uninstalls.
 */
export function installFake(fake: FakeBackend): () => void {
  // Close the earlier story's streams first, then stop its fake: nothing reconnects to it.
  resetRegistry();
  if (installed && installed !== fake) void installed.dispose();
  installed = fake;
  registryDefaults.client.fetch = fake.fetch;
  registryDefaults.stream.eventSource = fake.EventSource;
  return () => {
    if (installed !== fake) return;
    installed = null;
    delete registryDefaults.client.fetch;
    delete registryDefaults.stream.eventSource;
    resetRegistry();
    void fake.dispose();
  };
}

/**
 * Storybook loader: a fresh fake per story from `parameters.fake`, installed before the story
 * renders, handed to the story as `context.loaded.fake`.
 */
export async function fakeLoader(context: { parameters: { fake?: FakeParameters } & Record<string, unknown> }): Promise<FakeLoaded> {
  const p: FakeParameters = context.parameters.fake ?? {};
  const opts: FakeOptions = {};
  if (p.scenario) opts.scenario = p.scenario;
  if (p.now !== undefined) opts.now = new Date(p.now);
  if (p.seed !== undefined) opts.seed = p.seed;
  const fake = await createFakeBackend(opts);
  if (p.offline) fake.setOffline(true);
  if (p.delay !== undefined) fake.delay(p.delay);
  if (p.failNext !== undefined) {
    if (typeof p.failNext === 'number') fake.failNext(p.failNext);
    else fake.failNext(p.failNext.status, p.failNext.times);
  }
  installFake(fake);
  return { fake };
}
