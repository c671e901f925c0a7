/** Validation at the edge: JSON bodies and query strings through zod, errors as FieldError[]. */
import type { Context } from 'hono';
import { z } from 'zod';
import { decodeBase64url, encodeBase64url } from '../crypto.ts';
import { ProblemError, validationError, type FieldError } from './problem.ts';

export const MAX_BODY_BYTES = 64 * 1024;

type Issue = z.core.$ZodIssue;

function joinPath(prefix: string, path: PropertyKey[]): string {
  const parts = [prefix, ...path.map(String)].filter((p) => p !== '');
  return parts.length ? parts.join('.') : 'body';
}

function issueCode(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return (issue as { input?: unknown }).input === undefined ? 'required' : 'invalid_type';
    case 'too_big':
      return issue.origin === 'string' ? 'too_long' : 'too_big';
    case 'too_small':
      return issue.origin === 'string' ? (issue.minimum === 1 ? 'required' : 'too_short') : 'too_small';
    case 'invalid_format':
      return 'invalid_format';
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
      return 'invalid_value';
    case 'custom':
      return (issue.params as { code?: string } | undefined)?.code ?? 'invalid_value';
    default:
      return 'invalid_value';
  }
}

/** zod issues → one FieldError per offending field (unknown keys: one per key). */
export function issuesToErrors(issues: readonly Issue[], prefix = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ field: joinPath(prefix, [...issue.path, key]), code: 'unknown_field', message: `Unknown field "${key}".` });
      }
      continue;
    }
    const code = issueCode(issue);
    const message = code === 'required' ? 'This field is required.' : issue.message;
    out.push({ field: joinPath(prefix, issue.path), code, message });
  }
  return out;
}

export function check<T extends z.ZodType>(schema: T, data: unknown, prefix = ''): z.output<T> {
  const r = schema.safeParse(data, { reportInput: true });
  if (!r.success) throw validationError(issuesToErrors(r.error.issues, prefix));
  return r.data;
}

export interface RawBody {
  text: string;
  json: unknown;
}

/** JSON bodies may nest arrays and objects at most this deep (the contract's deepest is 4). */
export const MAX_JSON_DEPTH = 16;

/**
 * Requests whose body was read to its end. A body left unread (refused before reading, or cut
 * off at the limit) closes the connection after the answer (app.ts), so Node does not go on
 * reading it to keep the connection alive.
 */
export const bodyFullyRead = new WeakSet<Request>();

/** `application/json` or a `+json` type, with any parameters (`; charset=utf-8`). */
export function isJsonType(contentType: string | undefined): boolean {
  const type = contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

/** 413; the connection closes after it (the body was not read to its end: see app.ts). */
function tooLarge(): ProblemError {
  return new ProblemError('payload-too-large', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
}

/**
 * The body's bytes, counted as they arrive: at the first byte past MAX_BODY_BYTES reading stops
 * and the answer is 413 (the connection then closes). `Content-Length` alone is no limit: a
 * chunked body has none, and a declared one may lie.
 */
async function readBounded(c: Context): Promise<Uint8Array> {
  const declared = c.req.header('content-length');
  const announced = c.req.header('transfer-encoding') !== undefined || (declared !== undefined && declared !== '0');
  // a body must be JSON; a write without one (a vote, a cancellation) needs no Content-Type
  const json = isJsonType(c.req.header('content-type'));
  const notJson = () => new ProblemError('unsupported-media-type', 'Send the body as JSON, with "Content-Type: application/json".');
  if (announced && !json) throw notJson();
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) {
    bodyFullyRead.add(c.req.raw);
    return new Uint8Array(0);
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      // the client went away or was too slow (the server's request timeout): no internal error
      throw validationError([{ field: 'body', code: 'incomplete', message: 'The body did not arrive whole.' }], 'The body did not arrive whole.');
    }
    const { value, done } = next;
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      // stop reading without cancelling (cancelling would reset the socket before the 413 is sent)
      reader.releaseLock();
      throw tooLarge();
    }
    chunks.push(value);
  }
  bodyFullyRead.add(c.req.raw);
  // (a Request made in a page, as the Storybook fake's are, announces its body in no header)
  if (total > 0 && !json) throw notJson();
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * How deeply the JSON text nests arrays and objects, scanned without recursion and without
 * parsing; stops counting once past `limit`. (A bracket inside a string does not count.)
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) {
      inString = true;
    } else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) {
      depth--;
    }
  }
  return false;
}

/**
 * Read the body as text (bounded; 413 beyond MAX_BODY_BYTES) and parse JSON (400 when malformed,
 * or nested deeper than MAX_JSON_DEPTH — checked before anything walks the value).
 */
export async function readRawBody(c: Context): Promise<RawBody> {
  const buf = await readBounded(c);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw validationError([{ field: 'body', code: 'invalid_encoding', message: 'The body is not valid UTF-8.' }], 'The body is not valid UTF-8.');
  }
  if (text.trim() === '') return { text, json: undefined };
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    const message = `JSON may nest arrays and objects at most ${MAX_JSON_DEPTH} deep.`;
    throw validationError([{ field: 'body', code: 'too_deep', message }], `The body is nested too deeply: ${message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw validationError([{ field: 'body', code: 'invalid_json', message: 'The body is not valid JSON.' }], 'The body is not valid JSON.');
  }
  const broken = illFormedStrings(json);
  if (broken.length) throw validationError(broken.map((field) => ({ field, code: 'invalid_encoding', message: INVALID_TEXT })));
  return { text, json };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVALID_TEXT = 'Contains invalid Unicode (a lone UTF-16 surrogate); text must be well-formed.';

/** Is `s` well-formed UTF-16 (no lone surrogates, which JSON's \uD800 escapes can carry)? */
export function wellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

/**
 * Dotted paths of every string (or object key) in a JSON value that is not well-formed UTF-16.
 * Such text cannot be stored and read back as it was sent (SQLite stores UTF-8), so it is
 * refused at the edge instead of being silently altered.
 */
export function illFormedStrings(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (out.length >= 50) return out;
  if (typeof value === 'string') {
    if (!wellFormed(value)) out.push(path.length ? path.join('.') : 'body');
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => illFormedStrings(v, [...path, String(i)], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (!wellFormed(k)) out.push([...path, k].join('.'));
      else illFormedStrings(v, [...path, k], out);
    }
  }
  return out;
}

/** Validate an already read body; a missing body is one `body` error. */
export function checkBody<T extends z.ZodType>(schema: T, raw: RawBody): z.output<T> {
  if (raw.json === undefined) {
    throw validationError([{ field: 'body', code: 'required', message: 'A JSON body is required.' }]);
  }
  return check(schema, raw.json);
}

/** Validate the query string (unknown parameters are ignored). Errors name `query.<param>`. */
export function checkQuery<T extends z.ZodType>(c: Context, schema: T): z.output<T> {
  const q = c.req.query();
  const broken = Object.entries(q).filter(([, v]) => !wellFormed(v)).map(([k]) => `query.${k}`);
  if (broken.length) throw validationError(broken.map((field) => ({ field, code: 'invalid_encoding', message: INVALID_TEXT })));
  return check(schema, q, 'query');
}

// ---- shared field schemas ----

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1–64 characters A–Z, a–z, 0–9, _ or -.');
/**
 * Dates are taken between these years (UTC): a forum in the year 10000 has no ISO string of four
 * digits (`+010000-…`) and breaks calendar files; nothing real is that far off.
 */
export const DATE_YEARS = { min: 2000, max: 2100 } as const;
const inYears = (s: string) => {
  if (!/^[0-9]{4}-/.test(s)) return true; // not a date at all: the format check says so
  const year = new Date(s).getUTCFullYear();
  if (Number.isNaN(year)) return true;
  return year >= DATE_YEARS.min && year <= DATE_YEARS.max;
};
const yearsIssue = { message: `Must be in the years ${DATE_YEARS.min}–${DATE_YEARS.max}.`, params: { code: 'out_of_range' } };

export const dateTime = z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 date-time with an offset.' }).refine(inYears, yearsIssue);
export const dateOnly = z.iso.date({ message: 'Must be a date YYYY-MM-DD.' }).refine(inYears, yearsIssue);

/** An integer query parameter within bounds. */
export function intParam(min: number, max: number) {
  return z
    .string()
    .regex(/^-?[0-9]{1,9}$/, 'Must be an integer.')
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

export const cursorParam = z.string().max(200);

/** No list is this long; a larger offset (1e20 is an "integer" too) is a forged cursor. */
const MAX_CURSOR_OFFSET = 1_000_000_000;

/** Opaque cursor: base64url JSON `{ o: offset }`. */
export function encodeCursor(offset: number): string {
  return encodeBase64url(JSON.stringify({ o: offset }));
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const v = JSON.parse(decodeBase64url(cursor)) as { o?: unknown };
    if (typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0 && v.o <= MAX_CURSOR_OFFSET) return v.o;
  } catch {
    /* fall through */
  }
  throw validationError([{ field: 'query.cursor', code: 'invalid_value', message: 'Unknown cursor; pass a nextCursor from a previous page.' }]);
}

export function pathId(c: Context, name: string, what = 'resource'): string {
  const v = c.req.param(name) ?? '';
  // A malformed id names nothing that exists: 404, like an unknown one.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(v)) throw new ProblemError('not-found', `No such ${what}.`);
  return v;
}
