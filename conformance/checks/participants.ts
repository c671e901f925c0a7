/**
 * live (one person, one set of dots): a browser joining again with its install key or its own
 * token is the participant it already is; a facilitator sees who joined and revokes a
 * participant, whose dots are released live and whose token and install key stop working.
 * Each check uses a forum of its own (the kit's, with the admin token).
 */
import { randomBytes } from 'node:crypto';
import type { CheckContext, CheckDef } from '../runner.ts';
import { SseTimeout, type SseEvent } from '../sse.ts';
import type { Session } from '../fixtures.ts';
import { stream } from './live.ts';
import { check, expectFieldErrors, expectProblem, fail } from './util.ts';

const JOIN = 'POST /forums/{forumId}/participants';
const LIST = 'GET /forums/{forumId}/participants';
const REVOKE = 'DELETE /forums/{forumId}/participants/{participantId}';
const SSE = 'GET /forums/{forumId}/events';

const newKey = () => randomBytes(24).toString('base64url');

async function joinWith(ctx: CheckContext, forumId: string, joinCode: string, body: Record<string, unknown>, expect: number | number[], token?: string): Promise<Session> {
  const res = await ctx.api.call(JOIN, { params: { forumId }, body: { joinCode, table: 1, ...body }, idempotencyKey: true, expect, ...(token ? { token } : {}) });
  return res.body as Session;
}

async function participantsOf(ctx: CheckContext, forumId: string): Promise<number> {
  return ((await ctx.api.call('GET /forums/{forumId}', { params: { forumId }, expect: 200 })).body as { participants: number }).participants;
}

export const participantChecks: CheckDef[] = [
  {
    group: 'live',
    name: 'joining again from the same browser (install key, or its own token) is the same participant; a stranger is not',
    endpoint: JOIN,
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.newLiveForum(ctx.api, 'one person, one set of dots');
      const forumId = lf.forum.id;
      const before = await participantsOf(ctx, forumId);
      const key = newKey();
      const first = await joinWith(ctx, forumId, lf.joinCode, { installKey: key, table: 3 }, 201);
      const again = await joinWith(ctx, forumId, lf.joinCode, { installKey: key, table: 4 }, 200);
      check(again.participantId === first.participantId, JOIN, 'participantId', `the same install key must return the same participant (${first.participantId}, got ${again.participantId})`);
      check(again.table === 4, JOIN, 'table', `a returning participant moves to the table it names (4, got ${again.table})`);
      const me = (await ctx.api.call('GET /forums/{forumId}/participants/me', { params: { forumId }, token: again.token, expect: 200 })).body as { id: string };
      check(me.id === first.participantId, 'GET /forums/{forumId}/participants/me', 'id', 'the token of a returning join must be the same participant');
      const byToken = await joinWith(ctx, forumId, lf.joinCode, {}, 200, first.token);
      check(byToken.participantId === first.participantId && byToken.token === first.token, JOIN, 'token', 'a join with the participant token must return that participant and that token');
      const after = await participantsOf(ctx, forumId);
      check(after === before + 1, 'GET /forums/{forumId}', 'participants', `three joins from one browser are one participant (${before} → ${after})`);

      const bare = await joinWith(ctx, forumId, lf.joinCode, {}, 201);
      const other = await joinWith(ctx, forumId, lf.joinCode, { installKey: newKey() }, 201);
      check(bare.participantId !== first.participantId && other.participantId !== first.participantId, JOIN, 'participantId', 'the join code alone, or another install key, must not give someone else’s participant');
      expectFieldErrors(await ctx.api.call(JOIN, { params: { forumId }, body: { joinCode: lf.joinCode, table: 1, installKey: 'short' }, idempotencyKey: true }), ['installKey']);
      expectProblem(await ctx.api.call(JOIN, { params: { forumId }, body: { joinCode: lf.joinCode, table: 1, installKey: key }, token: lf.facilitator.token, idempotencyKey: true }), 403);
    },
  },
  {
    group: 'live',
    name: 'a facilitator sees who joined and revokes a participant: dots released live, token and install key refused',
    endpoint: REVOKE,
    admin: true,
    async run(ctx) {
      const lf = await ctx.fixtures.newLiveForum(ctx.api, 'revoke a participant');
      const forumId = lf.forum.id;
      const key = newKey();
      const p = await joinWith(ctx, forumId, lf.joinCode, { installKey: key, table: 2 }, 201);
      const idea = await ctx.fixtures.postIdea(ctx.api, forumId, lf.participants[0]!.token, '철회 점검용 제안');
      await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/votes', { params: { forumId, ideaId: idea.id }, token: lf.participants[0]!.token, idempotencyKey: true, expect: 201 });
      await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/votes', { params: { forumId, ideaId: idea.id }, token: p.token, idempotencyKey: true, expect: 201 });

      expectProblem(await ctx.api.call(LIST, { params: { forumId } }), 401);
      expectProblem(await ctx.api.call(LIST, { params: { forumId }, token: p.token }), 403);
      const list = (await ctx.api.call(LIST, { params: { forumId }, token: lf.facilitator.token, expect: 200 })).body as { total: number; items: { id: string; votesUsed: number }[] };
      check(list.total === 3, LIST, 'total', `two participants of the kit and one more joined (got ${list.total})`);
      const row = list.items.find((i) => i.id === p.participantId);
      check(row?.votesUsed === 1, LIST, 'items[].votesUsed', `the participant used 1 dot (got ${JSON.stringify(row)})`);

      expectProblem(await ctx.api.call(REVOKE, { params: { forumId, participantId: p.participantId } }), 401);
      expectProblem(await ctx.api.call(REVOKE, { params: { forumId, participantId: p.participantId }, token: lf.participants[0]!.token }), 403);
      const s = await stream(ctx, forumId);
      try {
        const res = await ctx.api.call(REVOKE, { params: { forumId, participantId: p.participantId }, token: lf.facilitator.token, expect: 200 });
        const body = res.body as { votesReleased: number; participants: number };
        check(body.votesReleased === 1, REVOKE, 'votesReleased', `1 dot released (got ${body.votesReleased})`);
        check(body.participants === 2, REVOKE, 'participants', `2 participants left (got ${body.participants})`);
        const parse = (e: SseEvent) => {
          try {
            return JSON.parse(e.data) as { type: string; data: Record<string, unknown> };
          } catch {
            return undefined;
          }
        };
        try {
          const v = await s.waitFor((e) => parse(e)?.type === 'vote.changed' && parse(e)?.data.ideaId === idea.id, ctx.timeoutMs / 3);
          check(parse(v)!.data.votes === 1, SSE, 'vote.changed data.data.votes', `the idea's dots after the release: 1 (got ${JSON.stringify(parse(v)!.data.votes)})`);
          const c = await s.waitFor((e) => parse(e)?.type === 'participants.changed', ctx.timeoutMs / 3);
          check(parse(c)!.data.participants === 2, SSE, 'participants.changed data.data.participants', `2 after the revocation (got ${JSON.stringify(parse(c)!.data.participants)})`);
        } catch (err) {
          if (err instanceof SseTimeout) fail(SSE, 'vote.changed', `the revocation did not go out live (${err.message})`);
          throw err;
        }
      } finally {
        s.close();
      }
      expectProblem(await ctx.api.call('GET /forums/{forumId}/participants/me', { params: { forumId }, token: p.token }), 401);
      expectProblem(await ctx.api.call(JOIN, { params: { forumId }, body: { joinCode: lf.joinCode, table: 2, installKey: key }, idempotencyKey: true }), 403, 'participant-revoked');
      check((await participantsOf(ctx, forumId)) === 2, 'GET /forums/{forumId}', 'participants', 'a revoked participant no longer counts as joined');
      const twice = (await ctx.api.call(REVOKE, { params: { forumId, participantId: p.participantId }, token: lf.facilitator.token, expect: 200 })).body as { votesReleased: number };
      check(twice.votesReleased === 0, REVOKE, 'votesReleased', `revoking again releases nothing (got ${twice.votesReleased})`);
    },
  },
];
