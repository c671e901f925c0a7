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

/** Read the body as text (bounded; 413 beyond MAX_BODY_BYTES) and parse JSON (400 when malformed). */
export async function readRawBody(c: Context): Promise<RawBody> {
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > MAX_BODY_BYTES) throw new ProblemError('payload-too-large', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  const buf = await c.req.arrayBuffer();
  if (buf.byteLength > MAX_BODY_BYTES) throw new ProblemError('payload-too-large', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw validationError([{ field: 'body', code: 'invalid_encoding', message: 'The body is not valid UTF-8.' }], 'The body is not valid UTF-8.');
  }
  if (text.trim() === '') return { text, json: undefined };
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
export const dateTime = z.iso.datetime({ offset: true, message: 'Must be an ISO 8601 date-time with an offset.' });
export const dateOnly = z.iso.date({ message: 'Must be a date YYYY-MM-DD.' });

/** An integer query parameter within bounds. */
export function intParam(min: number, max: number) {
  return z
    .string()
    .regex(/^-?[0-9]{1,9}$/, 'Must be an integer.')
    .transform(Number)
    .pipe(z.int().min(min).max(max));
}

export const cursorParam = z.string().max(200);

/** Opaque cursor: base64url JSON `{ o: offset }`. */
export function encodeCursor(offset: number): string {
  return encodeBase64url(JSON.stringify({ o: offset }));
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const v = JSON.parse(decodeBase64url(cursor)) as { o?: unknown };
    if (typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0) return v.o;
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
