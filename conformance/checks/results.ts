/**
 * results (admin): publish a finished forum's results, record the city's response (the
 * timeline grows), and refuse invalid status moves with 409 invalid-transition.
 */
import type { CheckContext, CheckDef } from '../runner.ts';
import { validForumInput, validRegistration, type Forum, type Idea, type SignupForm } from '../fixtures.ts';
import { Skip } from '../http.ts';
import { SseTimeout } from '../sse.ts';
import { liveEvent, stream } from './live.ts';
import { check, expectFieldErrors, expectProblem, fail } from './util.ts';

type Proposal = { id: string; title: string; status: string; answer: string | null; timeline: { date: string; text: string; status?: string | null }[]; ideas: { id: string }[] };
type Result = { forumId: string; forum: Forum; stats: { ideas: number; votes: number; attended: number }; proposals: Proposal[] };

interface Finished {
  forum: Forum;
  ideas: Idea[];
}

const finishedCache = new WeakMap<object, Promise<Finished>>();

/** A forum of the kit's own that went live, got two ideas and a dot, and finished. */
function finishedForum(ctx: CheckContext): Promise<Finished> {
  let p = finishedCache.get(ctx.fixtures);
  if (!p) {
    p = (async () => {
      const lf = await ctx.fixtures.newLiveForum(ctx.api, 'results');
      const token = lf.participants[0]!.token;
      const a = await ctx.fixtures.postIdea(ctx.api, lf.forum.id, token, '마을버스 노선을 늘려 주세요');
      const b = await ctx.fixtures.postIdea(ctx.api, lf.forum.id, token, '공원에 그늘막을 설치해 주세요');
      await ctx.api.call('POST /forums/{forumId}/ideas/{ideaId}/votes', { params: { forumId: lf.forum.id, ideaId: a.id }, token, idempotencyKey: true, expect: 201 });
      const forum = await ctx.fixtures.setStatus(ctx.api, lf.forum.id, 'finished');
      return { forum, ideas: [a, b] };
    })();
    finishedCache.set(ctx.fixtures, p);
  }
  return p;
}

async function publish(ctx: CheckContext, fin: Finished): Promise<Result> {
  const res = await ctx.api.call('PUT /forums/{forumId}/results', {
    params: { forumId: fin.forum.id },
    token: ctx.adminToken!,
    body: {
      summary: '적합성 점검용 결과입니다.',
      attended: 2,
      proposals: [
        { title: '마을버스 노선 확대', ideaIds: [fin.ideas[0]!.id], category: '교통', department: '대중교통과' },
        { title: '공원 그늘막 설치', ideaIds: [fin.ideas[1]!.id], category: '환경', department: null },
      ],
    },
    expect: 200,
  });
  return res.body as Result;
}

export const resultsChecks: CheckDef[] = [
  {
    group: 'results',
    name: 'create a forum → 201 ForumAdmin with Location and joinCode; the public view hides the join code',
    endpoint: 'POST /forums',
    admin: true,
    async run(ctx) {
      const res = await ctx.api.call('POST /forums', { token: ctx.adminToken!, body: validForumInput('create and edit', { capacity: 5 }), idempotencyKey: true, expect: 201 });
      const f = res.body as Forum & { joinCode: string };
      check(res.headers.get('location'), res.endpoint, 'Location', 'the 201 must name the new forum in a Location header');
      check(f.status === 'announced', res.endpoint, 'status', `a new forum starts announced (got ${f.status})`);
      check(f.capacity === 5 && f.registered === 0 && f.waitlisted === 0, res.endpoint, 'capacity', `must be 5 with nobody registered (got ${f.capacity}, ${f.registered}, ${f.waitlisted})`);
      check(/^[A-Z0-9]{4,12}$/.test(f.joinCode), res.endpoint, 'joinCode', `must match ^[A-Z0-9]{4,12}$ like ForumInput.joinCode (got ${JSON.stringify(f.joinCode)})`);
      // GET /forums/{forumId} is validated against Forum (additionalProperties: false): a joinCode there fails.
      await ctx.api.call('GET /forums/{forumId}', { params: { forumId: f.id }, expect: 200 });
      const loc = res.headers.get('location')!;
      check(loc.endsWith(`/forums/${f.id}`), res.endpoint, 'Location', `must point at /forums/${f.id} (got ${JSON.stringify(loc)})`);
    },
  },
  {
    group: 'results',
    name: 'edit a forum; capacity below the confirmed registrations → 409; raising it promotes the waitlist',
    endpoint: 'PATCH /forums/{forumId}',
    admin: true,
    async run(ctx) {
      const token = ctx.adminToken!;
      const created = await ctx.fixtures.createForum(ctx.api, 'patch', { capacity: 2 });
      const forumId = created.id;
      await ctx.fixtures.setStatus(ctx.api, forumId, 'open');
      const form = await ctx.fixtures.signupForm(ctx.api, forumId);
      const reg = async () => (await ctx.api.call('POST /forums/{forumId}/registrations', { params: { forumId }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: true, expect: 201 })).body as { outcome: string; cancelToken: string };
      await reg();
      await reg();
      const third = await reg();
      check(third.outcome === 'waitlisted', 'POST /forums/{forumId}/registrations', 'outcome', `the third of 2 seats must be waitlisted (got ${third.outcome})`);
      const ep = 'PATCH /forums/{forumId}';
      expectProblem(await ctx.api.call(ep, { params: { forumId }, token, body: { capacity: 1 } }), 409);
      const up = await ctx.api.call(ep, { params: { forumId }, token, body: { capacity: 3, title: '[conformance] patched' }, expect: 200 });
      const f = up.body as Forum;
      check(f.title === '[conformance] patched' && f.capacity === 3, ep, 'title', `must apply the patch (got ${JSON.stringify(f.title)}, capacity ${f.capacity})`);
      check(f.registered === 3 && f.waitlisted === 0, ep, 'registered', `raising capacity must promote the waitlist (got ${f.registered} registered, ${f.waitlisted} waitlisted)`);
      const me = (await ctx.api.call('GET /registrations/me', { token: third.cancelToken, expect: 200 })).body as { outcome: string };
      check(me.outcome === 'confirmed', 'GET /registrations/me', 'outcome', `the promoted registration must be confirmed (got ${me.outcome})`);
    },
  },
  {
    group: 'results',
    name: "the forum's own questions: a required one unanswered → 400 naming answers.<id>",
    endpoint: 'PUT /forums/{forumId}/signup-form',
    admin: true,
    async run(ctx) {
      const f = await ctx.fixtures.createForum(ctx.api, 'questions');
      await ctx.fixtures.setStatus(ctx.api, f.id, 'open');
      const q = { id: 'motive', label: '참가 동기를 적어 주세요', kind: 'text', required: true, maxLength: 200 };
      const put = await ctx.api.call('PUT /forums/{forumId}/signup-form', { params: { forumId: f.id }, token: ctx.adminToken!, body: { questions: [q] }, expect: 200 });
      const form = put.body as SignupForm;
      check(form.questions.length === 1 && form.questions[0]!.id === 'motive', put.endpoint, 'questions', `must be the questions just put (got ${form.questions.map((x) => x.id).join(', ')})`);
      const body = validRegistration({ ...form, questions: [] }, ctx.fixtures.tag());
      const res = await ctx.api.call('POST /forums/{forumId}/registrations', { params: { forumId: f.id }, body, idempotencyKey: true });
      expectFieldErrors(res, ['answers.motive']);
      const ok = await ctx.api.call('POST /forums/{forumId}/registrations', { params: { forumId: f.id }, body: validRegistration(form, ctx.fixtures.tag()), idempotencyKey: true, expect: 201 });
      await ctx.api.call('DELETE /registrations/me', { token: (ok.body as { cancelToken: string }).cancelToken, expect: 200 });
    },
  },
  {
    group: 'results',
    name: 'publish results of a finished forum → 200 ForumResult, forum reported',
    endpoint: 'PUT /forums/{forumId}/results',
    admin: true,
    timeFactor: 2,
    async run(ctx) {
      const fin = await finishedForum(ctx);
      const before = await ctx.api.call('GET /forums/{forumId}/results', { params: { forumId: fin.forum.id } });
      expectProblem(before, 404, 'results-not-published');
      const badEp = 'PUT /forums/{forumId}/results';
      expectFieldErrors(await ctx.api.call(badEp, { params: { forumId: fin.forum.id }, token: ctx.adminToken!, body: { attended: -1, proposals: [{ ideaIds: [] }] } }), ['attended', 'proposals.0.title']);
      expectProblem(await ctx.api.call('GET /forums/{forumId}/results', { params: { forumId: fin.forum.id } }), 404, 'results-not-published');
      const r = await publish(ctx, fin);
      const ep = 'PUT /forums/{forumId}/results';
      check(r.forumId === fin.forum.id, ep, 'forumId', `must be ${fin.forum.id}`);
      check(r.stats.ideas === 2 && r.stats.votes === 1 && r.stats.attended === 2, ep, 'stats', `must count 2 ideas, 1 vote, 2 attended (got ${r.stats.ideas}, ${r.stats.votes}, ${r.stats.attended})`);
      check(r.proposals.length === 2 && r.proposals[0]!.title === '마을버스 노선 확대', ep, 'proposals', `must hold both proposals ranked by votes (got ${r.proposals.map((p) => p.title).join(', ')})`);
      check(r.proposals[0]!.ideas.some((i) => i.id === fin.ideas[0]!.id), ep, 'proposals[0].ideas', 'must list the idea the proposal came from');
      check(r.forum.status === 'reported', ep, 'forum.status', `must be reported (got ${r.forum.status})`);
      const got = (await ctx.api.call('GET /forums/{forumId}/results', { params: { forumId: fin.forum.id }, expect: 200 })).body as Result;
      check(got.proposals.length === 2, 'GET /forums/{forumId}/results', 'proposals', `must be the published ones (got ${got.proposals.length})`);
      const f = (await ctx.api.call('GET /forums/{forumId}', { params: { forumId: fin.forum.id }, expect: 200 })).body as Forum;
      check(f.status === 'reported' && f.resultsPublished === true, 'GET /forums/{forumId}', 'status', `must be reported with resultsPublished (got ${f.status}, ${f.resultsPublished})`);
    },
  },
  {
    group: 'results',
    name: "record the city's response → the proposal's timeline grows",
    endpoint: 'PUT /forums/{forumId}/proposals/{proposalId}/response',
    admin: true,
    timeFactor: 2,
    async run(ctx) {
      const fin = await finishedForum(ctx);
      let r = (await ctx.api.call('GET /forums/{forumId}/results', { params: { forumId: fin.forum.id } })).body as Result | undefined;
      if (!r?.proposals) r = await publish(ctx, fin);
      const p = r.proposals[0]!;
      const ep = 'PUT /forums/{forumId}/proposals/{proposalId}/response';
      const params = { forumId: fin.forum.id, proposalId: p.id };
      expectFieldErrors(await ctx.api.call(ep, { params, token: ctx.adminToken!, body: { status: 'maybe' } }), ['status']);
      const res = await ctx.api.call(ep, { params, token: ctx.adminToken!, body: { status: 'accepted', answer: '2027년 노선 개편에 반영합니다.', department: '대중교통과', date: '2026-12-01', note: '노선 개편안에 반영' }, expect: 200 });
      const after = res.body as Proposal;
      check(after.status === 'accepted' && after.answer === '2027년 노선 개편에 반영합니다.', ep, 'status', `must be accepted with the answer (got ${after.status}, ${JSON.stringify(after.answer)})`);
      check(after.timeline.length === p.timeline.length + 1, ep, 'timeline', `must grow by one entry (${p.timeline.length} → ${after.timeline.length})`);
      check(after.timeline.some((t) => t.date === '2026-12-01' && t.text === '노선 개편안에 반영'), ep, 'timeline', 'must hold the new dated entry');
      const res2 = await ctx.api.call(ep, { params, token: ctx.adminToken!, body: { status: 'partial' }, expect: 200 });
      check((res2.body as Proposal).timeline.length === after.timeline.length + 1, ep, 'timeline', 'a second response must append another entry');
      const again = (await ctx.api.call('GET /forums/{forumId}/results', { params: { forumId: fin.forum.id }, expect: 200 })).body as Result;
      const q = again.proposals.find((x) => x.id === p.id);
      check(q && q.status === 'partial' && q.timeline.length === after.timeline.length + 1, 'GET /forums/{forumId}/results', 'proposals[].timeline', 'the published results must show the responses');
    },
  },
  {
    group: 'results',
    name: 'invalid status moves → 409 invalid-transition',
    endpoint: 'POST /forums/{forumId}/status',
    admin: true,
    async run(ctx) {
      const f = await ctx.fixtures.createForum(ctx.api, 'transitions');
      const ep = 'POST /forums/{forumId}/status';
      const token = ctx.adminToken!;
      expectProblem(await ctx.api.call(ep, { params: { forumId: f.id }, token, body: { status: 'finished' } }), 409, 'invalid-transition');
      expectProblem(await ctx.api.call(ep, { params: { forumId: f.id }, token, body: { status: 'closed' } }), 409, 'invalid-transition');
      const live = await ctx.fixtures.setStatus(ctx.api, f.id, 'live');
      check(live.status === 'live', ep, 'status', `announced → live must be allowed (got ${live.status})`);
      expectProblem(await ctx.api.call(ep, { params: { forumId: f.id }, token, body: { status: 'open' } }), 409, 'invalid-transition');
      const fin = await ctx.fixtures.setStatus(ctx.api, f.id, 'finished');
      check(fin.status === 'finished', ep, 'status', `live → finished must be allowed (got ${fin.status})`);
      expectProblem(await ctx.api.call(ep, { params: { forumId: f.id }, token, body: { status: 'live' } }), 409, 'invalid-transition');
      const now = (await ctx.api.call('GET /forums/{forumId}', { params: { forumId: f.id }, expect: 200 })).body as Forum;
      check(now.status === 'finished', 'GET /forums/{forumId}', 'status', `refused moves must change nothing (got ${now.status})`);
    },
  },
  {
    group: 'results',
    name: "the results' lastEventId (optional) resumes the event stream without a gap",
    endpoint: 'GET /forums/{forumId}/results',
    admin: true,
    timeFactor: 2,
    async run(ctx) {
      const fin = await finishedForum(ctx);
      let r = (await ctx.api.call('GET /forums/{forumId}/results', { params: { forumId: fin.forum.id } })).body as (Result & { lastEventId?: string }) | undefined;
      if (!r?.proposals) r = await publish(ctx, fin);
      r = (await ctx.api.call('GET /forums/{forumId}/results', { params: { forumId: fin.forum.id }, expect: 200 })).body as Result & { lastEventId?: string };
      const ep = 'GET /forums/{forumId}/results';
      if (r.lastEventId === undefined) throw new Skip('the results carry no lastEventId (optional; without it a client fetches the results again once its stream is open)');
      check(/^[0-9]{1,15}$/.test(r.lastEventId), ep, 'lastEventId', `must be a numeric event id (got ${JSON.stringify(r.lastEventId)})`);
      const p = r.proposals[0]!;
      const s = await stream(ctx, fin.forum.id, r.lastEventId);
      try {
        // an answer recorded after the read: resuming from the read's lastEventId delivers it, and nothing the read already showed
        await ctx.api.call('PUT /forums/{forumId}/proposals/{proposalId}/response', {
          params: { forumId: fin.forum.id, proposalId: p.id },
          token: ctx.adminToken!,
          body: { status: 'reviewing' },
          expect: 200,
        });
        let e;
        try {
          e = await s.waitFor((x) => x.event === 'proposal.updated' || x.event === 'reset', ctx.timeoutMs / 2);
        } catch (err) {
          if (err instanceof SseTimeout) fail('GET /forums/{forumId}/events', 'proposal.updated', `resuming from the results' lastEventId ${r.lastEventId}, the recorded answer did not arrive (${err.message})`);
          throw err;
        }
        const le = liveEvent(ctx, e, fin.forum.id, s.events.indexOf(e));
        check(le.type === 'proposal.updated', ep, 'lastEventId', `resuming from the results' lastEventId ${r.lastEventId} must not need a reset`);
        check(Number(le.id) > Number(r.lastEventId), ep, 'lastEventId', `the answer recorded after the read must come after it (${le.id} ≤ ${r.lastEventId})`);
        const earlier = s.events.slice(0, s.events.indexOf(e)).filter((x) => x.id !== undefined);
        check(earlier.every((x) => Number(x.id) > Number(r.lastEventId)), ep, 'lastEventId', 'events already reflected in the results must not be replayed');
      } finally {
        s.close();
      }
    },
  },
  {
    group: 'results',
    name: 'publishing results of a forum that has not finished → 409',
    endpoint: 'PUT /forums/{forumId}/results',
    admin: true,
    async run(ctx) {
      const f = await ctx.fixtures.createForum(ctx.api, 'results too early');
      expectProblem(await ctx.api.call('PUT /forums/{forumId}/results', { params: { forumId: f.id }, token: ctx.adminToken!, body: { attended: 0, proposals: [] } }), 409);
    },
  },
];
