/**
 * The demo seed: deterministic, believable, and what the API shows after loading it agrees
 * with what was generated.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type OpenDatabase } from '../../server/db/database.ts';
import { DISTRICTS, OTHER_DISTRICT } from '../../server/domain/districts.ts';
import { forumQuery, toForum, type ForumRow } from '../../server/model/forum.ts';
import { hashToken } from '../../server/auth/tokens.ts';
import { generateDemoSeed } from '../../server/seed/generate.ts';
import { loadSeed } from '../../server/seed/load.ts';
import type { DemoInfo, SeedData, SeedForum } from '../../server/seed/types.ts';
import { start, type Api } from './helpers.ts';

/** A Sunday afternoon in Seoul, and a Wednesday evening a year and a half earlier. */
const NOW = new Date('2026-11-29T05:00:00Z');
const CLOCKS = [NOW, new Date('2025-03-12T10:20:00Z')];
const YEAR = 365 * 24 * 3600 * 1000;
const UPCOMING = new Set(['announced', 'open', 'full', 'closed']);
const OFFSET = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/;

const confirmed = (f: SeedForum) => f.registrations.filter((r) => r.outcome === 'confirmed').length;
const waitlisted = (f: SeedForum) => f.registrations.filter((r) => r.outcome === 'waitlisted').length;
const t = (s: string) => Date.parse(s);

describe('generateDemoSeed', () => {
  it('is deterministic for a given clock and seed, and the seed changes it', () => {
    const a = generateDemoSeed(NOW);
    assert.deepEqual(generateDemoSeed(new Date(NOW)), a);
    const b = generateDemoSeed(NOW, 7);
    assert.notDeepEqual(
      b.forums.flatMap((f) => f.registrations.map((r) => r.name)),
      a.forums.flatMap((f) => f.registrations.map((r) => r.name)),
    );
  });

  for (const now of CLOCKS) {
    describe(`around ${now.toISOString()}`, () => {
      const data: SeedData = generateDemoSeed(now);
      const nowMs = now.getTime();

      it('never confirms more people than seats, and the waitlist is in arrival order', () => {
        for (const f of data.forums) {
          assert.ok(confirmed(f) <= f.capacity, `${f.title}: ${confirmed(f)} > ${f.capacity}`);
          if (waitlisted(f) > 0) assert.equal(confirmed(f), f.capacity, `${f.title} has a waitlist with free seats`);
          const wl = f.registrations.filter((r) => r.outcome === 'waitlisted');
          assert.deepEqual(wl.map((r) => r.waitlistPosition), wl.map((_, i) => i + 1));
          assert.deepEqual([...wl].sort((x, y) => x.seq - y.seq), wl);
          const seqs = f.registrations.map((r) => r.seq);
          assert.deepEqual(seqs, seqs.map((_, i) => i + 1));
          const contacts = f.registrations.filter((r) => r.outcome !== 'cancelled').map((r) => r.contact.value);
          assert.equal(new Set(contacts).size, contacts.length, `${f.title}: one person registered twice`);
          for (const r of f.registrations) {
            assert.ok(t(r.createdAt) <= nowMs, 'a registration from the future');
            if (r.cancelledAt) assert.ok(t(r.createdAt) < t(r.cancelledAt) && t(r.cancelledAt) <= nowMs);
            if (r.promotedAt) assert.ok(r.outcome === 'confirmed' && t(r.createdAt) < t(r.promotedAt) && t(r.promotedAt) <= nowMs);
          }
        }
      });

      it("keeps every participant's dots within the vote budget, on visible ideas of the same forum", () => {
        for (const f of data.forums) {
          const budget = new Map(f.participants.map((p) => [p.id, p.voteBudget]));
          const used = new Map<string, number>();
          const visible = new Set(f.ideas.filter((i) => i.status === 'visible').map((i) => i.id));
          for (const v of f.votes) {
            assert.ok(budget.has(v.participantId), 'a dot from someone who did not join');
            assert.ok(visible.has(v.ideaId), 'a dot on a hidden, merged or unknown idea');
            used.set(v.participantId, (used.get(v.participantId) ?? 0) + 1);
          }
          for (const [p, n] of used) assert.ok(n <= budget.get(p)!, `${f.title}: ${n} dots > budget`);
        }
      });

      it('puts every idea and participant at a table that exists', () => {
        for (const f of data.forums) {
          const n = f.tables.length;
          assert.deepEqual(f.tables.map((x) => x.number), f.tables.map((_, i) => i + 1));
          for (const i of f.ideas) assert.ok(i.table >= 1 && i.table <= n, `${f.title}: idea at table ${i.table} of ${n}`);
          for (const p of f.participants) assert.ok(p.table >= 1 && p.table <= n);
          for (const i of f.ideas.filter((x) => x.status === 'merged')) {
            const into = f.ideas.find((x) => x.id === i.mergedInto);
            assert.equal(into?.status, 'visible', 'merged into a missing or non-visible idea');
          }
        }
      });

      it('has exactly one live forum, happening now, ready for the demo', () => {
        const live = data.forums.filter((f) => f.status === 'live');
        assert.equal(live.length, 1);
        const f = live[0]!;
        assert.ok(t(f.startsAt) <= nowMs && nowMs <= t(f.endsAt));
        assert.equal(f.id, data.demo.liveForumId);
        assert.equal(f.joinCode, 'HYEON24');
        assert.equal(f.tables.length, 8);
        assert.ok(f.tables.every((x) => x.topic && x.facilitator));
        assert.ok(f.participants.length >= 50 && f.participants.length <= 72);
        assert.ok(f.ideas.length >= 100);
        assert.ok(f.voting.open);
        assert.equal(f.voteBudget, 3);
        assert.equal(f.ideas.filter((i) => i.pinned).length, 2);
        assert.equal(f.ideas.filter((i) => i.status === 'merged').length, 1);
        assert.ok(f.ideas.filter((i) => i.status === 'hidden').length >= 1);
        assert.ok(f.ideas.filter((i) => i.promoted).length >= 3);
        assert.ok(f.ideas.filter((i) => i.category).length > f.ideas.length / 3);
        assert.ok(f.votes.length > 0);
        for (const i of f.ideas) assert.ok(t(i.createdAt) <= nowMs && t(i.updatedAt) <= nowMs);
      });

      it('lists upcoming forums in the next three months in every signup state', () => {
        const up = data.forums.filter((f) => UPCOMING.has(f.status));
        for (const f of up) {
          assert.ok(t(f.startsAt) > nowMs, `${f.title} is not in the future`);
          assert.ok(t(f.startsAt) < nowMs + 92 * 24 * 3600 * 1000, `${f.title} is too far ahead`);
          assert.ok(f.questions.length >= 1, `${f.title} has no questions of its own`);
        }
        const by = (s: string) => up.filter((f) => f.status === s);
        assert.ok(by('announced').length >= 1 && by('announced').every((f) => t(f.signupOpensAt!) > nowMs && f.registrations.length === 0));
        assert.ok(by('open').filter((f) => confirmed(f) < f.capacity).length >= 3);
        assert.ok(by('open').some((f) => f.capacity - confirmed(f) <= 5), 'no nearly full forum');
        assert.ok(by('full').some((f) => confirmed(f) === f.capacity && waitlisted(f) > 0));
        assert.ok(by('closed').length >= 1 && by('closed').every((f) => t(f.signupClosesAt!) < nowMs));
        const open = data.forums.find((f) => f.id === data.demo.openForumId)!;
        assert.equal(open.status, 'open');
        assert.ok(confirmed(open) < open.capacity);
        const kinds = new Set(up.flatMap((f) => f.questions.map((q) => q.kind)));
        assert.deepEqual([...kinds].sort(), ['choice', 'multi-choice', 'text']);
      });

      it('has 30–34 reported forums since 2014 with published results and answered proposals', () => {
        const reported = data.forums.filter((f) => f.status === 'reported');
        assert.ok(reported.length >= 30 && reported.length <= 34, String(reported.length));
        assert.equal(reported[0]!.startsAt.slice(0, 4), '2014');
        let attended = 0;
        for (const f of reported) {
          const r = f.results;
          assert.ok(r, `${f.title} has no results`);
          assert.ok(t(r.publishedAt) > t(f.endsAt) && t(r.publishedAt) <= nowMs);
          assert.ok(r.attended <= confirmed(f) && r.attended === f.participants.length);
          assert.ok(r.proposals.length >= 3 && r.proposals.length <= 6);
          assert.ok(f.tables.length >= 4 && f.tables.length <= 12);
          assert.ok(f.registrations.length >= 40 && f.registrations.length <= 125);
          attended += r.attended;
          const ideaIds = new Set(f.ideas.map((i) => i.id));
          const votesOf = (id: string) => f.votes.filter((v) => v.ideaId === id).length;
          r.proposals.forEach((p, k) => {
            assert.equal(p.rank, k + 1);
            if (k > 0) assert.ok(p.votes <= r.proposals[k - 1]!.votes, 'proposals not ranked by votes');
            assert.ok(p.ideaIds.length > 0 && p.ideaIds.every((id) => ideaIds.has(id)));
            assert.equal(p.votes, p.ideaIds.reduce((s, id) => s + votesOf(id), 0));
            assert.ok(p.department);
            assert.equal(p.answer === null, p.status === 'awaiting' || p.answeredAt === null);
            const dates = p.timeline.map((e) => e.date);
            assert.deepEqual([...dates].sort(), dates, 'timeline out of order');
            assert.ok(dates.every((d) => t(`${d}T00:00:00+09:00`) <= nowMs), 'timeline entry in the future');
          });
        }
        assert.ok(attended >= 1700 && attended <= 2600, `about 2,000 citizens, got ${attended}`);
      });

      it('has older proposals mostly answered and recent ones more often still under review', () => {
        const props = (old: boolean) =>
          data.forums
            .filter((f) => f.results && (nowMs - t(f.startsAt) > 3 * YEAR) === old)
            .flatMap((f) => f.results!.proposals);
        const answered = (ps: { status: string }[]) => ps.filter((p) => ['accepted', 'partial', 'declined'].includes(p.status)).length / ps.length;
        assert.ok(answered(props(true)) >= 0.75, `old: ${answered(props(true))}`);
        assert.ok(answered(props(false)) < answered(props(true)));
        const statuses = new Set(data.forums.flatMap((f) => f.results?.proposals.map((p) => p.status) ?? []));
        for (const s of ['accepted', 'partial', 'reviewing', 'declined']) assert.ok(statuses.has(s as never), `no ${s} proposal`);
      });

      it('sorts every note of a past forum under a theme, so no result is mostly “uncategorised”', () => {
        const past = data.forums.filter((f) => f.status === 'reported' || f.status === 'finished');
        assert.ok(past.length >= 30);
        for (const f of past) {
          const unsorted = f.ideas.filter((i) => i.status === 'visible' && !i.category);
          assert.deepEqual(unsorted.map((i) => i.text), [], `${f.title}: notes without a category`);
          for (const i of f.ideas.filter((x) => x.category)) assert.ok(f.categories.includes(i.category!), `${f.title}: ${i.category} is one of its categories`);
        }
      });

      it('has one finished forum waiting for results with an expected date', () => {
        const fin = data.forums.filter((f) => f.status === 'finished');
        assert.equal(fin.length, 1);
        assert.equal(fin[0]!.results, null);
        assert.ok(t(fin[0]!.endsAt) < nowMs && t(fin[0]!.resultsExpectedAt!) > nowMs);
      });

      it("uses Namyangju's districts and Seoul-offset times", () => {
        const valid = new Set<string>([...DISTRICTS, OTHER_DISTRICT]);
        for (const f of data.forums) {
          assert.ok((DISTRICTS as readonly string[]).includes(f.district), f.district);
          assert.ok(f.venue.address.startsWith('경기도 남양주시 '));
          for (const r of f.registrations) assert.ok(valid.has(r.district), r.district);
          for (const s of [f.startsAt, f.endsAt, f.createdAt, f.updatedAt, ...f.registrations.map((r) => r.createdAt), ...f.ideas.map((i) => i.createdAt)]) {
            assert.match(s, OFFSET);
          }
        }
        assert.ok(new Set(data.forums.map((f) => f.district)).size >= 12, 'forums in too few districts');
      });

      it('contains no real-looking contact data', () => {
        for (const f of data.forums) {
          for (const r of f.registrations) {
            if (r.contact.kind === 'phone') assert.match(r.contact.value, /^010-0000-\d{4}$/);
            else assert.match(r.contact.value, /@example\.(com|kr)$/);
            assert.match(r.name, /^[가-힣]{2,4}$/);
          }
        }
      });
    });
  }
});

describe('loadSeed', () => {
  let database: OpenDatabase;
  let data: SeedData;
  let demo: DemoInfo;

  before(async () => {
    database = await openDatabase(':memory:');
    data = generateDemoSeed(NOW);
    demo = await loadSeed(database.db, data);
  });
  after(async () => database?.close());

  it('returns the live forum, its join code, an open forum and a working facilitator token', async () => {
    assert.equal(demo.liveForumId, data.demo.liveForumId);
    assert.equal(demo.joinCode, 'HYEON24');
    assert.equal(demo.openForumId, data.demo.openForumId);
    const tok = await database.db.selectFrom('tokens').selectAll().where('hash', '=', hashToken(demo.facilitatorToken)).executeTakeFirst();
    assert.equal(tok?.kind, 'facilitator');
    assert.equal(tok?.forum_id, demo.liveForumId);
    const who = await database.db.selectFrom('facilitators').selectAll().where('id', '=', tok!.subject_id!).executeTakeFirst();
    assert.equal(who?.forum_id, demo.liveForumId);
    const raw = await database.db.selectFrom('tokens').select('hash').execute();
    assert.ok(raw.every((r) => r.hash !== demo.facilitatorToken), 'a token stored in plaintext');
  });

  it('shows for every forum the counts that were generated', async () => {
    const rows = (await forumQuery(database.db).execute()) as ForumRow[];
    assert.equal(rows.length, data.forums.length);
    for (const f of data.forums) {
      const api = toForum(rows.find((r) => r.id === f.id)!, NOW);
      assert.equal(api.registered, confirmed(f), f.title);
      assert.equal(api.waitlisted, waitlisted(f), f.title);
      assert.equal(api.participants, f.participants.length, f.title);
      assert.equal(api.ideas, f.ideas.filter((i) => i.status === 'visible').length, f.title);
      assert.equal(api.tables, f.tables.length);
      assert.equal(api.status, f.status);
      assert.equal(api.resultsPublished, f.results !== null);
      assert.ok(api.registered <= api.capacity);
      assert.equal(Date.parse(api.startsAt), Date.parse(f.startsAt));
    }
  });

  it('stores every dot, proposal and timeline entry', async () => {
    const count = async (table: 'votes' | 'proposals' | 'timeline_entries' | 'proposal_ideas' | 'registrations') =>
      Number((await database.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    assert.equal(await count('votes'), data.forums.reduce((s, f) => s + f.votes.length, 0));
    assert.equal(await count('registrations'), data.forums.reduce((s, f) => s + f.registrations.length, 0));
    const proposals = data.forums.flatMap((f) => f.results?.proposals ?? []);
    assert.equal(await count('proposals'), proposals.length);
    assert.equal(await count('proposal_ideas'), proposals.reduce((s, p) => s + p.ideaIds.length, 0));
    assert.equal(await count('timeline_entries'), proposals.reduce((s, p) => s + p.timeline.length, 0));
  });

  it("logs the live forum's history so that replaying its events gives today's dots", async () => {
    const events = await database.db.selectFrom('events').selectAll().where('forum_id', '=', demo.liveForumId).orderBy('id').execute();
    assert.ok(events.length > 0);
    assert.ok(events[0]!.id > 0);
    const ats = events.map((e) => e.at);
    assert.deepEqual([...ats].sort(), ats, 'event ids out of time order');
    const live = data.forums.find((f) => f.id === demo.liveForumId)!;
    assert.equal(events.filter((e) => e.type === 'idea.created').length, live.ideas.length);
    const lastVotes = new Map<string, number>();
    for (const e of events.filter((x) => x.type === 'vote.changed')) {
      const d = JSON.parse(e.data) as { ideaId: string; votes: number };
      lastVotes.set(d.ideaId, d.votes);
    }
    const rows = await database.db
      .selectFrom('votes')
      .select(['idea_id', (eb) => eb.fn.countAll().as('n')])
      .where('forum_id', '=', demo.liveForumId)
      .groupBy('idea_id')
      .execute();
    assert.deepEqual(new Map(rows.map((r) => [r.idea_id, Number(r.n)])), lastVotes);
    const merged = events.filter((e) => e.type === 'idea.merged');
    assert.equal(merged.length, 1);
    const joins = events.filter((e) => e.type === 'participants.changed');
    assert.equal(JSON.parse(joins[joins.length - 1]!.data).participants, live.participants.length);
  });
});

describe('the reference server with the demo seed', () => {
  let api: Api;
  before(async () => {
    api = await start({ seed: 'demo', now: () => NOW });
  });
  after(async () => api?.server.close());

  it('serves the live forum, its ideas with a non-zero lastEventId, and the totals', async () => {
    const demo = api.server.demo!;
    assert.ok(demo);
    const forum = await api.call('GET', `/forums/${demo.liveForumId}`);
    assert.equal(forum.status, 200);
    assert.equal(forum.body.status, 'live');
    assert.equal(forum.body.participants, 60);
    assert.equal(forum.body.voting.open, true);
    const ideas = await api.call('GET', `/forums/${demo.liveForumId}/ideas?limit=1000`);
    assert.equal(ideas.status, 200);
    assert.ok(Number(ideas.body.lastEventId) > 0);
    assert.ok(ideas.body.items.length >= 100);
    const totals = await api.call('GET', '/results/totals');
    assert.equal(totals.status, 200);
    assert.equal(totals.body.reportedForums, 32);
    assert.ok(totals.body.attended >= 1700);
  });

  it('lets the demo facilitator moderate, and shows results of past forums', async () => {
    const demo = api.server.demo!;
    const me = await api.call('GET', `/forums/${demo.liveForumId}/participants/me`, { token: demo.facilitatorToken });
    assert.equal(me.status, 200);
    assert.equal(me.body.role, 'facilitator');
    const all = await api.call('GET', `/forums/${demo.liveForumId}/ideas?include=all&limit=1000`, { token: demo.facilitatorToken });
    assert.ok(all.body.items.some((i: { status: string }) => i.status === 'hidden'));
    const target = all.body.items.find((i: { status: string; pinned: boolean }) => i.status === 'visible' && !i.pinned);
    const pinned = await api.call('PATCH', `/forums/${demo.liveForumId}/ideas/${target.id}`, { token: demo.facilitatorToken, body: { pinned: true } });
    assert.equal(pinned.status, 200);
    assert.equal(pinned.body.pinned, true);
    const past = await api.call('GET', '/forums?status=reported&limit=1');
    assert.equal(past.status, 200);
    const res = await api.call('GET', `/forums/${past.body.items[0].id}/results`);
    assert.equal(res.status, 200);
    assert.ok(res.body.proposals.length >= 3);
    assert.ok(res.body.categories.length >= 3);
    assert.ok(res.body.categories.every((c: { category: string }) => c.category), 'a reported forum’s results have no uncategorised ideas');
    assert.ok(res.body.byDistrict.length > 0);
    const finished = await api.call('GET', '/forums?status=finished');
    const pending = await api.call('GET', `/forums/${finished.body.items[0].id}/results`);
    assert.equal(pending.status, 404);
    assert.ok(Date.parse(pending.body.expectedAt) > NOW.getTime(), 'no expected date for the pending results');
  });

  it('offers signup on the open demo forum with seats left, and a waitlist on the full one', async () => {
    const demo = api.server.demo!;
    const open = await api.call('GET', `/forums/${demo.openForumId}`);
    assert.equal(open.body.status, 'open');
    assert.ok(open.body.registered < open.body.capacity);
    const form = await api.call('GET', `/forums/${demo.openForumId}/signup-form`);
    assert.equal(form.status, 200);
    assert.ok(form.body.questions.length >= 2);
    const full = await api.call('GET', '/forums?status=full');
    assert.equal(full.body.items.length, 1);
    assert.equal(full.body.items[0].registered, full.body.items[0].capacity);
    assert.ok(full.body.items[0].waitlisted > 0);
  });
});
