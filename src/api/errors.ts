/**
 * Typed errors for everything that can go wrong talking to a backend. Problem details
 * (RFC 9457) become an `ApiError` whose `kind` says what a widget should tell the person;
 * `code` is the contract's problem code (the last segment of `type`), e.g.
 * `vote-budget-exhausted`.
 */
import type { Problem } from './types.js';

export type ApiErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'rate-limited'
  | 'payload-too-large'
  | 'network'
  | 'timeout'
  | 'server'
  | 'http';

export interface ApiErrorInit {
  status: number;
  code: string;
  title: string;
  detail?: string;
  type?: string;
  fieldErrors?: Record<string, string>;
  problem?: Problem;
  retryAfter?: number;
  cause?: unknown;
}

/** Base class of every error the ApiClient throws (except an abort the caller asked for). */
export class ApiError extends Error {
  readonly kind: ApiErrorKind = 'http';
  /** HTTP status; 0 when no response arrived (network, timeout). */
  readonly status: number;
  /** The problem code: `validation`, `not-found`, `vote-budget-exhausted`, … */
  readonly code: string;
  /** The problem's `type` URI as the server sent it. */
  readonly type: string;
  readonly title: string;
  readonly detail: string | undefined;
  /** Offending fields by dotted path (`contact.value`), with the server's message. */
  readonly fieldErrors: Record<string, string>;
  /** The problem document as received, when there was one. */
  readonly problem: Problem | undefined;

  constructor(init: ApiErrorInit) {
    super(init.detail || init.title, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.status = init.status;
    this.code = init.code;
    this.type = init.type ?? init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? {};
    this.problem = init.problem;
  }

  /** Whether repeating the same request later may succeed. */
  get transient(): boolean {
    return false;
  }
}

export class ValidationError extends ApiError {
  override readonly kind = 'validation' as const;
}
export class UnauthorizedError extends ApiError {
  override readonly kind = 'unauthorized' as const;
}
export class ForbiddenError extends ApiError {
  override readonly kind = 'forbidden' as const;
}
export class NotFoundError extends ApiError {
  override readonly kind = 'not-found' as const;
  /** For `results-not-published`: when the results are expected, if known. */
  get expectedAt(): string | null {
    return this.problem?.expectedAt ?? null;
  }
}
/** 409/422: the write does not fit the resource's state; `code` says why. */
export class ConflictError extends ApiError {
  override readonly kind = 'conflict' as const;
  override get transient(): boolean {
    return this.code === 'idempotency-key-in-flight';
  }
}
export class PayloadTooLargeError extends ApiError {
  override readonly kind = 'payload-too-large' as const;
}
export class RateLimitedError extends ApiError {
  override readonly kind = 'rate-limited' as const;
  /** Seconds to wait before trying again. */
  readonly retryAfter: number;
  constructor(init: ApiErrorInit) {
    super(init);
    this.retryAfter = init.retryAfter ?? 1;
  }
  override get transient(): boolean {
    return true;
  }
}
/** No response: offline, DNS, CORS refusal, connection reset. */
export class NetworkError extends ApiError {
  override readonly kind = 'network' as const;
  /** The browser says it is offline. */
  readonly offline: boolean;
  constructor(init: ApiErrorInit) {
    super(init);
    this.offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  }
  override get transient(): boolean {
    return true;
  }
}
export class TimeoutError extends ApiError {
  override readonly kind = 'timeout' as const;
  override get transient(): boolean {
    return true;
  }
}
export class ServerError extends ApiError {
  override readonly kind = 'server' as const;
  override get transient(): boolean {
    return this.status === 502 || this.status === 503 || this.status === 504 || this.status === 500;
  }
}

const PROBLEM_PREFIX = '/problems/';

/** The problem code of a `type` URI (`https://…/problems/already-registered` → `already-registered`). */
export function problemCode(type: string | undefined, status: number): string {
  if (type && type !== 'about:blank') {
    const at = type.lastIndexOf(PROBLEM_PREFIX);
    const tail = at >= 0 ? type.slice(at + PROBLEM_PREFIX.length) : type.slice(type.lastIndexOf('/') + 1);
    if (tail) return tail;
  }
  return defaultCode(status);
}

const STATUS_CODES: Record<number, string> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  429: 'rate-limited',
};

function defaultCode(status: number): string {
  return STATUS_CODES[status] ?? (status >= 500 ? 'internal' : 'http');
}

/** Parses `Retry-After` (seconds or an HTTP date) into seconds, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && typeof (value as Problem).status === 'number';
}

/** Builds the typed error for an HTTP error response. Reads the body. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let problem: Problem | undefined;
  const contentType = response.headers.get('content-type') ?? '';
  if (/json/i.test(contentType)) {
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) problem = body;
    } catch {
      // A broken body still leaves the status to go by.
    }
  }
  const status = response.status;
  const fieldErrors: Record<string, string> = {};
  for (const e of problem?.errors ?? []) {
    if (e && typeof e.field === 'string' && !(e.field in fieldErrors)) fieldErrors[e.field] = e.message ?? e.code;
  }
  const retryAfter = parseRetryAfter(response.headers.get('retry-after')) ?? problem?.retryAfter;
  const init: ApiErrorInit = {
    status,
    code: problemCode(problem?.type, status),
    title: problem?.title || response.statusText || `HTTP ${status}`,
    fieldErrors,
  };
  if (problem?.type) init.type = problem.type;
  if (problem?.detail) init.detail = problem.detail;
  if (problem) init.problem = problem;
  if (retryAfter !== undefined) init.retryAfter = retryAfter;
  return createError(init);
}

/** The subclass that fits the status. */
export function createError(init: ApiErrorInit): ApiError {
  const { status } = init;
  if (status === 400) return new ValidationError(init);
  if (status === 401) return new UnauthorizedError(init);
  if (status === 403) return new ForbiddenError(init);
  if (status === 404 || status === 410) return new NotFoundError(init);
  if (status === 409 || status === 422) return new ConflictError(init);
  if (status === 413) return new PayloadTooLargeError(init);
  if (status === 429) return new RateLimitedError(init);
  if (status >= 500) return new ServerError(init);
  return new ApiError(init);
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}
