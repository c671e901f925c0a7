/** RFC 9457 problem details: the one error shape of the API. */

export const PROBLEM_BASE = 'https://hyeondap.example/problems/';

export type ProblemCode =
  | 'validation' | 'unauthorized' | 'forbidden' | 'not-found' | 'conflict' | 'signup-not-open'
  | 'signup-closed' | 'already-registered' | 'registration-cancelled' | 'forum-not-live'
  | 'voting-closed' | 'vote-budget-exhausted' | 'no-vote-to-retract' | 'invalid-transition'
  | 'invalid-merge' | 'idempotency-key-reused' | 'idempotency-key-in-flight'
  | 'results-not-published' | 'rate-limited' | 'payload-too-large' | 'unsupported-media-type'
  | 'service-unavailable' | 'internal' | 'participant-revoked';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

const DEFAULTS: Record<ProblemCode, [number, string]> = {
  validation: [400, 'The request is not valid'],
  unauthorized: [401, 'Authentication required'],
  forbidden: [403, 'Not allowed'],
  'not-found': [404, 'Not found'],
  conflict: [409, 'Conflict'],
  'signup-not-open': [409, 'Signup is not open'],
  'signup-closed': [409, 'Signup is closed'],
  'already-registered': [409, 'Already registered'],
  'registration-cancelled': [409, 'Registration cancelled'],
  'forum-not-live': [409, 'The forum is not live'],
  'voting-closed': [409, 'Voting is closed'],
  'vote-budget-exhausted': [409, 'No votes left'],
  'no-vote-to-retract': [409, 'No vote to retract'],
  'invalid-transition': [409, 'Invalid status transition'],
  'invalid-merge': [409, 'Invalid merge'],
  'idempotency-key-reused': [422, 'Idempotency-Key reused with another request'],
  'idempotency-key-in-flight': [409, 'A request with this Idempotency-Key is in progress'],
  'results-not-published': [404, 'Results are not published yet'],
  'rate-limited': [429, 'Too many requests'],
  'payload-too-large': [413, 'Request body too large'],
  'unsupported-media-type': [415, 'The body must be JSON'],
  'service-unavailable': [503, 'Too busy'],
  internal: [500, 'Internal server error'],
  'participant-revoked': [403, 'Participation revoked'],
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  expectedAt?: string | null;
  retryAfter?: number;
}

/** Throw one of these anywhere; the central error handler turns it into problem+json. */
export class ProblemError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly title: string;
  readonly errors?: FieldError[];
  readonly extra: Partial<ProblemBody>;
  readonly headers: Record<string, string>;

  constructor(
    code: ProblemCode,
    detail?: string,
    opts: { errors?: FieldError[]; extra?: Partial<ProblemBody>; headers?: Record<string, string>; status?: number } = {},
  ) {
    const [status, title] = DEFAULTS[code];
    super(detail ?? title);
    this.name = 'ProblemError';
    this.code = code;
    this.status = opts.status ?? status;
    this.title = title;
    if (opts.errors) this.errors = opts.errors;
    this.extra = opts.extra ?? {};
    this.headers = opts.headers ?? {};
  }

  body(): ProblemBody {
    const b: ProblemBody = { type: PROBLEM_BASE + this.code, title: this.title, status: this.status, detail: this.message };
    if (this.errors) b.errors = this.errors;
    return { ...b, ...this.extra };
  }
}

/** A 400 naming the fields. */
export function validationError(errors: FieldError[], detail?: string): ProblemError {
  const d = detail ?? `Invalid: ${[...new Set(errors.map((e) => e.field))].join(', ')}`;
  return new ProblemError('validation', d, { errors });
}

export function fieldError(field: string, code: string, message: string): FieldError {
  return { field, code, message };
}

export function problemResponse(p: ProblemError): Response {
  const headers = new Headers({ 'Content-Type': 'application/problem+json; charset=utf-8', 'Cache-Control': 'no-store' });
  for (const [k, v] of Object.entries(p.headers)) headers.set(k, v);
  return new Response(JSON.stringify(p.body()), { status: p.status, headers });
}

export const notFound = (what = 'resource'): ProblemError => new ProblemError('not-found', `No such ${what}.`);
