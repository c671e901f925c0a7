/**
 * An in-browser fake of the Hyeondap backend for Storybook (and Node tests): every operation of
 * api/openapi.yaml in memory, seeded from the real demo seed, with controls for the faults a
 * story wants to show and for things "happening elsewhere" (someone posts an idea, the city
 * answers a proposal) that arrive over the live stream exactly as the server would send them.
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
import type { Forum, ForumResult, Idea, IdeaPatch, ParticipantSession, Proposal, RegistrationReceipt, ResponseStatus, VoteResult } from '../../src/api/types.js';
import { ProblemError, problemResponse, type FieldError, type ProblemCode } from '../../server/http/problem.ts';
import { handle, type RouteContext } from './routes.ts';
import { loadDemo, type DemoIds } from './seed.ts';
import { eventSourceFor, type FakeEventSourceClass, type OpenStream } from './sse.ts';
import { Store } from './store.ts';
import { publishResults, respond } from './results.ts';
import { register, signupForm } from './signup.ts';
import { mulberry32 } from '../../server/seed/generate.ts';

export type { DemoIds } from './seed.ts';
export type { FakeEventSourceClass } from './sse.ts';

/** The `api-base` stories give the widgets. Only URLs under it reach the fake. */
export const FAKE_API = 'https://fake.hyeondap.test/api';

/** The fake's admin token (also `fake.demo.adminToken`). */
export const FAKE_ADMIN_TOKEN = 'hda_fake-admin-token';

export interface FakeOptions {
  /** The fake's clock starts here and runs with real time (default: now, to the minute). */
  now?: Date;
  /** Seed of the demo data and of new ids (default 2014, the demo's). */
  seed?: number;
  /** `demo` (default): the demo seed — past, upcoming, live forums. `empty`: no forums at all. */
  scenario?: 'demo' | 'empty';
  /** `retry:` of the event stream in ms (default 3000). */
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

export interface FakeBackend {
  /** `FAKE_API`. */
  readonly base: string;
  /** Ids and tokens of the demo data (empty strings for forums in the `empty` scenario). */
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
   * Idempotency-Key proves its worth.
   */
  failNext(status: number, times?: number, options?: { applied?: boolean; errors?: FieldError[] }): void;
  /** Latency of every response in ms (0 = none); `Infinity` = never answers (until aborted). */
  delay(ms: number): void;
  /** Break every open event stream (clients reconnect with Last-Event-ID and lose nothing). */
  dropStreams(): void;
  /** Forget a forum's event log: a client resuming from an older id gets `reset` and refetches. */
  pruneEvents(forumId: string): void;
  /** Requests the fake has received (for assertions and debugging). */
  readonly requests: readonly { method: string; url: string }[];

  // ── acting from elsewhere (each emits the live events the server would) ──
  /** Someone at `table` (default 1) posts an idea (the forum must be live). */
  postIdea(forumId: string, text: string, table?: number): Idea;
  /** Someone elsewhere puts a dot on the idea (outside any budget; voting need not be open). */
  vote(forumId: string, ideaId: string): VoteResult;
  /** A facilitator hides/shows, categorises, pins or promotes an idea. */
  moderate(forumId: string, ideaId: string, patch: IdeaPatch): Idea;
  /** A facilitator merges an idea into another. */
  merge(forumId: string, ideaId: string, intoId: string): Idea;
  /** The city records its response to a proposal (appends to its timeline). */
  respond(forumId: string, proposalId: string, status: ResponseStatus, answer?: string | null): Proposal;
  /**
   * The city publishes the results (a live forum is finished first). Without `input`: the three
   * ideas with the most dots become proposals, attendance = participants (or registrations).
   */
  publishResults(forumId: string, input?: { summary?: string; attended?: number; proposals?: { title: string; ideaIds: string[]; category?: string | null; department?: string | null }[] }): ForumResult;
  /** `n` people register (ignoring the signup window): seats fill, then the waitlist grows. */
  register(forumId: string, n: number): RegistrationReceipt[];
  /** The city moves the forum along its life cycle (the contract's allowed moves only). */
  setStatus(forumId: string, status: 'open' | 'closed' | 'live' | 'finished'): Forum;
  /** Someone joins the live forum at `table` with its join code; returns their session (token). */
  join(forumId: string, table: number): ParticipantSession;

  /** Stop timers and close streams. `installFake` disposes the fake it replaces. */
  dispose(): void;
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

/** A fresh fake backend. Pure: nothing global changes until `installFake`. */
export function createFakeBackend(options: FakeOptions = {}): FakeBackend {
  const now = options.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const seed = options.seed ?? 2014;
  const store = new Store({ now, random: mulberry32(seed ^ 0x5eed), adminToken: FAKE_ADMIN_TOKEN });
  const emptyIds = { liveForumId: '', openForumId: '', fullForumId: '', closedForumId: '', announcedForumId: '', reportedForumId: '', finishedForumId: '', joinCode: '', facilitatorToken: '' };
  const ids = options.scenario === 'empty' ? emptyIds : loadDemo(store, now, seed);
  const demo: DemoIds = { ...ids, adminToken: FAKE_ADMIN_TOKEN };
  const base = new URL(FAKE_API);
  const ctx: RouteContext = {
    store,
    basePath: base.pathname.replace(/\/+$/, ''),
    origin: base.origin,
    streams: new Set<OpenStream>(),
    idempotency: new Map(),
    retryMs: options.retryMs ?? 3000,
    heartbeatMs: options.heartbeatMs ?? 15_000,
  };
  let offline = false;
  let delayMs = 0;
  const failures: { status: number; applied: boolean; errors?: FieldError[] }[] = [];
  const requests: { method: string; url: string }[] = [];
  const inFlight = new Map<string, string>();

  const realFetch = (input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init);
  const docBase = () => (typeof document !== 'undefined' ? document.baseURI : (globalThis.location?.href ?? 'http://localhost/'));

  const fakeFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(raw, docBase());
    if (url.origin !== base.origin || !(url.pathname === ctx.basePath || url.pathname.startsWith(ctx.basePath + '/'))) return realFetch(input, init);
    const req = input instanceof Request ? (init ? new Request(input, init) : input) : new Request(url.href, init);
    const signal = init?.signal ?? (input instanceof Request ? input.signal : null);
    const wait = delayMs; // the latency in force when the request is sent
    requests.push({ method: req.method, url: url.href });
    if (signal?.aborted) throw abortReason(signal);
    if (offline) throw new TypeError('Failed to fetch');
    // A write with an Idempotency-Key is "in flight" while its latency runs: a repeat meanwhile
    // gets 409 idempotency-key-in-flight (422 with another body), as from the server.
    const key = req.method !== 'GET' ? req.headers.get('idempotency-key') : null;
    const slot = key === null ? null : JSON.stringify([req.headers.get('authorization') ?? '', req.method, url.pathname, key]);
    if (slot !== null) {
      const body = await req.clone().text();
      const other = inFlight.get(slot);
      if (other !== undefined) {
        await latency(wait, signal);
        return problemResponse(
          other === body
            ? new ProblemError('idempotency-key-in-flight', 'A request with this Idempotency-Key is still being processed; retry shortly.', { headers: { 'Retry-After': '1' } })
            : new ProblemError('idempotency-key-reused', 'This Idempotency-Key was used with a different request body.'),
        );
      }
      inFlight.set(slot, body);
    }
    try {
      await latency(wait, signal);
      if (offline) throw new TypeError('Failed to fetch');
      const fault = failures.shift();
      if (fault && !fault.applied) return failure(fault.status, fault.errors);
      // The stream must end when the caller aborts; `new Request` keeps the signal for routes.
      const res = await handle(ctx, signal ? new Request(req, { signal }) : req);
      if (fault) {
        void res.body?.cancel().catch(() => undefined);
        return failure(fault.status, fault.errors);
      }
      return res;
    } finally {
      if (slot !== null) inFlight.delete(slot);
    }
  };

  const EventSourceClass = eventSourceFor(fakeFetch as typeof fetch, () => docBase());
  const dropStreams = () => {
    for (const s of [...ctx.streams]) s.drop();
  };
  const forumOf = (id: string) => store.forum(id);

  const fake: FakeBackend = {
    base: FAKE_API,
    demo,
    fetch: fakeFetch as typeof fetch,
    EventSource: EventSourceClass,
    requests,
    now: () => store.now(),

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
    pruneEvents(forumId) {
      store.pruneEvents(forumId);
    },

    postIdea(forumId, text, table = 1) {
      return store.postIdea(forumId, text.trim(), table);
    },
    vote(forumId, ideaId) {
      return store.voteFromElsewhere(forumId, ideaId);
    },
    moderate(forumId, ideaId, patch) {
      return store.moderate(forumId, ideaId, patch);
    },
    merge(forumId, ideaId, intoId) {
      return store.merge(forumId, ideaId, intoId);
    },
    respond(forumId, proposalId, status, answer) {
      return respond(store, forumId, proposalId, answer === undefined ? { status } : { status, answer });
    },
    publishResults(forumId, input = {}) {
      const f = forumOf(forumId);
      if (f.status === 'live') store.setStatus(forumId, 'finished');
      const top = store
        .listIdeas(f, { sort: 'votes' })
        .slice(0, 3)
        .map((i) => ({ title: i.text.slice(0, 200), ideaIds: [i.id], category: i.category }));
      const registered = f.registrations.filter((r) => r.outcome === 'confirmed').length;
      return publishResults(store, forumId, {
        summary: input.summary,
        attended: input.attended ?? (f.participants.size || registered),
        proposals: input.proposals ?? top,
      });
    },
    register(forumId, n) {
      const f = forumOf(forumId);
      const consents = Object.fromEntries(signupForm(f).consents.map((c) => [c.id, c.id !== 'answers']));
      const out: RegistrationReceipt[] = [];
      for (let i = 0; i < n; i++) {
        const k = f.registrations.length + 1;
        out.push(
          register(store, 
            forumId,
            {
              name: `시민 ${k}`,
              contact: { kind: 'email', value: `guest-${f.id.slice(0, 6).toLowerCase()}-${k}-${store.code(4).toLowerCase()}@example.com` },
              district: f.district,
              ageGroup: (['20s', '30s', '40s', '50s', '60s'] as const)[k % 5]!,
              role: 'participant',
              consentVersion: signupForm(f).consentVersion,
              consents,
            },
            { ignoreWindow: true },
          ),
        );
      }
      return out;
    },
    setStatus(forumId, status) {
      return store.toForum(store.setStatus(forumId, status));
    },
    join(forumId, table) {
      return store.join(forumId, forumOf(forumId).joinCode, table);
    },

    dispose() {
      offline = false;
      failures.length = 0;
      dropStreams();
      store.dispose();
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
  if (installed && installed !== fake) installed.dispose();
  installed = fake;
  registryDefaults.client.fetch = fake.fetch;
  registryDefaults.stream.eventSource = fake.EventSource;
  return () => {
    if (installed !== fake) return;
    installed = null;
    delete registryDefaults.client.fetch;
    delete registryDefaults.stream.eventSource;
    resetRegistry();
    fake.dispose();
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
  const fake = createFakeBackend(opts);
  if (p.offline) fake.setOffline(true);
  if (p.delay !== undefined) fake.delay(p.delay);
  if (p.failNext !== undefined) {
    if (typeof p.failNext === 'number') fake.failNext(p.failNext);
    else fake.failNext(p.failNext.status, p.failNext.times);
  }
  installFake(fake);
  return { fake };
}
