/**
 * `ApiClient`: typed access to one backend that serves the Hyeondap contract.
 *
 * - Every request has a timeout (`AbortSignal.timeout`) combined with the caller's signal.
 * - Retries with exponential backoff and full jitter, only for GETs and for writes that carry
 *   an `Idempotency-Key` (generated once per logical attempt and reused on every retry; a caller
 *   may pass its own so a submission persisted across reloads keeps its key). 429 waits
 *   `Retry-After`.
 * - Errors come back as typed `ApiError`s (see `errors.ts`).
 * - `Authorization: Bearer` from the client's token (or a per-call token); never in URLs,
 *   never cookies (`credentials: 'omit'`).
 * - GETs go through the backend's shared `ApiCache` (stale-while-revalidate, deduped).
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

const enc = encodeURIComponent;

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

  // ---------------------------------------------------------------- forums

  listForums(query: ForumListQuery = {}, options?: GetOptions): Promise<ForumPage> {
    return this.get<ForumPage>('/forums', query, options);
  }
  peekForums(query: ForumListQuery = {}): ForumPage | undefined {
    return this.peek<ForumPage>('/forums', query);
  }
  getForum(forumId: string, options?: GetOptions): Promise<Forum> {
    return this.get<Forum>(`/forums/${enc(forumId)}`, undefined, options);
  }
  peekForum(forumId: string): Forum | undefined {
    return this.peek<Forum>(`/forums/${enc(forumId)}`);
  }
  /** The forum's "add to calendar" iCalendar file. */
  icsUrl(forumId: string): string {
    return this.url(`/forums/${enc(forumId)}/calendar.ics`);
  }
  /** The subscribable iCalendar feed of forums matching the filters. */
  feedUrl(filters: FeedFilters = {}): string {
    return this.url('/forums/calendar.ics', filters);
  }

  // ---------------------------------------------------------------- signup

  getSignupForm(forumId: string, options?: GetOptions): Promise<SignupForm> {
    return this.get<SignupForm>(`/forums/${enc(forumId)}/signup-form`, undefined, options);
  }
  peekSignupForm(forumId: string): SignupForm | undefined {
    return this.peek<SignupForm>(`/forums/${enc(forumId)}/signup-form`);
  }
  async createRegistration(forumId: string, input: RegistrationInput, options: WriteOptions = {}): Promise<RegistrationReceipt> {
    const res = await this.write<RegistrationReceipt>('POST', `/forums/${enc(forumId)}/registrations`, input, options, true);
    this.invalidateForum(forumId);
    return res;
  }
  /** The registration a cancel token belongs to (pass the cancel token as `token`). */
  getMyRegistration(cancelToken: string, options: RequestOptions = {}): Promise<RegistrationStatus> {
    return this.get<RegistrationStatus>('/registrations/me', undefined, { ...options, token: cancelToken, cache: 'no-cache' });
  }
  async cancelMyRegistration(cancelToken: string, options: RequestOptions = {}): Promise<RegistrationStatus> {
    const res = await this.write<RegistrationStatus>('DELETE', '/registrations/me', undefined, { ...options, token: cancelToken }, false);
    this.invalidateForum(res.forumId);
    return res;
  }

  // ---------------------------------------------------------------- participants

  /**
   * Joins a live forum at a table; the returned `token` is the participant's bearer token. Sends
   * this browser's install key for the forum (unless `input` names one), so joining again from
   * the same browser returns the same participant.
   */
  join(forumId: string, input: JoinInput, options: WriteOptions = {}): Promise<ParticipantSession> {
    const body = { ...input, installKey: input.installKey ?? installKey(this.baseUrl, forumId) };
    return this.write<ParticipantSession>('POST', `/forums/${enc(forumId)}/participants`, body, options, true);
  }
  /** Who has joined: the count and one page of (anonymous) participants (facilitator). */
  listParticipants(forumId: string, query: ParticipantListQuery = {}, options?: GetOptions): Promise<ParticipantPage> {
    return this.get<ParticipantPage>(`/forums/${enc(forumId)}/participants`, query, { cache: 'no-cache', ...options });
  }
  /** Revokes a participant: its dots are released and its token stops working (facilitator). */
  async revokeParticipant(forumId: string, participantId: string, options: WriteOptions = {}): Promise<ParticipantRevoked> {
    const res = await this.write<ParticipantRevoked>('DELETE', `/forums/${enc(forumId)}/participants/${enc(participantId)}`, undefined, options, true);
    this.invalidateIdeas(forumId);
    this.invalidateForum(forumId);
    return res;
  }
  me(forumId: string, options?: GetOptions): Promise<Me> {
    return this.get<Me>(`/forums/${enc(forumId)}/participants/me`, undefined, { cache: 'no-cache', ...options });
  }
  listTables(forumId: string, options?: GetOptions): Promise<TableList> {
    return this.get<TableList>(`/forums/${enc(forumId)}/tables`, undefined, options);
  }
  peekTables(forumId: string): TableList | undefined {
    return this.peek<TableList>(`/forums/${enc(forumId)}/tables`);
  }

  // ---------------------------------------------------------------- ideas

  listIdeas(forumId: string, query: IdeaListQuery = {}, options?: GetOptions): Promise<IdeaPage> {
    return this.get<IdeaPage>(`/forums/${enc(forumId)}/ideas`, query, options);
  }
  peekIdeas(forumId: string, query: IdeaListQuery = {}): IdeaPage | undefined {
    return this.peek<IdeaPage>(`/forums/${enc(forumId)}/ideas`, query);
  }
  async postIdea(forumId: string, input: IdeaInput, options: WriteOptions = {}): Promise<Idea> {
    const res = await this.write<Idea>('POST', `/forums/${enc(forumId)}/ideas`, input, options, true);
    this.invalidateIdeas(forumId);
    return res;
  }
  async moderateIdea(forumId: string, ideaId: string, patch: IdeaPatch, options: RequestOptions = {}): Promise<Idea> {
    const res = await this.write<Idea>('PATCH', `/forums/${enc(forumId)}/ideas/${enc(ideaId)}`, patch, options, false);
    this.invalidateIdeas(forumId);
    return res;
  }
  async mergeIdea(forumId: string, ideaId: string, into: string, options: RequestOptions = {}): Promise<Idea> {
    const res = await this.write<Idea>('POST', `/forums/${enc(forumId)}/ideas/${enc(ideaId)}/merge`, { into }, options, false);
    this.invalidateIdeas(forumId);
    return res;
  }
  async addVote(forumId: string, ideaId: string, options: WriteOptions = {}): Promise<VoteResult> {
    const res = await this.write<VoteResult>('POST', `/forums/${enc(forumId)}/ideas/${enc(ideaId)}/votes`, undefined, options, true);
    this.invalidateIdeas(forumId);
    return res;
  }
  async retractVote(forumId: string, ideaId: string, options: WriteOptions = {}): Promise<VoteResult> {
    const res = await this.write<VoteResult>('DELETE', `/forums/${enc(forumId)}/ideas/${enc(ideaId)}/votes`, undefined, options, true);
    this.invalidateIdeas(forumId);
    return res;
  }
  /** Opens or closes the voting round (facilitator). */
  async setVoting(forumId: string, input: VotingInput, options: RequestOptions = {}): Promise<Voting> {
    const res = await this.write<Voting>('PUT', `/forums/${enc(forumId)}/voting`, input, options, false);
    this.invalidateForum(forumId);
    return res;
  }

  // ---------------------------------------------------------------- results

  getResults(forumId: string, options?: GetOptions): Promise<ForumResult> {
    return this.get<ForumResult>(`/forums/${enc(forumId)}/results`, undefined, options);
  }
  peekResults(forumId: string): ForumResult | undefined {
    return this.peek<ForumResult>(`/forums/${enc(forumId)}/results`);
  }
  getTotals(options?: GetOptions): Promise<Totals> {
    return this.get<Totals>('/results/totals', undefined, options);
  }
  peekTotals(): Totals | undefined {
    return this.peek<Totals>('/results/totals');
  }

  /** URL of the forum's event stream (no token: the stream is public). */
  eventsUrl(forumId: string, lastEventId?: string | null): string {
    return this.url(`/forums/${enc(forumId)}/events`, { lastEventId: lastEventId ?? undefined });
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
    const path = this.url(`/forums/${enc(forumId)}`);
    this.cache.invalidatePath(path, { subtree: true });
    this.cache.invalidatePath(this.url('/forums'));
    this.cache.invalidatePath(this.url('/results/totals'));
  }
  /** Marks a forum's ideas, tables and counts stale. */
  invalidateIdeas(forumId: string): void {
    const base = this.url(`/forums/${enc(forumId)}`);
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

  private async write<T>(
    method: HttpMethod,
    path: string,
    body: unknown,
    options: WriteOptions,
    idempotent: boolean,
  ): Promise<T> {
    const { idempotencyKey, ...rest } = options;
    const res = await this.request<T>({
      ...rest,
      method,
      path,
      body,
      idempotencyKey: idempotent ? (idempotencyKey ?? true) : idempotencyKey,
    });
    return res.data;
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
        return await this.attempt<T>(url, req.method, headers, body, timeoutMs, req.signal);
      } catch (caught) {
        if (!(caught instanceof ApiError)) throw caught; // the caller's abort
        error = caught;
      }
      if (attempt >= maxRetries || !error.transient) throw error;
      let wait = this.backoff(attempt);
      if (error instanceof RateLimitedError) {
        if (error.retryAfter > this.maxRetryAfterSeconds) throw error;
        wait = Math.max(wait, error.retryAfter * 1000);
      }
      await sleep(wait, req.signal);
    }
  }

  /** Full jitter: a random wait up to min(max, base·2^attempt). */
  private backoff(attempt: number): number {
    const cap = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** attempt);
    return Math.round(cap / 2 + Math.random() * (cap / 2));
  }

  private async attempt<T>(
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
      throw this.mapFailure(error, callerSignal, timeout, timeoutMs);
    }
    if (!response.ok) throw await errorFromResponse(response);
    let data: unknown;
    try {
      if (response.status === 204) data = undefined;
      else if (/json/i.test(response.headers.get('content-type') ?? '')) data = await response.json();
      else data = await response.text();
    } catch (error) {
      throw this.mapFailure(error, callerSignal, timeout, timeoutMs);
    }
    return {
      data: data as T,
      status: response.status,
      headers: response.headers,
      replayed: response.headers.get('idempotent-replayed') === 'true',
    };
  }

  private mapFailure(error: unknown, callerSignal: AbortSignal | undefined, timeout: AbortSignal, timeoutMs: number): unknown {
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
