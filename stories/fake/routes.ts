/**
 * HTTP for the fake: a `Request` in, a `Response` out, every operation of api/openapi.yaml.
 *
 * The edge does what the reference server's does, in the same order: malformed path ids are 404,
 * then the bearer token (401 without / unknown, 403 for the wrong kind or another forum), then
 * the body (bounded, JSON), the Idempotency-Key (replay with `Idempotent-Replayed: true`, 422 for
 * another body), then validation — with the server's own zod schemas, so a 400 names the same
 * fields — and finally the store. Errors are problem+json via the server's `ProblemError`.
 */
import { z } from 'zod';
import { ProblemError, problemResponse, validationError, type FieldError } from '../../server/http/problem.ts';
import { check, illFormedStrings, isJsonType, jsonDepthExceeds, MAX_BODY_BYTES, MAX_JSON_DEPTH, wellFormed } from '../../server/http/validate.ts';
import {
  facilitatorInputSchema,
  parseRegistrationJson,
  feedQuery,
  forumListQuery,
  ideaListQuery,
  registrationListQuery,
  forumInputSchema,
  forumPatchSchema,
  ideaInputSchema,
  ideaPatchSchema,
  joinInputSchema,
  mergeInputSchema,
  participantListQuery,
  personalDataRequestSchema,
  registrationInputSchema,
  responseInputSchema,
  resultInputSchema,
  signupFormInputSchema,
  statusInputSchema,
  votingInputSchema,
} from '../../server/model/schemas.ts';
import { calendarFile } from './ics.ts';
import { join as joinParticipant, joinHolder, listParticipants, noteAuthor, revoke } from './participants.ts';
import { openEventStream, type OpenStream } from './sse.ts';
import { results, publishResults, respond, totals } from './results.ts';
import { cancel, contactKey, erasePersonalData, exportPersonalData, putQuestions, register, registrationOf, registrationStatus, signupForm, waitlistPosition } from './signup.ts';
import type { Principal, Store, TokenKind } from './store.ts';

export interface RouteContext {
  store: Store;
  /** Path of the API base on its origin, e.g. `/api`. */
  basePath: string;
  /** Origin of the API base (links in .ics files). */
  origin: string;
  streams: Set<OpenStream>;
  idempotency: Map<string, { body: string; status: number; response: string; headers: Record<string, string> }>;
  retryMs: number;
  heartbeatMs: number;
}

// ───────────────────────────── small helpers ─────────────────────────────

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  const h = new Headers(headers);
  h.set('Content-Type', 'application/json; charset=utf-8');
  h.set('Cache-Control', 'no-store');
  return new Response(JSON.stringify(body), { status, headers: h });
}



/** Opaque cursor: base64url of `{"o": offset}` (the server's format, without Node's Buffer). */
function encodeCursor(offset: number): string {
  return btoa(JSON.stringify({ o: offset })).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const v = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))) as { o?: unknown };
    if (typeof v.o === 'number' && Number.isInteger(v.o) && v.o >= 0) return v.o;
  } catch {
    /* fall through */
  }
  throw validationError([{ field: 'query.cursor', code: 'invalid_value', message: 'Unknown cursor; pass a nextCursor from a previous page.' }]);
}
function page<T>(rows: T[], offset: number, limit: number): { items: T[]; nextCursor: string | null } {
  return { items: rows.slice(offset, offset + limit), nextCursor: rows.length > offset + limit ? encodeCursor(offset + limit) : null };
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const INVALID_TEXT = 'Contains invalid Unicode (a lone UTF-16 surrogate); text must be well-formed.';

// ───────────────────────────── one request ─────────────────────────────

class Call {
  readonly method: string;
  readonly path: string;
  readonly url: URL;
  #who: Principal | null | undefined;
  #raw: { text: string; json: unknown } | undefined;

  constructor(
    readonly ctx: RouteContext,
    readonly req: Request,
  ) {
    this.url = new URL(req.url);
    this.method = req.method.toUpperCase();
    this.path = this.url.pathname.slice(ctx.basePath.length) || '/';
  }

  query<T extends z.ZodType>(schema: T): z.output<T> {
    const q = Object.fromEntries(this.url.searchParams);
    const broken = Object.entries(q).filter(([, v]) => !wellFormed(v)).map(([k]) => `query.${k}`);
    if (broken.length) throw validationError(broken.map((field) => ({ field, code: 'invalid_encoding', message: INVALID_TEXT })));
    return check(schema, q, 'query');
  }

  /** The caller, or null without an Authorization header; an unknown token is 401. */
  principal(): Principal | null {
    if (this.#who !== undefined) return this.#who;
    const h = this.req.headers.get('authorization');
    if (!h) return (this.#who = null);
    const m = /^Bearer\s+([\x21-\x7E]{8,512})\s*$/i.exec(h);
    if (!m) throw new ProblemError('unauthorized', 'Use "Authorization: Bearer <token>".', { headers: { 'WWW-Authenticate': 'Bearer' } });
    const p = this.ctx.store.tokens.get(m[1]!);
    if (!p) throw new ProblemError('unauthorized', 'The token is not known.', { headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' } });
    return (this.#who = p);
  }

  auth(kinds: readonly TokenKind[], forumId?: string): Principal {
    const p = this.principal();
    if (!p) throw new ProblemError('unauthorized', 'This needs a bearer token.', { headers: { 'WWW-Authenticate': 'Bearer' } });
    if (!kinds.includes(p.kind)) throw new ProblemError('forbidden', `This needs a ${kinds.join(' or ')} token.`);
    if (forumId !== undefined && p.kind !== 'admin' && p.forumId !== forumId) throw new ProblemError('forbidden', 'The token is for another forum.');
    return p;
  }

  async body(): Promise<{ text: string; json: unknown }> {
    if (this.#raw) return this.#raw;
    const buf = await this.req.arrayBuffer();
    if (buf.byteLength > 0 && !isJsonType(this.req.headers.get('content-type') ?? undefined)) {
      throw new ProblemError('unsupported-media-type', 'Send the body as JSON, with "Content-Type: application/json".');
    }
    if (buf.byteLength > MAX_BODY_BYTES) throw new ProblemError('payload-too-large', `The body may be at most ${MAX_BODY_BYTES} bytes.`);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    } catch {
      throw validationError([{ field: 'body', code: 'invalid_encoding', message: 'The body is not valid UTF-8.' }], 'The body is not valid UTF-8.');
    }
    if (text.trim() === '') return (this.#raw = { text, json: undefined });
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
    // text must be well-formed Unicode (no lone surrogates, which JSON's \uD800 escape carries)
    const broken = illFormedStrings(json);
    if (broken.length) throw validationError(broken.map((field) => ({ field, code: 'invalid_encoding', message: INVALID_TEXT })));
    return (this.#raw = { text, json });
  }

  /**
   * A write: body, Idempotency-Key (replay / 422), validation, then `run` — whose successful
   * response is kept for the key. A refused write is not kept: a repeat runs again.
   */
  async write<T>(
    opts: { who: Principal | null; idempotency: 'required' | 'optional'; parse?: (raw: { text: string; json: unknown }) => T },
    run: (input: T) => { status: number; body: unknown; headers?: Record<string, string> },
  ): Promise<Response> {
    const raw = await this.body();
    const key = this.req.headers.get('idempotency-key');
    if (key === null && opts.idempotency === 'required') {
      throw validationError([{ field: 'header.Idempotency-Key', code: 'required', message: 'Send a fresh Idempotency-Key (e.g. a UUID) with this request.' }]);
    }
    if (key !== null && !/^[\x21-\x7E]{1,255}$/.test(key)) {
      throw validationError([{ field: 'header.Idempotency-Key', code: 'invalid_format', message: 'The key must be 1–255 printable ASCII characters.' }]);
    }
    const slot = key === null ? null : JSON.stringify([opts.who?.token ?? 'anonymous', this.method, this.url.pathname, key]);
    if (slot !== null) {
      const kept = this.ctx.idempotency.get(slot);
      if (kept) {
        if (kept.body !== raw.text) throw new ProblemError('idempotency-key-reused', 'This Idempotency-Key was used with a different request body.');
        const headers = new Headers(kept.headers);
        headers.set('Content-Type', 'application/json; charset=utf-8');
        headers.set('Cache-Control', 'no-store');
        headers.set('Idempotent-Replayed', 'true');
        return new Response(kept.response, { status: kept.status, headers });
      }
    }
    const input = (opts.parse ? opts.parse(raw) : undefined) as T;
    const res = run(input);
    if (slot !== null) this.ctx.idempotency.set(slot, { body: raw.text, status: res.status, response: JSON.stringify(res.body), headers: res.headers ?? {} });
    return json(res.status, res.body, res.headers);
  }
}

function checkBody<T extends z.ZodType>(schema: T) {
  return (raw: { json: unknown }): z.output<T> => {
    if (raw.json === undefined) throw validationError([{ field: 'body', code: 'required', message: 'A JSON body is required.' }]);
    return check(schema, raw.json);
  };
}


function calendar(body: string, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'text/calendar; charset=utf-8', 'Content-Disposition': `inline; filename="${filename}"`, 'Cache-Control': 'public, max-age=300' },
  });
}

// ───────────────────────────── the routes ─────────────────────────────

type Handler = (c: Call, params: string[]) => Response | Promise<Response>;
const routes: [method: string, pattern: RegExp, handler: Handler][] = [];
const seg = '([^/]+)';
function route(method: string, path: string, handler: Handler): void {
  routes.push([method, new RegExp('^' + path.replace(/:[a-zA-Z]+/g, seg) + '$'), handler]);
}

/** A path id that cannot exist is 404, like an unknown one. */
function id(v: string | undefined, what: string): string {
  if (!v || !ID.test(v)) throw new ProblemError('not-found', `No such ${what}.`);
  return v;
}

route('GET', '/forums', (c) => {
  const q = c.query(forumListQuery);
  const offset = decodeCursor(q.cursor);
  const rows = c.ctx.store.listForums(q);
  const p = page(rows, offset, q.limit ?? 20);
  return json(200, { items: p.items.map((f) => c.ctx.store.toForum(f)), nextCursor: p.nextCursor });
});

route('POST', '/forums', async (c) => {
  const who = c.auth(['admin']);
  return c.write({ who, idempotency: 'optional', parse: checkBody(forumInputSchema) }, (input) => {
    const f = c.ctx.store.createForum(input);
    return { status: 201, body: c.ctx.store.toForumAdmin(f), headers: { Location: `${c.ctx.basePath}/forums/${f.id}` } };
  });
});

route('GET', '/forums/calendar.ics', (c) => {
  const q = c.query(feedQuery);
  const rows = c.ctx.store.listForums(q).slice(0, 1000);
  return calendar(calendarFile(rows, `${c.ctx.origin}/demo/signup.html?forum={id}`, c.ctx.store.now(), '남양주시 현답토론회'), 'hyeondap-forums.ics');
});

route('GET', '/forums/:id', (c, [fid]) => json(200, c.ctx.store.toForum(c.ctx.store.forum(id(fid, 'forum')))));

route('PATCH', '/forums/:id', async (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const who = c.auth(['admin']);
  return c.write({ who, idempotency: 'optional', parse: checkBody(forumPatchSchema) }, (p) => ({ status: 200, body: c.ctx.store.toForumAdmin(c.ctx.store.updateForum(forumId, p)) }));
});

route('GET', '/forums/:id/calendar.ics', (c, [fid]) => {
  const f = c.ctx.store.forum(id(fid, 'forum'));
  return calendar(calendarFile([f], `${c.ctx.origin}/demo/signup.html?forum={id}`, c.ctx.store.now(), f.title), `hyeondap-${f.id}.ics`);
});

route('POST', '/forums/:id/status', async (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const who = c.auth(['admin']);
  return c.write({ who, idempotency: 'optional', parse: checkBody(statusInputSchema) }, (input) => ({
    status: 200,
    body: c.ctx.store.toForumAdmin(c.ctx.store.setStatus(forumId, input.status)),
  }));
});

route('GET', '/forums/:id/signup-form', (c, [fid]) => json(200, signupForm(c.ctx.store.forum(id(fid, 'forum')))));

route('PUT', '/forums/:id/signup-form', async (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const who = c.auth(['admin']);
  return c.write({ who, idempotency: 'optional', parse: checkBody(signupFormInputSchema) }, (input) => ({ status: 200, body: putQuestions(c.ctx.store, forumId, input.questions) }));
});

route('POST', '/forums/:id/registrations', async (c, [fid]) => {
  const forumId = id(fid, 'forum');
  return c.write({ who: null, idempotency: 'required', parse: (raw: { json: unknown }) => (raw.json === undefined ? checkBody(registrationInputSchema)(raw) : parseRegistrationJson(raw.json)) }, (input) => ({ status: 201, body: register(c.ctx.store, forumId, input) }));
});

route('GET', '/forums/:id/registrations', (c, [fid]) => {
  const forumId = id(fid, 'forum');
  c.auth(['admin']);
  const q = c.query(registrationListQuery);
  const f = c.ctx.store.forum(forumId);
  const offset = decodeCursor(q.cursor);
  const order = { confirmed: 0, waitlisted: 1, cancelled: 2 } as const;
  const rows = f.registrations.filter((r) => !q.outcome || r.outcome === q.outcome).sort((a, b) => order[a.outcome] - order[b.outcome] || a.seq - b.seq);
  const p = page(rows, offset, q.limit ?? 20);
  return json(200, {
    items: p.items.map((r) => {
      const reg: Record<string, unknown> = { id: r.id, code: r.code, forumId: f.id, name: r.name, contact: r.contact ? { ...r.contact } : null, district: r.district, ageGroup: r.ageGroup, role: r.role };
      if (r.answers !== null) reg.answers = r.answers;
      if (r.accessibility !== null) reg.accessibility = r.accessibility;
      if (r.accessibilityNote !== null) reg.accessibilityNote = r.accessibilityNote;
      return Object.assign(reg, {
        outcome: r.outcome,
        waitlistPosition: waitlistPosition(f, r),
        createdAt: r.createdAt,
        consentVersion: r.consentVersion,
        consents: { ...r.consents },
        consentedAt: r.consentedAt,
        ...(r.erasedAt !== null ? { erasedAt: r.erasedAt } : {}),
      });
    }),
    nextCursor: p.nextCursor,
  });
});

route('GET', '/registrations/me', (c) => {
  const { f, r } = registrationOf(c.ctx.store, c.auth(['cancel']));
  return json(200, registrationStatus(f, r));
});

route('DELETE', '/registrations/me', async (c) => {
  const who = c.auth(['cancel']);
  return c.write({ who, idempotency: 'optional' }, () => ({ status: 200, body: cancel(c.ctx.store, who) }));
});

route('POST', '/forums/:id/participants', async (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const who = joinHolder(c.principal(), forumId);
  return c.write({ who: null, idempotency: 'optional', parse: checkBody(joinInputSchema) }, (input) => joinParticipant(c.ctx.store, forumId, input, who));
});

route('GET', '/forums/:id/participants', (c, [fid]) => {
  const forumId = id(fid, 'forum');
  c.auth(['facilitator', 'admin'], forumId);
  const q = c.query(participantListQuery);
  const offset = decodeCursor(q.cursor);
  const all = listParticipants(c.ctx.store, forumId);
  const p = page(all.rows, offset, q.limit ?? 100);
  return json(200, { total: all.total, revoked: all.revoked, items: p.items, nextCursor: p.nextCursor });
});

route('DELETE', '/forums/:id/participants/:participant', async (c, [fid, pid]) => {
  const forumId = id(fid, 'forum');
  const who = c.auth(['facilitator', 'admin'], forumId);
  const participantId = id(pid, 'participant');
  return c.write({ who, idempotency: 'optional' }, () => ({ status: 200, body: revoke(c.ctx.store, forumId, participantId) }));
});

route('GET', '/forums/:id/participants/me', (c, [fid]) => {
  const forumId = id(fid, 'forum');
  return json(200, c.ctx.store.me(forumId, c.auth(['participant', 'facilitator'], forumId)));
});

route('POST', '/forums/:id/facilitators', async (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const who = c.auth(['admin']);
  return c.write({ who, idempotency: 'optional', parse: checkBody(facilitatorInputSchema) }, (input) => ({
    status: 201,
    body: c.ctx.store.addFacilitator(forumId, input.name, input.table ?? null),
  }));
});

route('GET', '/forums/:id/tables', (c, [fid]) => json(200, { items: c.ctx.store.tables(c.ctx.store.forum(id(fid, 'forum'))) }));

route('PUT', '/forums/:id/voting', async (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const who = c.auth(['facilitator', 'admin'], forumId);
  return c.write({ who, idempotency: 'optional', parse: checkBody(votingInputSchema) }, (input) => {
    c.ctx.store.forum(forumId);
    return { status: 200, body: c.ctx.store.setVoting(forumId, input.open, input.durationSeconds) };
  });
});

route('GET', '/forums/:id/ideas', (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const q = c.query(ideaListQuery);
  const who = c.principal();
  if (who && who.kind !== 'admin' && who.forumId !== forumId) throw new ProblemError('forbidden', 'The token is for another forum.');
  if (q.include === 'all' && !(who && (who.kind === 'admin' || who.kind === 'facilitator'))) {
    throw new ProblemError('forbidden', 'Only facilitators and admins see hidden and merged ideas.');
  }
  const offset = decodeCursor(q.cursor);
  const f = c.ctx.store.forum(forumId);
  const p = page(c.ctx.store.listIdeas(f, q), offset, q.limit ?? 200);
  return json(200, { ...p, lastEventId: String(c.ctx.store.newestEventId(forumId)) });
});

route('POST', '/forums/:id/ideas', async (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const who = c.auth(['participant', 'facilitator'], forumId);
  const parse = (raw: { json: unknown }) => {
    const input = checkBody(ideaInputSchema)(raw);
    const text = input.text.trim();
    const errors: FieldError[] = [];
    if (text.length === 0) errors.push({ field: 'text', code: 'required', message: 'Write the idea (1–280 characters).' });
    if ([...text].length > 280) errors.push({ field: 'text', code: 'too_long', message: 'At most 280 characters.' });
    if (input.table !== undefined && who.kind !== 'facilitator') {
      errors.push({ field: 'table', code: 'forbidden_field', message: 'Only facilitators name the table; participants post at their own.' });
    }
    if (errors.length) throw validationError(errors);
    return { text, table: input.table };
  };
  return c.write({ who, idempotency: 'required', parse }, (input) => {
    const store = c.ctx.store;
    const f = store.forum(forumId);
    let table: number;
    if (who.kind === 'participant') {
      table = f.participants.get(who.subjectId ?? '')?.table ?? 1;
    } else {
      const t = input.table ?? f.facilitators.get(who.subjectId ?? '')?.table ?? null;
      if (t === null) throw validationError([{ field: 'table', code: 'required', message: 'Name the table the idea comes from.' }]);
      table = t;
    }
    const idea = store.postIdea(forumId, input.text, table);
    if (who.kind === 'participant') noteAuthor(store, forumId, idea.id, who.subjectId ?? '');
    return { status: 201, body: idea, headers: { Location: `${c.ctx.basePath}/forums/${forumId}/ideas/${idea.id}` } };
  });
});

route('GET', '/forums/:id/ideas/:idea', (c, [fid, iid]) => {
  const forumId = id(fid, 'forum');
  const f = c.ctx.store.forum(forumId);
  const who = c.principal();
  if (who && who.kind !== 'admin' && who.forumId !== forumId) throw new ProblemError('forbidden', 'The token is for another forum.');
  const idea = c.ctx.store.toIdea(f, c.ctx.store.idea(f, id(iid, 'idea')));
  // hidden ideas are for the forum's facilitators and admins only, as on the server
  if (idea.status === 'hidden' && !(who && (who.kind === 'admin' || who.kind === 'facilitator'))) throw new ProblemError('not-found', 'No such idea in this forum.');
  return json(200, idea);
});

route('PATCH', '/forums/:id/ideas/:idea', async (c, [fid, iid]) => {
  const forumId = id(fid, 'forum');
  const ideaId = id(iid, 'idea');
  const who = c.auth(['facilitator', 'admin'], forumId);
  return c.write({ who, idempotency: 'optional', parse: checkBody(ideaPatchSchema) }, (p) => ({ status: 200, body: c.ctx.store.moderate(forumId, ideaId, p) }));
});

route('POST', '/forums/:id/ideas/:idea/merge', async (c, [fid, iid]) => {
  const forumId = id(fid, 'forum');
  const ideaId = id(iid, 'idea');
  const who = c.auth(['facilitator', 'admin'], forumId);
  return c.write({ who, idempotency: 'optional', parse: checkBody(mergeInputSchema) }, (input) => ({ status: 200, body: c.ctx.store.merge(forumId, ideaId, input.into) }));
});

for (const add of [true, false]) {
  route(add ? 'POST' : 'DELETE', '/forums/:id/ideas/:idea/votes', async (c, [fid, iid]) => {
    const forumId = id(fid, 'forum');
    const ideaId = id(iid, 'idea');
    const who = c.auth(['participant'], forumId);
    return c.write({ who, idempotency: 'required' }, () => ({ status: add ? 201 : 200, body: c.ctx.store.vote(forumId, ideaId, who.subjectId ?? '', add) }));
  });
}

route('GET', '/forums/:id/events', (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const header = c.req.headers.get('last-event-id') ?? undefined;
  const query = c.url.searchParams.get('lastEventId') ?? undefined;
  const errors: FieldError[] = [];
  const ok = (v: string | undefined) => v === undefined || /^[0-9]{1,15}$/.test(v);
  if (!ok(header)) errors.push({ field: 'header.Last-Event-ID', code: 'invalid_format', message: 'Must be an event id (digits).' });
  if (!ok(query)) errors.push({ field: 'query.lastEventId', code: 'invalid_format', message: 'Must be an event id (digits).' });
  if (errors.length) throw validationError(errors);
  const who = c.principal();
  if (who && who.kind !== 'admin' && who.forumId !== forumId) throw new ProblemError('forbidden', 'The token is for another forum.');
  const f = c.ctx.store.forum(forumId);
  const moderator = who !== null && (who.kind === 'admin' || who.kind === 'facilitator');
  // the header wins: a reconnecting EventSource keeps its URL but sends the newer id there
  const last = header ?? query;
  return openEventStream(c.ctx.store, forumId, last === undefined ? null : Number(last), {
    ...(moderator ? {} : { hidden: () => new Set([...f.ideas.values()].filter((i) => i.status === 'hidden').map((i) => i.id)) }),
    retryMs: c.ctx.retryMs,
    heartbeatMs: c.ctx.heartbeatMs,
    open: c.ctx.streams,
    signal: c.req.signal,
  });
});

route('GET', '/forums/:id/results', (c, [fid]) => {
  const forumId = id(fid, 'forum');
  // the results (or their absence) and lastEventId describe the same moment, as on the server
  const lastEventId = String(c.ctx.store.newestEventId(forumId));
  try {
    return json(200, { ...results(c.ctx.store, forumId), lastEventId });
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'results-not-published') Object.assign(error.extra, { lastEventId });
    throw error;
  }
});

route('PUT', '/forums/:id/results', async (c, [fid]) => {
  const forumId = id(fid, 'forum');
  const who = c.auth(['admin']);
  return c.write({ who, idempotency: 'optional', parse: checkBody(resultInputSchema) }, (input) => {
    c.ctx.store.forum(forumId);
    return { status: 200, body: publishResults(c.ctx.store, forumId, input) };
  });
});

route('PUT', '/forums/:id/proposals/:proposal/response', async (c, [fid, pid]) => {
  const forumId = id(fid, 'forum');
  const proposalId = id(pid, 'proposal');
  const who = c.auth(['admin']);
  return c.write({ who, idempotency: 'optional', parse: checkBody(responseInputSchema) }, (input) => {
    c.ctx.store.forum(forumId);
    return { status: 200, body: respond(c.ctx.store, forumId, proposalId, input) };
  });
});

/** The person named by a contact in the body (never in a URL), normalised. */
function personalDataKey(raw: { json: unknown }): string {
  const input = checkBody(personalDataRequestSchema)(raw);
  const key = contactKey(input.contact, 'contact.value', []);
  if (key === null) {
    throw validationError([{ field: 'contact.value', code: 'invalid_format', message: input.contact.kind === 'phone' ? 'Not a Korean phone number.' : 'Not an e-mail address.' }]);
  }
  return key;
}

route('POST', '/admin/personal-data/export', async (c) => {
  c.auth(['admin']);
  return json(200, exportPersonalData(c.ctx.store, personalDataKey(await c.body())));
});

route('POST', '/admin/personal-data/erase', async (c) => {
  const who = c.auth(['admin']);
  return c.write({ who, idempotency: 'optional', parse: personalDataKey }, (key) => ({ status: 200, body: erasePersonalData(c.ctx.store, key) }));
});

route('GET', '/results/totals', (c) => json(200, totals(c.ctx.store, )));

/** Answer one request to the API (its URL already known to be under the base). */
export async function handle(ctx: RouteContext, req: Request): Promise<Response> {
  try {
    const call = new Call(ctx, req);
    for (const [method, pattern, handler] of routes) {
      if (method !== call.method) continue;
      const m = pattern.exec(call.path);
      if (!m) continue;
      return await handler(call, m.slice(1).map((s) => decodeURIComponent(s)));
    }
    throw new ProblemError('not-found', 'No such resource.');
  } catch (err) {
    if (err instanceof ProblemError) return problemResponse(err);
    // A bug in the fake: say so in the console (no request data), answer like the server.
    console.error('[hyeondap fake] internal error:', err);
    return problemResponse(new ProblemError('internal', 'Something went wrong on the server.'));
  }
}
