/**
 * `ApiClient`: typed access to one backend that serves the Hyeondap contract.
 *
 * - Every request has a timeout (`AbortSignal.timeout`) combined with the caller's signal.
 * - Retries with exponential backoff and equal jitter, only for GETs and for writes that carry
 *   an `Idempotency-Key` (generated once per logical attempt and reused on every retry; a caller
 *   may pass its own so a submission persisted across reloads keeps its key). 429 waits
 *   `Retry-After`.
 * - Errors come back as typed `ApiError`s (see `errors.ts`).
 * - `Authorization: Bearer` from the client's token (or a per-call token); never in URLs,
 *   never cookies (`credentials: 'omit'`).
 * - GETs go through the backend's shared `ApiCache` (stale-while-revalidate, deduped).
 * - Each method's path, parameters, body and answer are typed from the contract's generated
 *   `paths` (schema.d.ts), as openapi-fetch does: a method asserts no type of its own, and a
 *   contract change that a method does not follow is a type error here.
 */
import { ApiCache } from './cache.js';
import { ApiError, NetworkError, RateLimitedError, TimeoutError, errorFromResponse } from './errors.js';
import { installKey } from './install-key.js';
import type {
  FeedFilters,
  Forum,
  ForumListQuery,
  ForumPage,
  ForumResult,
  Idea,
  IdeaInput,
  IdeaListQuery,
  IdeaPage,
  IdeaPatch,
  JoinInput,
  Me,
  ParticipantListQuery,
  ParticipantPage,
  ParticipantRevoked,
  ParticipantSession,
  RegistrationInput,
  RegistrationReceipt,
  RegistrationStatus,
  SignupForm,
  TableList,
  Totals,
  VoteResult,
  Voting,
  VotingInput,
} from './types.js';
import type { paths } from './schema.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** Base URL of the API, e.g. `https://forum.example.kr/api` or `/api`. */
  baseUrl: string;
  /** Bearer token sent with every request (participant, facilitator or admin). */
  token?: string | undefined;
  /** Shared cache; a fresh one when absent. */
  cache?: ApiCache;
  /** `fetch` to use (tests wrap it to inject faults). */
  fetch?: typeof fetch;
  /** Per-attempt timeout in ms (default 15 000). */
  timeoutMs?: number;
  /** Retries after the first attempt for retryable requests (default 3). */
  retries?: number;
  /** First backoff step in ms (default 300). */
  retryBaseMs?: number;
  /** Longest single backoff wait in ms (default 5 000). */
  retryMaxMs?: number;
  /** Longest `Retry-After` (s) the client waits by itself; beyond it the 429 is thrown (default 30). */
  maxRetryAfterSeconds?: number;
}

export interface RequestOptions {
  /** Caller's signal (a Lit Task passes its own). */
  signal?: AbortSignal | undefined;
  /** Overrides the client's token for this call (e.g. a registration's cancel token). */
  token?: string | undefined;
  /** Overrides the per-attempt timeout. */
  timeoutMs?: number;
  /** Overrides the retry count. */
  retries?: number;
}

export interface GetOptions extends RequestOptions {
  /** `default`: stale-while-revalidate from the shared cache; `no-cache`: always ask the network. */
  cache?: 'default' | 'no-cache';
}

export interface WriteOptions extends RequestOptions {
  /**
   * The Idempotency-Key of this logical attempt. Generated when absent; pass a stored key to
   * repeat a submission that may have reached the server before a reload.
   */
  idempotencyKey?: string;
}

export interface RawRequest extends RequestOptions {
  method: HttpMethod;
  /** Path below the base URL, starting with `/`. */
  path: string;
  query?: Record<string, string | number | boolean | null | undefined> | undefined;
  body?: unknown;
  /** Send an Idempotency-Key (generated unless given) and allow retries. */
  idempotencyKey?: string | true | undefined;
}

export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** The server replayed a stored response for this Idempotency-Key. */
  replayed: boolean;
}

// ------------------------------------------------------------------ types from the contract

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type Path = keyof paths;
/** The contract's path templates (`/forums/{forumId}`) that have an operation for `M`. */
export type PathWith<M extends Method> = { [P in Path]: paths[P][M] extends undefined ? never : P }[Path];
type Operation<P extends Path, M extends Method> = NonNullable<paths[P][M]>;
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
/** The JSON body of an operation's success response (200 or 201; undefined for 204). */
export type ResponseOf<P extends Path, M extends Method> =
  Operation<P, M> extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 204>]> : never;
/** An operation's JSON request body (undefined when it takes none). */
export type RequestBodyOf<P extends Path, M extends Method> =
  Operation<P, M> extends { requestBody?: { content: { 'application/json': infer B } } } ? B : undefined;
/** An operation's query (undefined when it takes none). */
export type QueryParamsOf<P extends Path, M extends Method> = Operation<P, M>['parameters'] extends { query?: infer Q } ? Q : undefined;
/** The values of a path template's parameters, in order: `/forums/{forumId}/ideas/{ideaId}` → `[string, string]`. */
export type PathValues<P extends string> = P extends `${string}{${string}}${infer Rest}` ? [string, ...PathValues<Rest>] : [];

/** A contract path with its parameters filled in, in order, each URL-encoded: `/forums/{forumId}` → `/forums/f%201`. */
function fillPath(template: string, values: string[]): string {
  let i = 0;
  return template.replace(/\{\w+\}/g, () => encodeURIComponent(values[i++]!));
}

/** A UUID v4 for Idempotency-Key; `crypto.randomUUID` needs a secure context, so fall back. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') {
    try {
      return c.randomUUID();
    } catch {
      // Not a secure context: fall through.
    }
  }
  const bytes = c.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Normalises a base URL: absolute (against the document), no query/hash, no trailing slash. */
export function normaliseBaseUrl(baseUrl: string): string {
  const origin = typeof document !== 'undefined' ? document.baseURI : (globalThis.location?.href ?? 'http://localhost/');
  const url = new URL(baseUrl.trim() || '/', origin);
  url.hash = '';
  url.search = '';
  return url.href.replace(/\/+$/, '');
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** `AbortSignal.any` where the browser has it; a small equivalent where it does not. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}

/** `AbortSignal.timeout` where the browser has it; a timer otherwise. */
function timeoutSignal(ms: number): AbortSignal {
  if (typeof AbortSignal.timeout === 'function') return AbortSignal.timeout(ms);
  const controller = new AbortController();
  setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
  return controller.signal;
}

export class ApiClient {
  /** Normalised base URL (absolute, no trailing slash). */
  readonly baseUrl: string;
  /** The shared GET cache of this backend. */
  readonly cache: ApiCache;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryBaseMs: number;
  readonly retryMaxMs: number;
  readonly maxRetryAfterSeconds: number;
  #token: string | undefined;
  #fetch: typeof fetch;

  constructor(options: ApiClientOptions) {
    this.baseUrl = normaliseBaseUrl(options.baseUrl);
    this.#token = options.token || undefined;
    this.cache = options.cache ?? new ApiCache();
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 3;
    this.retryBaseMs = options.retryBaseMs ?? 300;
    this.retryMaxMs = options.retryMaxMs ?? 5_000;
    this.maxRetryAfterSeconds = options.maxRetryAfterSeconds ?? 30;
  }

  /** Whether the client sends a bearer token (the token itself is not readable). */
  get hasToken(): boolean {
    return this.#token !== undefined;
  }

  /** Absolute URL of a path below the base, with query parameters (undefined/null/'' skipped). */
  url(path: string, query?: RawRequest['query']): string {
    const url = new URL(this.baseUrl + path);
    // Sorted, so `{ a, b }` and `{ b, a }` are one URL and one cache entry.
    for (const [name, value] of Object.entries(query ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (value === undefined || value === null || value === '') continue;
      url.searchParams.set(name, String(value));
    }
    return url.href;
  }

  // ---------------------------------------------------------------- the contract's operations

  /** A GET of the contract through the shared cache, typed by its path template. */
  #read<P extends PathWith<'get'>>(template: P, values: PathValues<P>, options?: GetOptions, query?: QueryParamsOf<P, 'get'>): Promise<ResponseOf<P, 'get'>> {
    return this.get(fillPath(template, values), query as RawRequest['query'], options);
  }

  /** The cached answer of a GET of the contract, synchronously, or undefined. */
  #peek<P extends PathWith<'get'>>(template: P, values: PathValues<P>, query?: QueryParamsOf<P, 'get'>): ResponseOf<P, 'get'> | undefined {
    return this.peek(fillPath(template, values), query as RawRequest['query']);
  }

  /** A write of the contract; `idempotent`: it carries an Idempotency-Key (and so may be retried). */
  async #write<M extends Exclude<HttpMethod, 'GET'>, P extends PathWith<Lowercase<M>>>(
    method: M,
    template: P,
    values: PathValues<P>,
    body: RequestBodyOf<P, Lowercase<M>>,
    options: WriteOptions,
    idempotent: boolean,
  ): Promise<ResponseOf<P, Lowercase<M>>> {
    const { idempotencyKey, ...rest } = options;
    const path = fillPath(template, values);
    const response = await this.request<ResponseOf<P, Lowercase<M>>>({ ...rest, method, path, body, idempotencyKey: idempotent ? (idempotencyKey ?? true) : idempotencyKey });
    return response.data;
  }

  // ---------------------------------------------------------------- forums

  listForums(query: ForumListQuery = {}, options?: GetOptions): Promise<ForumPage> {
    return this.#read('/forums', [], options, query);
  }
  peekForums(query: ForumListQuery = {}): ForumPage | undefined {
    return this.#peek('/forums', [], query);
  }
  getForum(forumId: string, options?: GetOptions): Promise<Forum> {
    return this.#read('/forums/{forumId}', [forumId], options);
  }
  peekForum(forumId: string): Forum | undefined {
    return this.#peek('/forums/{forumId}', [forumId]);
  }
  /** The forum's "add to calendar" iCalendar file. */
  icsUrl(forumId: string): string {
    return this.url(fillPath('/forums/{forumId}/calendar.ics' satisfies PathWith<'get'>, [forumId]));
  }
  /** The subscribable iCalendar feed of forums matching the filters. */
  feedUrl(filters: FeedFilters = {}): string {
    return this.url('/forums/calendar.ics' satisfies PathWith<'get'>, filters);
  }

  // ---------------------------------------------------------------- signup

  getSignupForm(forumId: string, options?: GetOptions): Promise<SignupForm> {
    return this.#read('/forums/{forumId}/signup-form', [forumId], options);
  }
  peekSignupForm(forumId: string): SignupForm | undefined {
    return this.#peek('/forums/{forumId}/signup-form', [forumId]);
  }
  async createRegistration(forumId: string, input: RegistrationInput, options: WriteOptions = {}): Promise<RegistrationReceipt> {
    const receipt = await this.#write('POST', '/forums/{forumId}/registrations', [forumId], input, options, true);
    this.invalidateForum(forumId);
    return receipt;
  }
  /** The registration a cancel token belongs to (pass the cancel token as `token`). */
  getMyRegistration(cancelToken: string, options: RequestOptions = {}): Promise<RegistrationStatus> {
    return this.#read('/registrations/me', [], { ...options, token: cancelToken, cache: 'no-cache' });
  }
  async cancelMyRegistration(cancelToken: string, options: RequestOptions = {}): Promise<RegistrationStatus> {
    const registration = await this.#write('DELETE', '/registrations/me', [], undefined, { ...options, token: cancelToken }, false);
    this.invalidateForum(registration.forumId);
    return registration;
  }

  // ---------------------------------------------------------------- participants

  /**
   * Joins a live forum at a table; the returned `token` is the participant's bearer token. Sends
   * this browser's install key for the forum (unless `input` names one), so joining again from
   * the same browser returns the same participant.
   */
  join(forumId: string, input: JoinInput, options: WriteOptions = {}): Promise<ParticipantSession> {
    const body = { ...input, installKey: input.installKey ?? installKey(this.baseUrl, forumId) };
    return this.#write('POST', '/forums/{forumId}/participants', [forumId], body, options, true);
  }
  /** Who has joined: the count and one page of (anonymous) participants (facilitator). */
  listParticipants(forumId: string, query: ParticipantListQuery = {}, options?: GetOptions): Promise<ParticipantPage> {
    return this.#read('/forums/{forumId}/participants', [forumId], { cache: 'no-cache', ...options }, query);
  }
  /** Revokes a participant: its dots are released and its token stops working (facilitator). */
  async revokeParticipant(forumId: string, participantId: string, options: WriteOptions = {}): Promise<ParticipantRevoked> {
    const revoked = await this.#write('DELETE', '/forums/{forumId}/participants/{participantId}', [forumId, participantId], undefined, options, true);
    this.invalidateIdeas(forumId);
    this.invalidateForum(forumId);
    return revoked;
  }
  me(forumId: string, options?: GetOptions): Promise<Me> {
    return this.#read('/forums/{forumId}/participants/me', [forumId], { cache: 'no-cache', ...options });
  }
  listTables(forumId: string, options?: GetOptions): Promise<TableList> {
    return this.#read('/forums/{forumId}/tables', [forumId], options);
  }
  peekTables(forumId: string): TableList | undefined {
    return this.#peek('/forums/{forumId}/tables', [forumId]);
  }

  // ---------------------------------------------------------------- ideas

  listIdeas(forumId: string, query: IdeaListQuery = {}, options?: GetOptions): Promise<IdeaPage> {
    return this.#read('/forums/{forumId}/ideas', [forumId], options, query);
  }
  peekIdeas(forumId: string, query: IdeaListQuery = {}): IdeaPage | undefined {
    return this.#peek('/forums/{forumId}/ideas', [forumId], query);
  }
  async postIdea(forumId: string, input: IdeaInput, options: WriteOptions = {}): Promise<Idea> {
    const idea = await this.#write('POST', '/forums/{forumId}/ideas', [forumId], input, options, true);
    this.invalidateIdeas(forumId);
    return idea;
  }
  async moderateIdea(forumId: string, ideaId: string, patch: IdeaPatch, options: RequestOptions = {}): Promise<Idea> {
    const idea = await this.#write('PATCH', '/forums/{forumId}/ideas/{ideaId}', [forumId, ideaId], patch, options, false);
    this.invalidateIdeas(forumId);
    return idea;
  }
  async mergeIdea(forumId: string, ideaId: string, into: string, options: RequestOptions = {}): Promise<Idea> {
    const idea = await this.#write('POST', '/forums/{forumId}/ideas/{ideaId}/merge', [forumId, ideaId], { into }, options, false);
    this.invalidateIdeas(forumId);
    return idea;
  }
  async addVote(forumId: string, ideaId: string, options: WriteOptions = {}): Promise<VoteResult> {
    const result = await this.#write('POST', '/forums/{forumId}/ideas/{ideaId}/votes', [forumId, ideaId], undefined, options, true);
    this.invalidateIdeas(forumId);
    return result;
  }
  async retractVote(forumId: string, ideaId: string, options: WriteOptions = {}): Promise<VoteResult> {
    const result = await this.#write('DELETE', '/forums/{forumId}/ideas/{ideaId}/votes', [forumId, ideaId], undefined, options, true);
    this.invalidateIdeas(forumId);
    return result;
  }
  /** Opens or closes the voting round (facilitator). */
  async setVoting(forumId: string, input: VotingInput, options: RequestOptions = {}): Promise<Voting> {
    const voting = await this.#write('PUT', '/forums/{forumId}/voting', [forumId], input, options, false);
    this.invalidateForum(forumId);
    return voting;
  }

  // ---------------------------------------------------------------- results

  getResults(forumId: string, options?: GetOptions): Promise<ForumResult> {
    return this.#read('/forums/{forumId}/results', [forumId], options);
  }
  peekResults(forumId: string): ForumResult | undefined {
    return this.#peek('/forums/{forumId}/results', [forumId]);
  }
  getTotals(options?: GetOptions): Promise<Totals> {
    return this.#read('/results/totals', [], options);
  }
  peekTotals(): Totals | undefined {
    return this.#peek('/results/totals', []);
  }

  /** URL of the forum's event stream (never with a token: see `streamHeaders`). */
  eventsUrl(forumId: string, lastEventId?: string | null): string {
    return this.url(fillPath('/forums/{forumId}/events' satisfies PathWith<'get'>, [forumId]), { lastEventId: lastEventId ?? undefined });
  }

  /**
   * The headers an event stream of this client carries: its token's `Authorization` (a
   * facilitator's stream then includes hidden ideas), or undefined without a token.
   */
  streamHeaders(): Record<string, string> | undefined {
    return this.#token ? { Authorization: `Bearer ${this.#token}` } : undefined;
  }

  // ---------------------------------------------------------------- cache helpers

  /** Cache key of a GET of this client (its token's identity + URL). */
  cacheKey(path: string, query?: RawRequest['query'], token: string | undefined = this.#token): string {
    return this.cache.key(this.url(path, query), token);
  }
  /** The cached body of a GET, synchronously, or undefined. */
  peek<T>(path: string, query?: RawRequest['query']): T | undefined {
    return this.cache.peek<T>(this.cacheKey(path, query));
  }
  /** Hear new values of a cached GET (after revalidations and refetches). */
  onCached<T>(path: string, query: RawRequest['query'], listener: (value: T) => void): () => void {
    return this.cache.subscribe<T>(this.cacheKey(path, query), listener);
  }
  /** Marks a forum's cached reads stale: the forum, its sub-resources and the forum lists. */
  invalidateForum(forumId: string): void {
    const path = this.url(fillPath('/forums/{forumId}', [forumId]));
    this.cache.invalidatePath(path, { subtree: true });
    this.cache.invalidatePath(this.url('/forums'));
    this.cache.invalidatePath(this.url('/results/totals'));
  }
  /** Marks a forum's ideas, tables and counts stale. */
  invalidateIdeas(forumId: string): void {
    const base = this.url(fillPath('/forums/{forumId}', [forumId]));
    this.cache.invalidatePath(`${base}/ideas`, { subtree: true });
    this.cache.invalidatePath(`${base}/tables`);
    this.cache.invalidatePath(`${base}/participants/me`);
    this.cache.invalidatePath(base);
  }

  // ---------------------------------------------------------------- core

  /** A GET through the shared cache. */
  get<T>(path: string, query?: RawRequest['query'], options: GetOptions = {}): Promise<T> {
    const token = options.token ?? this.#token;
    const key = this.cacheKey(path, query, token);
    return this.cache.load<T>(
      key,
      async (signal) => (await this.request<T>({ ...options, signal, method: 'GET', path, query, token })).data,
      { signal: options.signal, mode: options.cache ?? 'default' },
    );
  }

  /**
   * One logical request: attempts, timeouts, retries, error mapping. Public for admin tools;
   * widgets use the typed methods.
   */
  async request<T>(req: RawRequest): Promise<ApiResponse<T>> {
    const key = req.idempotencyKey === true ? newIdempotencyKey() : req.idempotencyKey;
    const retryable = req.method === 'GET' || key !== undefined;
    const maxRetries = retryable ? (req.retries ?? this.retries) : 0;
    const url = this.url(req.path, req.query);
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = req.token ?? this.#token;
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (key !== undefined) headers['Idempotency-Key'] = key;
    let body: string | undefined;
    if (req.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(req.body);
    }
    const timeoutMs = req.timeoutMs ?? this.timeoutMs;

    for (let attempt = 0; ; attempt++) {
      req.signal?.throwIfAborted();
      let error: ApiError;
      try {
        return await this.#attempt<T>(url, req.method, headers, body, timeoutMs, req.signal);
      } catch (caught) {
        if (!(caught instanceof ApiError)) throw caught; // the caller's abort
        error = caught;
      }
      if (attempt >= maxRetries || !error.transient) throw error;
      let wait = this.#backoff(attempt);
      if (error instanceof RateLimitedError) {
        if (error.retryAfter > this.maxRetryAfterSeconds) throw error;
        wait = Math.max(wait, error.retryAfter * 1000);
      }
      await sleep(wait, req.signal);
    }
  }

  /**
   * Equal jitter: half of min(max, base·2^attempt), plus a random share of the other half, so
   * retries spread out but never come back at once.
   */
  #backoff(attempt: number): number {
    const cap = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** attempt);
    return Math.round(cap / 2 + Math.random() * (cap / 2));
  }

  async #attempt<T>(
    url: string,
    method: HttpMethod,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number,
    callerSignal: AbortSignal | undefined,
  ): Promise<ApiResponse<T>> {
    const timeout = timeoutSignal(timeoutMs);
    const signal = callerSignal ? anySignal([callerSignal, timeout]) : timeout;
    let response: Response;
    try {
      const init: RequestInit = { method, headers, credentials: 'omit', mode: 'cors', cache: 'no-store', signal, redirect: 'follow' };
      if (body !== undefined) init.body = body;
      response = await this.#fetch(url, init);
    } catch (error) {
      // No response at all: a backend on another origin that is up but does not allow this page
      // (CORS) is told apart from one that is down (diagnose.ts, fetched only now).
      const failure = this.#mapFailure(error, callerSignal, timeout, timeoutMs);
      throw failure instanceof NetworkError ? await import('./diagnose.js').then((d) => d.diagnoseFailure(failure, url), () => failure) : failure;
    }
    if (!response.ok) throw await errorFromResponse(response);
    let data: unknown;
    try {
      if (response.status === 204) data = undefined;
      else if (/json/i.test(response.headers.get('content-type') ?? '')) data = await response.json();
      else data = await response.text();
    } catch (error) {
      throw this.#mapFailure(error, callerSignal, timeout, timeoutMs);
    }
    return {
      data: data as T,
      status: response.status,
      headers: response.headers,
      replayed: response.headers.get('idempotent-replayed') === 'true',
    };
  }

  #mapFailure(error: unknown, callerSignal: AbortSignal | undefined, timeout: AbortSignal, timeoutMs: number): unknown {
    if (callerSignal?.aborted) return callerSignal.reason;
    if (timeout.aborted) {
      return new TimeoutError({ status: 0, code: 'timeout', title: `No answer within ${timeoutMs} ms`, cause: error });
    }
    return new NetworkError({
      status: 0,
      code: 'network',
      title: 'The server could not be reached',
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}
