/** read: everything a resident's browser reads, checked on the backend's existing data. */
import type { CheckContext, CheckDef } from '../runner.ts';
import { Skip } from '../http.ts';
import type { Forum, Idea } from '../fixtures.ts';
import { check, expectProblem, fail, sortedAsc } from './util.ts';
import { liveEvent, stream } from './live.ts';

const MISSING_ID = 'conformance-no-such-forum';

async function forums(ctx: CheckContext): Promise<Forum[]> {
  return ctx.fixtures.existingForums();
}

/**
 * A forum of the backend's own that fits; on a backend without one, and with the admin token,
 * the kit's live forum (which has tables and an idea) when that fits.
 */
async function pick(ctx: CheckContext, what: string, pred: (f: Forum) => boolean = () => true): Promise<Forum> {
  const f = (await forums(ctx)).find(pred);
  if (f) return f;
  if (ctx.adminToken) {
    await ctx.fixtures.sharedIdea();
    const own = (await forums(ctx)).find(pred);
    if (own) return own;
  }
  throw new Skip(`the backend has no ${what} to check`);
}

/** Check an iCalendar body: CRLF lines, VCALENDAR with VERSION/PRODID, VEVENTs with UID, DTSTAMP, DTSTART, SUMMARY. */
export function checkIcs(endpoint: string, text: string, minEvents: number): number {
  return icsEvents(endpoint, text, minEvents).length;
}

/** RFC 5545 date-time (`20261203T050000Z`, or local with TZID=Asia/Seoul) → epoch ms; NaN when neither. */
export function icsInstant(prop: string): number {
  const m = /^[A-Z-]+((?:;[^:]*)?):(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(prop);
  if (!m) return NaN;
  const [, params, y, mo, d, h, mi, se, z] = m;
  const utc = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +se!);
  if (z) return utc;
  if (/;TZID=Asia\/Seoul(;|$)/.test(params!)) return utc - 9 * 3600_000;
  return NaN;
}

/** iCalendar times have whole seconds. */
const toSecond = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;

const unescapeText = (v: string) => v.replace(/\\([\\;,])/g, '$1').replace(/\\[nN]/g, '\n');

/** The VEVENTs of an iCalendar body as property lists, after the structural checks. */
export function icsEvents(endpoint: string, text: string, minEvents: number): string[][] {
  check(text.startsWith('BEGIN:VCALENDAR\r\n'), endpoint, '(body)', `must start with BEGIN:VCALENDAR and CRLF (got ${JSON.stringify(text.slice(0, 30))})`);
  check(/\r\nEND:VCALENDAR\r\n?$/.test(text), endpoint, '(body)', 'must end with END:VCALENDAR');
  const bare = /(^|[^\r])\n|\r(?!\n)/.exec(text);
  check(!bare, endpoint, '(body)', `every line must end with CRLF (RFC 5545 §3.1); found a bare ${bare?.[0].endsWith('\n') ? 'LF' : 'CR'} at offset ${bare?.index}`);
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  check(lines.includes('VERSION:2.0'), endpoint, 'VCALENDAR', 'VERSION:2.0 is missing');
  check(lines.some((l) => l.startsWith('PRODID:')), endpoint, 'VCALENDAR', 'PRODID is missing');
  const events: string[][] = [];
  let cur: string[] | null = null;
  for (const l of lines) {
    if (l === 'BEGIN:VEVENT') cur = [];
    else if (l === 'END:VEVENT' && cur) {
      events.push(cur);
      for (const prop of ['UID', 'DTSTAMP', 'DTSTART', 'SUMMARY']) {
        check(cur.some((x) => x.startsWith(prop + ':') || x.startsWith(prop + ';')), endpoint, `VEVENT[${events.length - 1}]`, `${prop} is missing`);
      }
      const tzids = cur.map((x) => /;TZID=([^;:]+)/.exec(x)?.[1]).filter(Boolean);
      for (const tz of tzids) check(lines.includes(`TZID:${tz}`), endpoint, `VEVENT[${events.length - 1}]`, `TZID=${tz} is used without its VTIMEZONE (RFC 5545 §3.2.19)`);
      cur = null;
    } else if (cur) cur.push(l);
  }
  check(events.length >= minEvents, endpoint, 'VEVENT', `expected at least ${minEvents} VEVENT, got ${events.length}`);
  return events;
}

/** The one VEVENT of a forum: its times are the forum's instants, its LOCATION the venue, and it links back. */
export function checkForumEvent(endpoint: string, ev: string[], forum: { startsAt: string; endsAt: string; title: string; venue: { name: string } }): void {
  const prop = (name: string) => ev.find((x) => x.startsWith(name + ':') || x.startsWith(name + ';'));
  const start = icsInstant(prop('DTSTART')!);
  check(!Number.isNaN(start), endpoint, 'DTSTART', `must be a UTC date-time or one with TZID=Asia/Seoul (got ${JSON.stringify(prop('DTSTART'))})`);
  check(start === toSecond(forum.startsAt), endpoint, 'DTSTART', `must be the forum's startsAt ${forum.startsAt} (got ${JSON.stringify(prop('DTSTART'))})`);
  const end = prop('DTEND');
  check(end, endpoint, 'DTEND', 'is missing (the forum has an end time)');
  check(icsInstant(end) === toSecond(forum.endsAt), endpoint, 'DTEND', `must be the forum's endsAt ${forum.endsAt} (got ${JSON.stringify(end)})`);
  const summary = unescapeText(prop('SUMMARY')!.replace(/^[^:]*:/, ''));
  check(summary.includes(forum.title), endpoint, 'SUMMARY', `must hold the forum's title ${JSON.stringify(forum.title)} (got ${JSON.stringify(summary)})`);
  const loc = prop('LOCATION');
  check(loc && unescapeText(loc.replace(/^[^:]*:/, '')).includes(forum.venue.name), endpoint, 'LOCATION', `must name the venue ${JSON.stringify(forum.venue.name)} (got ${JSON.stringify(loc ?? null)})`);
  const link = prop('URL') ?? (/https?:\/\//.test(prop('DESCRIPTION') ?? '') ? 'DESCRIPTION' : undefined);
  check(link, endpoint, 'URL', 'the event must link back to the forum (URL, or a link in DESCRIPTION)');
}

export const readChecks: CheckDef[] = [
  {
    group: 'read',
    name: 'lists forums, ordered by startsAt',
    endpoint: 'GET /forums',
    async run(ctx) {
      const res = await ctx.api.call('GET /forums', { expect: 200 });
      const items = (res.body as { items: Forum[] }).items;
      check(sortedAsc(items.map((f) => f.startsAt)), res.endpoint, 'items[].startsAt', 'must be in ascending order by default');
      const desc = await ctx.api.call('GET /forums', { query: { order: 'desc' }, expect: 200 });
      const d = (desc.body as { items: Forum[] }).items.map((f) => f.startsAt);
      check(sortedAsc([...d].reverse()), desc.endpoint, 'items[].startsAt', 'must be in descending order with order=desc');
    },
  },
  {
    group: 'read',
    name: 'pagination: follows nextCursor to the end, limit honoured, no duplicates',
    endpoint: 'GET /forums',
    async run(ctx) {
      const all = await forums(ctx);
      const seen = new Set<string>();
      let cursor: string | undefined;
      let pages = 0;
      for (;;) {
        const res = await ctx.api.call('GET /forums', { query: { limit: 2, cursor }, expect: 200 });
        const body = res.body as { items: Forum[]; nextCursor: string | null };
        pages++;
        check(body.items.length <= 2, res.endpoint, 'items', `limit=2 must give at most 2 items (got ${body.items.length})`);
        for (const f of body.items) {
          check(!seen.has(f.id), res.endpoint, 'items[].id', `forum ${f.id} came twice while paging (page ${pages})`);
          seen.add(f.id);
        }
        if (body.nextCursor === null) break;
        check(body.items.length > 0, res.endpoint, 'nextCursor', 'a page with no items must be the last (nextCursor null)');
        check(pages < 1000, res.endpoint, 'nextCursor', 'paging did not end after 1000 pages');
        cursor = body.nextCursor;
      }
      check(seen.size === all.length, 'GET /forums', 'nextCursor', `paging by 2 gave ${seen.size} forums, paging by 100 gave ${all.length}`);
      if (all.length > 1) {
        const one = await ctx.api.call('GET /forums', { query: { limit: 1 }, expect: 200 });
        const b = one.body as { items: Forum[]; nextCursor: string | null };
        check(b.items.length === 1, one.endpoint, 'items', `limit=1 must give 1 item (got ${b.items.length})`);
        check(b.nextCursor !== null, one.endpoint, 'nextCursor', 'must not be null while more forums follow');
      }
    },
  },
  {
    group: 'read',
    name: 'filters by status (one and comma-separated), topic and district',
    endpoint: 'GET /forums',
    async run(ctx) {
      const all = await forums(ctx);
      if (!all.length) throw new Skip('the backend has no forum to filter');
      const statuses = [...new Set(all.map((f) => f.status))];
      const s1 = statuses[0]!;
      const one = await ctx.fixtures.listAll(ctx.api, { status: s1 });
      check(one.every((f) => f.status === s1), 'GET /forums', 'items[].status', `status=${s1} returned ${one.find((f) => f.status !== s1)?.status}`);
      check(one.length === all.filter((f) => f.status === s1).length, 'GET /forums', 'items', `status=${s1} returned ${one.length} forums, the full list has ${all.filter((f) => f.status === s1).length}`);
      if (statuses.length > 1) {
        const pair = statuses.slice(0, 2);
        const two = await ctx.fixtures.listAll(ctx.api, { status: pair.join(',') });
        const want = all.filter((f) => pair.includes(f.status)).length;
        check(two.length === want && two.every((f) => pair.includes(f.status)), 'GET /forums', 'items[].status', `status=${pair.join(',')} returned ${two.length} forums (${[...new Set(two.map((f) => f.status))].join(', ')}), expected ${want}`);
      }
      const withTopic = all.find((f) => (f as unknown as { topics: string[] }).topics.length > 0);
      if (withTopic) {
        const topic = (withTopic as unknown as { topics: string[] }).topics[0]!;
        const byT = await ctx.fixtures.listAll(ctx.api, { topic });
        const want = all.filter((f) => (f as unknown as { topics: string[] }).topics.includes(topic)).length;
        check(byT.length === want && byT.every((f) => (f as unknown as { topics: string[] }).topics.includes(topic)), 'GET /forums', 'items[].topics', `topic=${topic} returned ${byT.length} forums, ${want} have that topic`);
      }
      const district = all[0]!.district;
      const byD = await ctx.fixtures.listAll(ctx.api, { district });
      check(byD.length > 0 && byD.every((f) => f.district === district), 'GET /forums', 'items[].district', `district=${district} returned ${byD.length} forums, some elsewhere: ${byD.filter((f) => f.district !== district).map((f) => f.district).join(', ')}`);
      check(byD.length === all.filter((f) => f.district === district).length, 'GET /forums', 'items', `district=${district} returned ${byD.length}, the full list has ${all.filter((f) => f.district === district).length}`);
    },
  },
  {
    group: 'read',
    name: 'one forum',
    endpoint: 'GET /forums/{forumId}',
    async run(ctx) {
      const f = await pick(ctx, 'forum');
      const res = await ctx.api.call('GET /forums/{forumId}', { params: { forumId: f.id }, expect: 200 });
      const got = res.body as Forum;
      check(got.id === f.id, res.endpoint, 'id', `must be ${f.id} (got ${got.id})`);
      check(got.title === f.title, res.endpoint, 'title', 'must match the list');
    },
  },
  {
    group: 'read',
    name: 'a missing forum is 404 problem+json',
    endpoint: 'GET /forums/{forumId}',
    async run(ctx) {
      const res = await ctx.api.call('GET /forums/{forumId}', { params: { forumId: MISSING_ID }, expect: 404 });
      expectProblem(res, 404);
      for (const ep of ['GET /forums/{forumId}/signup-form', 'GET /forums/{forumId}/tables', 'GET /forums/{forumId}/ideas', 'GET /forums/{forumId}/calendar.ics']) {
        expectProblem(await ctx.api.call(ep, { params: { forumId: MISSING_ID } }), 404);
      }
    },
  },
  {
    group: 'read',
    name: 'signup form',
    endpoint: 'GET /forums/{forumId}/signup-form',
    async run(ctx) {
      const f = await pick(ctx, 'forum');
      const res = await ctx.api.call('GET /forums/{forumId}/signup-form', { params: { forumId: f.id }, expect: 200 });
      const form = res.body as { forumId: string };
      check(form.forumId === f.id, res.endpoint, 'forumId', `must be ${f.id} (got ${form.forumId})`);
    },
  },
  {
    group: 'read',
    name: "a forum's .ics (VCALENDAR/VEVENT, CRLF, DTSTART, SUMMARY)",
    endpoint: 'GET /forums/{forumId}/calendar.ics',
    async run(ctx) {
      const f = await pick(ctx, 'forum');
      const res = await ctx.api.call('GET /forums/{forumId}/calendar.ics', { params: { forumId: f.id }, expect: 200 });
      const evs = icsEvents(res.endpoint, res.text, 1);
      check(evs.length === 1, res.endpoint, 'VEVENT', `must hold exactly one VEVENT (got ${evs.length})`);
      checkForumEvent(res.endpoint, evs[0]!, f as unknown as Parameters<typeof checkForumEvent>[2]);
    },
  },
  {
    group: 'read',
    name: 'the calendar feed',
    endpoint: 'GET /forums/calendar.ics',
    async run(ctx) {
      const all = await forums(ctx);
      const res = await ctx.api.call('GET /forums/calendar.ics', { expect: 200 });
      checkIcs(res.endpoint, res.text, all.length ? 1 : 0);
      if (all.length) {
        const district = all[0]!.district;
        const d = await ctx.api.call('GET /forums/calendar.ics', { query: { district }, expect: 200 });
        const want = all.filter((f) => f.district === district).length;
        const n = checkIcs(d.endpoint, d.text, 1);
        check(n === want, d.endpoint, 'VEVENT', `district=${district} must give ${want} VEVENT (got ${n})`);
      }
    },
  },
  {
    group: 'read',
    name: "a forum's tables",
    endpoint: 'GET /forums/{forumId}/tables',
    async run(ctx) {
      const f = await pick(ctx, 'forum with tables', (x) => x.tables > 0);
      const res = await ctx.api.call('GET /forums/{forumId}/tables', { params: { forumId: f.id }, expect: 200 });
      const items = (res.body as { items: { number: number }[] }).items;
      const nums = items.map((t) => t.number);
      check(nums.every((n, i) => i === 0 || nums[i - 1]! < n), res.endpoint, 'items[].number', `tables must be listed by number (got ${nums.join(', ')})`);
      check(items.length === f.tables, res.endpoint, 'items', `must list every table: the forum has ${f.tables} (got ${items.length})`);
    },
  },
  {
    group: 'read',
    name: "a forum's ideas (visible only) and one idea",
    endpoint: 'GET /forums/{forumId}/ideas',
    async run(ctx) {
      const f = await pick(ctx, 'forum with ideas', (x) => x.ideas > 0);
      const res = await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId: f.id }, query: { limit: 1000 }, expect: 200 });
      const page = res.body as { items: Idea[]; lastEventId: string; nextCursor: string | null };
      check(page.items.every((i) => i.forumId === f.id), res.endpoint, 'items[].forumId', `must be ${f.id}`);
      const hidden = page.items.find((i) => i.status !== 'visible');
      check(!hidden, res.endpoint, 'items[].status', `the public list must hold visible ideas only (idea ${hidden?.id} is ${hidden?.status})`);
      check(/^[0-9]{1,15}$/.test(page.lastEventId), res.endpoint, 'lastEventId', `must be a numeric event id (got ${JSON.stringify(page.lastEventId)})`);
      if (page.nextCursor === null) check(page.items.length === f.ideas, res.endpoint, 'items', `forum.ideas says ${f.ideas} visible ideas, the list has ${page.items.length}`);
      const first = page.items[0]!;
      const one = await ctx.api.call('GET /forums/{forumId}/ideas/{ideaId}', { params: { forumId: f.id, ideaId: first.id }, expect: 200 });
      check((one.body as Idea).id === first.id, one.endpoint, 'id', `must be ${first.id}`);
      const two = await ctx.api.call('GET /forums/{forumId}/ideas', { params: { forumId: f.id }, query: { sort: 'votes', limit: 1000 }, expect: 200 });
      const votes = (two.body as { items: Idea[] }).items.map((i) => i.votes);
      check(votes.every((v, i) => i === 0 || votes[i - 1]! >= v), two.endpoint, 'items[].votes', `sort=votes must list the most voted first (got ${votes.slice(0, 10).join(', ')})`);
    },
  },
  {
    group: 'read',
    name: 'the event stream, read only: text/event-stream, opens with retry:, valid events, unknown Last-Event-ID → reset',
    endpoint: 'GET /forums/{forumId}/events',
    async run(ctx) {
      const f = await pick(ctx, 'forum', (x) => x.status === 'live' || x.ideas > 0);
      const SSE = 'GET /forums/{forumId}/events';
      const s = await stream(ctx, f.id);
      try {
        const first = await s.firstLine(ctx.timeoutMs / 3).catch((err: Error) => fail(SSE, 'retry', err.message));
        check(first.startsWith('retry:'), SSE, 'retry', `the stream must open with a retry: field (first line ${JSON.stringify(first)})`);
      } finally {
        s.close();
      }
      const r = await stream(ctx, f.id, '999999999999999');
      try {
        const e = await r.next(ctx.timeoutMs / 3).catch((err: Error) => fail(SSE, 'reset', `no event after Last-Event-ID 999999999999999 (${err.message}); expected reset`));
        check(e, SSE, 'reset', 'the stream ended without a reset event');
        const le = liveEvent(ctx, e, f.id, 0);
        check(le.type === 'reset', SSE, 'event 1', `an unknown Last-Event-ID must give reset first (got ${le.type})`);
      } finally {
        r.close();
      }
    },
  },
  {
    group: 'read',
    name: 'results of a reported forum',
    endpoint: 'GET /forums/{forumId}/results',
    async run(ctx) {
      const f = await pick(ctx, 'reported forum', (x) => x.status === 'reported');
      const res = await ctx.api.call('GET /forums/{forumId}/results', { params: { forumId: f.id }, expect: 200 });
      const r = res.body as { forumId: string; proposals: { rank: number; votes: number }[] };
      check(r.forumId === f.id, res.endpoint, 'forumId', `must be ${f.id}`);
      const ranks = r.proposals.map((p) => p.rank);
      check(ranks.every((x, i) => x === i + 1), res.endpoint, 'proposals[].rank', `must be 1, 2, 3… in order (got ${ranks.join(', ')})`);
      const votes = r.proposals.map((p) => p.votes);
      check(votes.every((v, i) => i === 0 || votes[i - 1]! >= v), res.endpoint, 'proposals[].votes', `proposals are ranked by votes (got ${votes.join(', ')})`);
    },
  },
  {
    group: 'read',
    name: 'results not yet published: 404 results-not-published',
    endpoint: 'GET /forums/{forumId}/results',
    async run(ctx) {
      const f = await pick(ctx, 'forum without published results', (x) => x.status !== 'reported' && !x.resultsPublished);
      const res = await ctx.api.call('GET /forums/{forumId}/results', { params: { forumId: f.id }, expect: 404 });
      expectProblem(res, 404, 'results-not-published');
    },
  },
  {
    group: 'read',
    name: 'totals across forums',
    endpoint: 'GET /results/totals',
    async run(ctx) {
      const all = await forums(ctx);
      const res = await ctx.api.call('GET /results/totals', { expect: 200 });
      const t = res.body as { forums: number; reportedForums: number };
      check(t.forums === all.length, res.endpoint, 'forums', `must count every forum: the list has ${all.length} (got ${t.forums})`);
      const rep = all.filter((f) => f.status === 'reported').length;
      check(t.reportedForums === rep, res.endpoint, 'reportedForums', `the list has ${rep} reported forums (got ${t.reportedForums})`);
    },
  },
];
