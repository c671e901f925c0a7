/**
 * The fake's own controls, as a story uses them: faults (offline, failNext, delay, dropped
 * streams, a pruned log) and things that happen "elsewhere" arriving as the live events the
 * server would send. Streams are read through the fake's own EventSource, the one the widgets'
 * LiveStream gets in Storybook.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createFakeBackend, FAKE_API, type FakeBackend } from '../../stories/fake/index.ts';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

async function api(fake: FakeBackend, method: string, path: string, opts: { body?: unknown; token?: string; key?: string } = {}): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.key) headers['idempotency-key'] = opts.key;
  const res = await fake.fetch(`${FAKE_API}${path}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

function registration(email: string): Record<string, unknown> {
  return {
    name: '김현답',
    contact: { kind: 'email', value: email },
    district: '화도읍',
    ageGroup: '40s',
    role: 'participant',
    consentVersion: '2026-01',
    consents: { personal: true, accessibility: false, answers: false, notice: false },
  };
}

/** Every event an EventSource of the fake receives, and a way to wait for one. */
function listen(fake: FakeBackend, forumId: string, lastEventId?: string) {
  const url = `${FAKE_API}/forums/${forumId}/events${lastEventId ? `?lastEventId=${lastEventId}` : ''}`;
  const es = new fake.EventSource(url);
  const events: { type: string; id: string; data: Json }[] = [];
  const waiters: (() => void)[] = [];
  let opened = 0;
  let errors = 0;
  const poke = () => waiters.splice(0).forEach((w) => w());
  for (const type of ['idea.created', 'idea.updated', 'idea.merged', 'vote.changed', 'forum.updated', 'participants.changed', 'results.published', 'proposal.updated', 'reset']) {
    es.addEventListener(type, (ev: MessageEvent) => {
      events.push({ type, id: ev.lastEventId, data: JSON.parse(String(ev.data)).data });
      poke();
    });
  }
  es.onopen = () => {
    opened++;
    poke();
  };
  es.onerror = () => {
    errors++;
    poke();
  };
  return {
    es,
    events,
    get opened() {
      return opened;
    },
    get errors() {
      return errors;
    },
    async until(pred: () => boolean): Promise<void> {
      while (!pred()) await new Promise<void>((r) => waiters.push(r));
    },
    close: () => es.close(),
  };
}

test('the demo scenario serves the demo seed: every forum state the stories need', async () => {
  const fake = await createFakeBackend();
  try {
    const { demo } = fake;
    const expect: Record<string, string> = {
      liveForumId: 'live', openForumId: 'open', fullForumId: 'full', closedForumId: 'closed',
      announcedForumId: 'announced', reportedForumId: 'reported', finishedForumId: 'finished',
    };
    for (const [key, status] of Object.entries(expect)) {
      const r = await api(fake, 'GET', `/forums/${demo[key as keyof typeof demo]}`);
      assert.equal(r.status, 200, key);
      assert.equal(r.body.status, status, key);
    }
    const live = (await api(fake, 'GET', `/forums/${demo.liveForumId}/ideas`)).body;
    assert.ok(live.items.length > 50, 'the live forum has a wall of ideas');
    assert.ok(Number(live.lastEventId) > 0, 'and an event history to resume from');
    const me = await api(fake, 'GET', `/forums/${demo.liveForumId}/participants/me`, { token: demo.facilitatorToken });
    assert.equal(me.body.role, 'facilitator');
    assert.equal((await api(fake, 'GET', `/forums/${demo.finishedForumId}/results`)).body.type, 'https://hyeondap.example/problems/results-not-published');
    assert.ok((await api(fake, 'GET', `/forums/${demo.reportedForumId}/results`)).body.proposals.length > 0);
  } finally {
    await fake.dispose();
  }
});

test('the same seed and clock give the same data (stories look the same on every run)', async () => {
  const now = new Date('2026-11-29T05:00:00Z');
  const a = await createFakeBackend({ now });
  const b = await createFakeBackend({ now });
  try {
    assert.deepEqual(a.demo, b.demo, 'the same ids (and, made once per clock, the same demo tokens)');
    assert.deepEqual((await api(a, 'GET', '/forums?limit=100')).body, (await api(b, 'GET', '/forums?limit=100')).body);
  } finally {
    await a.dispose();
    await b.dispose();
  }
});

test('the empty scenario has no forums; the admin token still creates one', async () => {
  const fake = await createFakeBackend({ scenario: 'empty' });
  try {
    assert.deepEqual((await api(fake, 'GET', '/forums')).body, { items: [], nextCursor: null });
    assert.equal((await api(fake, 'GET', '/results/totals')).body.forums, 0);
    const created = await api(fake, 'POST', '/forums', {
      token: fake.demo.adminToken,
      body: { title: '새 토론회', summary: '', district: '화도읍', venue: { name: '회의실', address: '화도읍' }, startsAt: '2027-01-10T10:00:00+09:00', endsAt: '2027-01-10T12:00:00+09:00', capacity: 20 },
    });
    assert.equal(created.status, 201);
    assert.equal((await api(fake, 'GET', '/forums')).body.items.length, 1);
  } finally {
    await fake.dispose();
  }
});

test('offline: requests reject with a TypeError like a network failure, and work again online', async () => {
  const fake = await createFakeBackend();
  try {
    fake.setOffline(true);
    await assert.rejects(fake.fetch(`${FAKE_API}/forums`), TypeError);
    fake.setOffline(false);
    assert.equal((await fake.fetch(`${FAKE_API}/forums`)).status, 200);
  } finally {
    await fake.dispose();
  }
});

test('failNext: the next requests fail with that status as problem+json, then the fake answers again', async () => {
  const fake = await createFakeBackend();
  try {
    fake.failNext(503, 2);
    for (let i = 0; i < 2; i++) {
      const res = await fake.fetch(`${FAKE_API}/forums`);
      assert.equal(res.status, 503);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.equal((await res.json()).status, 503);
    }
    assert.equal((await fake.fetch(`${FAKE_API}/forums`)).status, 200);
    fake.failNext(429);
    const limited = await fake.fetch(`${FAKE_API}/forums`);
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '1');
  } finally {
    await fake.dispose();
  }
});

test('failNext with applied: the write happens, its answer is lost, and the retry with the same key replays it', async () => {
  const fake = await createFakeBackend();
  try {
    const forumId = fake.demo.openForumId;
    const before = (await api(fake, 'GET', `/forums/${forumId}`)).body.registered;
    fake.failNext(502, 1, { applied: true });
    const lost = await api(fake, 'POST', `/forums/${forumId}/registrations`, { key: 'retry-1', body: registration('retry@example.com') });
    assert.equal(lost.status, 502);
    const again = await api(fake, 'POST', `/forums/${forumId}/registrations`, { key: 'retry-1', body: registration('retry@example.com') });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((await api(fake, 'GET', `/forums/${forumId}`)).body.registered, before + 1, 'one registration, not two');
  } finally {
    await fake.dispose();
  }
});

test('delay(Infinity): the request hangs until the caller aborts it, and nothing is written', async () => {
  const fake = await createFakeBackend();
  try {
    const forumId = fake.demo.openForumId;
    const before = (await api(fake, 'GET', `/forums/${forumId}`)).body.registered;
    fake.delay(Infinity);
    const ctrl = new AbortController();
    const pending = fake.fetch(`${FAKE_API}/forums/${forumId}/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'hang-1' },
      body: JSON.stringify(registration('hang@example.com')),
      signal: ctrl.signal,
    });
    ctrl.abort();
    await assert.rejects(pending, (err: Error) => err.name === 'AbortError');
    fake.delay(0);
    assert.equal((await api(fake, 'GET', `/forums/${forumId}`)).body.registered, before);
  } finally {
    await fake.dispose();
  }
});

test('a posted idea arrives on the stream as idea.created; after dropStreams the EventSource resumes and loses nothing', { timeout: 20_000 }, async () => {
  const fake = await createFakeBackend({ retryMs: 20 });
  const forumId = fake.demo.liveForumId;
  const s = listen(fake, forumId);
  try {
    await s.until(() => s.opened === 1);
    const first = await fake.postIdea(forumId, '심야버스를 늘려 주세요', 3);
    await s.until(() => s.events.some((e) => e.type === 'idea.created' && e.data.id === first.id));
    fake.dropStreams();
    // posted while the stream is down: the reconnect must bring it
    const second = await fake.postIdea(forumId, '정류장에 온열 의자를 놓아 주세요', 5);
    await s.until(() => s.events.some((e) => e.type === 'idea.created' && e.data.id === second.id));
    assert.ok(s.errors >= 1, 'the drop was seen as an error');
    assert.ok(s.opened >= 2, 'and the EventSource reconnected by itself');
    const ids = s.events.map((e) => Number(e.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'ids increase');
    assert.equal(new Set(ids).size, ids.length, 'no event twice');
    assert.equal(s.events.filter((e) => e.type === 'idea.created').length, 2);
  } finally {
    s.close();
    await fake.dispose();
  }
});

test('offline breaks an open stream; the EventSource keeps trying and comes back when online', { timeout: 20_000 }, async () => {
  const fake = await createFakeBackend({ retryMs: 20 });
  const forumId = fake.demo.liveForumId;
  // from the page's lastEventId, as a widget subscribes: the stream knows where to resume from
  const { lastEventId } = (await api(fake, 'GET', `/forums/${forumId}/ideas`)).body;
  const s = listen(fake, forumId, lastEventId);
  try {
    await s.until(() => s.opened === 1);
    fake.setOffline(true);
    await s.until(() => s.errors >= 2); // the break, then a failed reconnect
    const idea = await fake.postIdea(forumId, '오프라인 동안 올라온 제안');
    fake.setOffline(false);
    await s.until(() => s.events.some((e) => e.data?.id === idea.id));
    assert.ok(s.opened >= 2);
  } finally {
    s.close();
    await fake.dispose();
  }
});

test('acting from elsewhere emits what the server would: votes, moderation, merges, joins, results and answers', { timeout: 20_000 }, async () => {
  const fake = await createFakeBackend();
  const forumId = fake.demo.liveForumId;
  const s = listen(fake, forumId);
  try {
    await s.until(() => s.opened === 1);
    const a = await fake.postIdea(forumId, '버스 도착 알림판을 늘려 주세요', 2);
    const b = await fake.postIdea(forumId, '정류장 알림판이 더 필요합니다', 4);
    assert.equal((await fake.vote(forumId, a.id)).votes, 1);
    assert.equal((await fake.moderate(forumId, a.id, { category: '정보·안내', pinned: true })).pinned, true);
    assert.equal((await fake.merge(forumId, b.id, a.id)).id, a.id);
    const session = await fake.join(forumId, 2);
    assert.ok(session.token);
    const result = await fake.publishResults(forumId);
    assert.equal(result.forum.status, 'reported');
    const answered = await fake.respond(forumId, result.proposals[0]!.id, 'accepted', '내년 예산에 반영합니다.');
    assert.equal(answered.status, 'accepted');
    assert.equal(answered.timeline.at(-1)!.status, 'accepted');
    const wanted = ['idea.created', 'vote.changed', 'idea.updated', 'idea.merged', 'participants.changed', 'forum.updated', 'results.published', 'proposal.updated'];
    await s.until(() => wanted.every((t) => s.events.some((e) => e.type === t)));
    assert.equal(s.events.find((e) => e.type === 'proposal.updated')!.data.answer, '내년 예산에 반영합니다.');
    assert.equal((await api(fake, 'GET', `/forums/${forumId}/results`)).status, 200);
  } finally {
    s.close();
    await fake.dispose();
  }
});

test('register(n) fills the seats, then the waitlist; cancelling promotes the first on it', async () => {
  const fake = await createFakeBackend();
  try {
    const forumId = fake.demo.openForumId;
    const f = (await api(fake, 'GET', `/forums/${forumId}`)).body;
    const free = f.capacity - f.registered;
    const receipts = await fake.register(forumId, free + 2);
    assert.deepEqual(receipts.slice(-2).map((r) => [r.outcome, r.waitlistPosition]), [['waitlisted', f.waitlisted + 1], ['waitlisted', f.waitlisted + 2]]);
    const full = (await api(fake, 'GET', `/forums/${forumId}`)).body;
    assert.equal(full.status, 'full');
    assert.equal(full.registered, full.capacity);
    const cancelled = await api(fake, 'DELETE', '/registrations/me', { token: receipts[0]!.cancelToken });
    assert.equal(cancelled.body.outcome, 'cancelled');
    assert.equal((await api(fake, 'GET', `/forums/${forumId}`)).body.waitlisted, full.waitlisted - 1);
  } finally {
    await fake.dispose();
  }
});

test('pruneEvents: the log keeps only its newest event; a client resuming from before it gets reset first', { timeout: 20_000 }, async () => {
  const fake = await createFakeBackend();
  const forumId = fake.demo.liveForumId;
  try {
    const { lastEventId } = (await api(fake, 'GET', `/forums/${forumId}/ideas`)).body;
    await fake.postIdea(forumId, '초기화 전에 올라온 제안');
    const newest = await fake.postIdea(forumId, '초기화 직전에 올라온 제안');
    await fake.pruneEvents(forumId);
    assert.equal((await api(fake, 'GET', `/forums/${forumId}/ideas`)).body.lastEventId, String(Number(lastEventId) + 2), 'the newest id stays');
    const fresh = listen(fake, forumId, String(Number(lastEventId) + 1));
    try {
      await fresh.until(() => fresh.events.length > 0);
      assert.deepEqual(fresh.events.map((e) => [e.type, e.data.id]), [['idea.created', newest.id]], 'resuming from the newest but one still works');
    } finally {
      fresh.close();
    }
    const s = listen(fake, forumId, lastEventId);
    try {
      await s.until(() => s.events.length > 0);
      assert.equal(s.events[0]!.type, 'reset');
      assert.equal(s.events[0]!.data.reason, 'too-old');
    } finally {
      s.close();
    }
  } finally {
    await fake.dispose();
  }
});

test('requests outside FAKE_API go to the real fetch', async () => {
  const server = createServer((_req, res) => res.end('real'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const fake = await createFakeBackend();
  try {
    const { port } = server.address() as AddressInfo;
    const res = await fake.fetch(`http://127.0.0.1:${port}/x`);
    assert.equal(await res.text(), 'real');
    assert.equal(fake.requests.length, 0, 'the fake did not see it');
  } finally {
    await fake.dispose();
    await new Promise((r) => server.close(r));
  }
});

test('nothing in src/ imports the fake', () => {
  const root = join(import.meta.dirname, '..', '..', 'src');
  const offenders = readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .filter((f) => /stories\/fake|\/fake\/index/.test(readFileSync(join(root, f), 'utf8')));
  assert.deepEqual(offenders, []);
});

test("the server's in-flight rule holds in the fake: a repeat sent while the first is processed gets 409 (422 with another body)", async () => {
  const fake = await createFakeBackend();
  try {
    const forumId = fake.demo.openForumId;
    const send = (key: string, body: unknown) =>
      fake.fetch(`${FAKE_API}/forums/${forumId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(body),
      });
    const [first, repeat] = await Promise.all([send('in-flight-1', registration('flight@example.com')), send('in-flight-1', registration('flight@example.com'))]);
    assert.equal(first.status, 201);
    assert.equal(repeat.status, 409);
    assert.equal((await repeat.json()).type, 'https://hyeondap.example/problems/idempotency-key-in-flight');
    assert.equal(repeat.headers.get('retry-after'), '1');
    const [, other] = await Promise.all([send('in-flight-2', registration('flight2@example.com')), send('in-flight-2', registration('other@example.com'))]);
    assert.equal(other.status, 422);
    // once the first is done, a repeat replays its answer
    const again = await send('in-flight-1', registration('flight@example.com'));
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
  } finally {
    await fake.dispose();
  }
});

test('the seed is reused for the same clock without sharing state between fakes', async () => {
  const now = new Date('2026-11-29T05:00:00Z');
  const a = await createFakeBackend({ now });
  const b = await createFakeBackend({ now });
  try {
    await a.postIdea(a.demo.liveForumId, 'a에만 있는 제안');
    await a.register(a.demo.openForumId, 3);
    const ideas = async (f: FakeBackend) => (await api(f, 'GET', `/forums/${f.demo.liveForumId}`)).body.ideas;
    assert.equal(await ideas(a), (await ideas(b)) + 1);
    const reg = async (f: FakeBackend) => (await api(f, 'GET', `/forums/${f.demo.openForumId}`)).body.registered;
    assert.equal(await reg(a), (await reg(b)) + 3);
  } finally {
    await a.dispose();
    await b.dispose();
  }
});

test('fake.fetch takes a Request as well as a URL', async () => {
  const fake = await createFakeBackend();
  try {
    const res = await fake.fetch(
      new Request(`${FAKE_API}/forums/${fake.demo.openForumId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'req-1' },
        body: JSON.stringify(registration('request@example.com')),
      }),
    );
    assert.equal(res.status, 201);
    assert.equal((await fake.fetch(new Request(`${FAKE_API}/forums/${fake.demo.openForumId}`))).status, 200);
  } finally {
    await fake.dispose();
  }
});

test('seedIdeas: thousands of ideas on the wall at once, newest first, with no live events', async () => {
  const fake = await createFakeBackend();
  try {
    const forumId = fake.demo.liveForumId;
    const before = (await api(fake, 'GET', `/forums/${forumId}`)).body.ideas;
    const { lastEventId } = (await api(fake, 'GET', `/forums/${forumId}/ideas`)).body;
    await fake.seedIdeas(forumId, Array.from({ length: 2000 }, (_, i) => ({ text: `제안 ${i + 1}`, table: 1 + (i % 8) })));
    assert.equal((await api(fake, 'GET', `/forums/${forumId}`)).body.ideas, before + 2000);
    const page = (await api(fake, 'GET', `/forums/${forumId}/ideas?limit=2`)).body;
    assert.deepEqual(page.items.map((i: Json) => [i.text, i.table, i.status]), [['제안 2000', 8, 'visible'], ['제안 1999', 7, 'visible']]);
    assert.equal(page.lastEventId, lastEventId);
  } finally {
    await fake.dispose();
  }
});
