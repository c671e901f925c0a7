/**
 * idempotency: a repeat with the same Idempotency-Key and body gets the first response again
 * (Idempotent-Replayed: true) and writes once; another body with the same key is 422; a
 * missing or malformed key where it is required is 400.
 */
import { randomUUID } from 'node:crypto';
import type { CheckContext, CheckDef } from '../runner.ts';
import { problemSummary, type Api } from '../http.ts';
import { validRegistration, type Forum, type Idea } from '../fixtures.ts';
import { check, expectFieldErrors, expectProblem, header } from './util.ts';
import { openForum } from './validation.ts';

type Receipt = { id: string; cancelToken: string; outcome: string };

async function seats(api: Api, forumId: string): Promise<number> {
  const f = (await api.call('GET /forums/{forumId}', { params: { forumId }, expect: 200 })).body as Forum;
  return f.registered + f.waitlisted;
}

async function cancel(ctx: CheckContext, token: string): Promise<void> {
  await ctx.api.call('DELETE /registrations/me', { token, expect: 200 });
}

const EP = 'POST /forums/{forumId}/registrations';

export const idempotencyChecks: CheckDef[] = [
  {
    group: 'idempotency',
    name: 'same key + same body → the first response again, Idempotent-Replayed: true, one registration',
    endpoint: EP,
    admin: true,
    async run(ctx) {
      const f = await ctx.fixtures.sharedOpenForum();
      const form = await ctx.fixtures.signupForm(ctx.api, f.id);
      const body = validRegistration(form, ctx.fixtures.tag());
      const key = randomUUID();
      const before = await seats(ctx.api, f.id);
      const first = await ctx.api.call(EP, { params: { forumId: f.id }, body, idempotencyKey: key, expect: 201 });
      try {
        const again = await ctx.api.call(EP, { params: { forumId: f.id }, body, idempotencyKey: key });
        check(again.status === first.status, EP, 'status', `a repeat with the same Idempotency-Key and body must get the first response again (${first.status}), got ${again.status}${problemSummary(again)}`);
        const a = first.body as Receipt;
        const b = again.body as Receipt;
        check(b.id === a.id, EP, 'id', `the repeat must return the first registration ${a.id} (got ${b.id})`);
        check(b.cancelToken === a.cancelToken, EP, 'cancelToken', 'the repeat must return the first response unchanged');
        check(header(again, 'idempotent-replayed') === 'true', EP, 'Idempotent-Replayed', `must be "true" on the repeat (got ${JSON.stringify(header(again, 'idempotent-replayed'))})`);
        check(header(first, 'idempotent-replayed') !== 'true', EP, 'Idempotent-Replayed', 'must not be "true" on the first response');
        const after = await seats(ctx.api, f.id);
        check(after === before + 1, 'GET /forums/{forumId}', 'registered + waitlisted', `two requests with one key must register once (${before} → ${after})`);
      } finally {
        await cancel(ctx, (first.body as Receipt).cancelToken);
      }
    },
  },
  {
    group: 'idempotency',
    name: 'same key + another body → 422 idempotency-key-reused, nothing written',
    endpoint: EP,
    admin: true,
    async run(ctx) {
      const f = await ctx.fixtures.sharedOpenForum();
      const form = await ctx.fixtures.signupForm(ctx.api, f.id);
      const key = randomUUID();
      const first = await ctx.api.call(EP, { params: { forumId: f.id }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: key, expect: 201 });
      try {
        const before = await seats(ctx.api, f.id);
        const other = await ctx.api.call(EP, { params: { forumId: f.id }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: key });
        expectProblem(other, 422, 'idempotency-key-reused');
        const after = await seats(ctx.api, f.id);
        check(after === before, 'GET /forums/{forumId}', 'registered + waitlisted', `the refused repeat changed the counts (${before} → ${after})`);
      } finally {
        await cancel(ctx, (first.body as Receipt).cancelToken);
      }
    },
  },
  {
    group: 'idempotency',
    name: 'missing or malformed Idempotency-Key where required → 400 naming header.Idempotency-Key',
    endpoint: EP,
    async run(ctx) {
      const f = await openForum(ctx);
      const form = await ctx.fixtures.signupForm(ctx.api, f.id);
      const before = await seats(ctx.api, f.id);
      const none = await ctx.api.call(EP, { params: { forumId: f.id }, body: validRegistration(form, ctx.fixtures.tag()) });
      expectFieldErrors(none, ['header.Idempotency-Key']);
      const long = await ctx.api.call(EP, { params: { forumId: f.id }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: 'k'.repeat(256) });
      expectFieldErrors(long, ['header.Idempotency-Key']);
      const after = await seats(ctx.api, f.id);
      check(after === before, 'GET /forums/{forumId}', 'registered + waitlisted', `a refused registration changed the counts (${before} → ${after})`);
    },
  },
  {
    group: 'idempotency',
    name: 'an idea posted twice with one key is stored once',
    endpoint: 'POST /forums/{forumId}/ideas',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      const before = ((await ctx.api.call('GET /forums/{forumId}', { params: { forumId }, expect: 200 })).body as Forum).ideas;
      const key = randomUUID();
      const opts = { params: { forumId }, token: lf.participants[1]!.token, body: { text: '같은 키로 두 번 보낸 제안' }, idempotencyKey: key };
      const a = (await ctx.api.call('POST /forums/{forumId}/ideas', { ...opts, expect: 201 })).body as Idea;
      const again = await ctx.api.call('POST /forums/{forumId}/ideas', opts);
      check(again.status === 201, again.endpoint, 'status', `a repeat with the same Idempotency-Key and body must get the first response again (201), got ${again.status}${problemSummary(again)}`);
      check((again.body as Idea).id === a.id, again.endpoint, 'id', `the repeat must return idea ${a.id} (got ${(again.body as Idea).id})`);
      check(header(again, 'idempotent-replayed') === 'true', again.endpoint, 'Idempotent-Replayed', `must be "true" on the repeat (got ${JSON.stringify(header(again, 'idempotent-replayed'))})`);
      const after = ((await ctx.api.call('GET /forums/{forumId}', { params: { forumId }, expect: 200 })).body as Forum).ideas;
      check(after === before + 1, 'GET /forums/{forumId}', 'ideas', `two posts with one key must store one idea (${before} → ${after})`);
    },
  },
  {
    group: 'idempotency',
    name: 'a vote sent twice with one key puts one dot',
    endpoint: 'POST /forums/{forumId}/ideas/{ideaId}/votes',
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.liveForum();
      const forumId = lf.forum.id;
      const p = await ctx.fixtures.join(ctx.api, forumId, lf.joinCode, 3);
      const idea = await ctx.fixtures.postIdea(ctx.api, forumId, p.token, '한 번만 세어야 하는 투표');
      const key = randomUUID();
      const opts = { params: { forumId, ideaId: idea.id }, token: p.token, idempotencyKey: key, expect: 201 };
      const a = (await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/votes', opts)).body as { votes: number; votesUsed: number };
      const b = (await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/votes', opts)).body as { votes: number; votesUsed: number };
      check(b.votes === a.votes && b.votesUsed === a.votesUsed, 'POST /forums/{forumId}/ideas/{ideaId}/votes', 'votes', `the repeat must return the first result (votes ${a.votes}/${b.votes}, votesUsed ${a.votesUsed}/${b.votesUsed})`);
      const now = (await ctx.api.call('GET /forums/{forumId}/ideas/{ideaId}', { params: { forumId, ideaId: idea.id }, expect: 200 })).body as Idea;
      check(now.votes === 1, 'GET /forums/{forumId}/ideas/{ideaId}', 'votes', `one vote sent twice with one key must count once (got ${now.votes})`);
    },
  },
];
