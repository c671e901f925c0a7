/**
 * capacity: seats are enforced atomically under concurrent signups, the waitlist is ordered,
 * cancelling promotes the first on the waitlist, and a cancel token cancels only its own.
 */
import type { CheckContext, CheckDef } from '../runner.ts';
import type { Api } from '../http.ts';
import { validRegistration, type Forum } from '../fixtures.ts';
import { check, expectProblem } from './util.ts';

type Receipt = { id: string; cancelToken: string; outcome: string; waitlistPosition: number | null };
type Status = { id: string; outcome: string; waitlistPosition: number | null; cancelledAt: string | null };
const EP = 'POST /forums/{forumId}/registrations';

async function openForumWith(ctx: CheckContext, capacity: number, purpose: string): Promise<Forum> {
  const f = await ctx.fixtures.createForum(ctx.api, purpose, { capacity });
  return ctx.fixtures.setStatus(ctx.api, f.id, 'open');
}

async function register(ctx: CheckContext, api: Api, forumId: string): Promise<Receipt> {
  const form = await ctx.fixtures.signupForm(api, forumId);
  return (await api.call(EP, { params: { forumId }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: true, expect: 201 })).body as Receipt;
}

async function me(ctx: CheckContext, token: string): Promise<Status> {
  return (await ctx.api.call('GET /registrations/me', { token, expect: 200 })).body as Status;
}

export const capacityChecks: CheckDef[] = [
  {
    group: 'capacity',
    name: '10 concurrent signups for 3 seats → 3 confirmed, 7 waitlisted at 1..7, status full',
    endpoint: EP,
    admin: true,
    timeFactor: 2,
    async run(ctx) {
      const f = await openForumWith(ctx, 3, 'capacity 3');
      const form = await ctx.fixtures.signupForm(ctx.api, f.id);
      const bodies = Array.from({ length: 10 }, () => validRegistration(form, ctx.fixtures.tag()));
      const res = await Promise.all(bodies.map((body) => ctx.api.call(EP, { params: { forumId: f.id }, body, idempotencyKey: true, expect: 201 })));
      const receipts = res.map((r) => r.body as Receipt);
      const confirmed = receipts.filter((r) => r.outcome === 'confirmed');
      const waitlisted = receipts.filter((r) => r.outcome === 'waitlisted');
      check(confirmed.length === 3, EP, 'outcome', `exactly 3 of 10 must be confirmed for 3 seats (got ${confirmed.length} confirmed, ${waitlisted.length} waitlisted)`);
      check(waitlisted.length === 7, EP, 'outcome', `7 of 10 must be waitlisted (got ${waitlisted.length})`);
      check(confirmed.every((r) => r.waitlistPosition === null), EP, 'waitlistPosition', 'must be null for confirmed registrations');
      const pos = waitlisted.map((r) => r.waitlistPosition).sort((a, b) => (a ?? 0) - (b ?? 0));
      check(pos.join(',') === '1,2,3,4,5,6,7', EP, 'waitlistPosition', `the waitlist must be numbered 1..7 (got ${pos.join(', ')})`);
      const after = (await ctx.api.call('GET /forums/{forumId}', { params: { forumId: f.id }, expect: 200 })).body as Forum;
      check(after.registered === 3, 'GET /forums/{forumId}', 'registered', `must be 3 (got ${after.registered})`);
      check(after.waitlisted === 7, 'GET /forums/{forumId}', 'waitlisted', `must be 7 (got ${after.waitlisted})`);
      check(after.status === 'full', 'GET /forums/{forumId}', 'status', `must be "full" when the seats are gone (got ${JSON.stringify(after.status)})`);
      const list = await ctx.api.call('GET /forums/{forumId}/registrations', { params: { forumId: f.id }, token: ctx.adminToken!, query: { limit: 100 }, expect: 200 });
      const items = (list.body as { items: { outcome: string; waitlistPosition: number | null }[] }).items;
      const order = items.map((r) => (r.outcome === 'confirmed' ? 'c' : `w${r.waitlistPosition}`)).join(',');
      check(order === 'c,c,c,w1,w2,w3,w4,w5,w6,w7', list.endpoint, 'items', `must list confirmed first, then the waitlist in order (got ${order})`);
      const wl = await ctx.api.call('GET /forums/{forumId}/registrations', { params: { forumId: f.id }, token: ctx.adminToken!, query: { outcome: 'waitlisted', limit: 100 }, expect: 200 });
      const wlItems = (wl.body as { items: { outcome: string }[] }).items;
      check(wlItems.length === 7 && wlItems.every((r) => r.outcome === 'waitlisted'), wl.endpoint, 'items[].outcome', `outcome=waitlisted must list the 7 waitlisted (got ${wlItems.length}: ${[...new Set(wlItems.map((r) => r.outcome))].join(', ')})`);
    },
  },
  {
    group: 'capacity',
    name: 'cancelling a seat promotes the first on the waitlist',
    endpoint: 'DELETE /registrations/me',
    admin: true,
    async run(ctx) {
      const f = await openForumWith(ctx, 1, 'capacity 1, promotion');
      const a = await register(ctx, ctx.api, f.id);
      const b = await register(ctx, ctx.api, f.id);
      const c = await register(ctx, ctx.api, f.id);
      check(a.outcome === 'confirmed' && b.waitlistPosition === 1 && c.waitlistPosition === 2, EP, 'outcome', `expected confirmed, waitlist 1, waitlist 2 (got ${a.outcome}, ${b.outcome} ${b.waitlistPosition}, ${c.outcome} ${c.waitlistPosition})`);
      const del = await ctx.api.call('DELETE /registrations/me', { token: a.cancelToken, expect: 200 });
      const cancelled = del.body as Status;
      check(cancelled.outcome === 'cancelled' && cancelled.cancelledAt !== null, del.endpoint, 'outcome', `must be cancelled with cancelledAt (got ${cancelled.outcome}, ${cancelled.cancelledAt})`);
      const sb = await me(ctx, b.cancelToken);
      check(sb.outcome === 'confirmed' && sb.waitlistPosition === null, 'GET /registrations/me', 'outcome', `the first on the waitlist must be promoted to confirmed (got ${sb.outcome}, position ${sb.waitlistPosition})`);
      const sc = await me(ctx, c.cancelToken);
      check(sc.outcome === 'waitlisted' && sc.waitlistPosition === 1, 'GET /registrations/me', 'waitlistPosition', `the second on the waitlist must move up to 1 (got ${sc.outcome}, ${sc.waitlistPosition})`);
      const forum = (await ctx.api.call('GET /forums/{forumId}', { params: { forumId: f.id }, expect: 200 })).body as Forum;
      check(forum.registered === 1 && forum.waitlisted === 1, 'GET /forums/{forumId}', 'registered', `expected 1 registered and 1 waitlisted (got ${forum.registered}, ${forum.waitlisted})`);
    },
  },
  {
    group: 'capacity',
    name: 'a cancel token cancels only its own registration; cancelling twice is harmless',
    endpoint: 'DELETE /registrations/me',
    admin: true,
    async run(ctx) {
      const f = await ctx.fixtures.sharedOpenForum();
      const a = await register(ctx, ctx.api, f.id);
      const b = await register(ctx, ctx.api, f.id);
      const s = await me(ctx, a.cancelToken);
      check(s.id === a.id, 'GET /registrations/me', 'id', `the cancel token must belong to registration ${a.id} (got ${s.id})`);
      await ctx.api.call('DELETE /registrations/me', { token: a.cancelToken, expect: 200 });
      const again = await ctx.api.call('DELETE /registrations/me', { token: a.cancelToken, expect: 200 });
      check((again.body as Status).outcome === 'cancelled', again.endpoint, 'outcome', 'a second cancel must return the cancelled registration');
      const sb = await me(ctx, b.cancelToken);
      check(sb.outcome === 'confirmed' && sb.cancelledAt === null, 'GET /registrations/me', 'outcome', `another registration must stay confirmed (got ${sb.outcome})`);
      await ctx.api.call('DELETE /registrations/me', { token: b.cancelToken, expect: 200 });
    },
  },
  {
    group: 'capacity',
    name: 'the same contact twice → 409 already-registered',
    endpoint: EP,
    admin: true,
    async run(ctx) {
      const f = await ctx.fixtures.sharedOpenForum();
      const form = await ctx.fixtures.signupForm(ctx.api, f.id);
      const body = validRegistration(form, ctx.fixtures.tag());
      const first = (await ctx.api.call(EP, { params: { forumId: f.id }, body, idempotencyKey: true, expect: 201 })).body as Receipt;
      try {
        expectProblem(await ctx.api.call(EP, { params: { forumId: f.id }, body, idempotencyKey: true }), 409, 'already-registered');
      } finally {
        await ctx.api.call('DELETE /registrations/me', { token: first.cancelToken, expect: 200 });
      }
    },
  },
  {
    group: 'capacity',
    name: 'signup before it opens → 409 signup-not-open; after it closes → 409 signup-closed',
    endpoint: EP,
    admin: true,
    async run(ctx) {
      const f = await ctx.fixtures.createForum(ctx.api, 'announced, not open');
      const form = await ctx.fixtures.signupForm(ctx.api, f.id);
      expectProblem(await ctx.api.call(EP, { params: { forumId: f.id }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: true }), 409, 'signup-not-open');
      await ctx.fixtures.setStatus(ctx.api, f.id, 'open');
      await ctx.fixtures.setStatus(ctx.api, f.id, 'closed');
      expectProblem(await ctx.api.call(EP, { params: { forumId: f.id }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: true }), 409, 'signup-closed');
      const now = (await ctx.api.call('GET /forums/{forumId}', { params: { forumId: f.id }, expect: 200 })).body as Forum;
      check(now.registered === 0 && now.waitlisted === 0, 'GET /forums/{forumId}', 'registered', `refused signups must not count (got ${now.registered}, ${now.waitlisted})`);
    },
  },
];
