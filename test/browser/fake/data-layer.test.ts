/**
 * The data layer the widgets use (registry → ApiClient, LiveStream) works against the installed
 * fake in a real browser, as every story relies on: reads, idempotent retries, offline errors,
 * live events through the fake's EventSource, and a resume after a dropped stream.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { NetworkError } from '../../../src/api/errors.js';
import type { LiveMessage } from '../../../src/api/live-stream.js';
import { getApi, registryDefaults } from '../../../src/api/registry.js';
import { getLiveStream } from '../../../src/api/live-registry.js';
import type { LiveEvent, RegistrationInput } from '../../../src/api/types.js';
import { createFakeBackend, FAKE_API, installFake, type FakeBackend } from '../../../stories/fake/index.ts';
import { defineGuideElements } from '../../../stories/fake/guide.ts';
import { until } from '../helpers/server.js';

function registration(email: string): RegistrationInput {
  return {
    name: '이현답',
    contact: { kind: 'email', value: email },
    district: '화도읍',
    ageGroup: '30s',
    role: 'participant',
    consentVersion: '2026-01',
    consents: { personal: true, accessibility: false, answers: false, notice: false },
  };
}

defineGuideElements();

const created = (messages: LiveMessage[]) => messages.filter((m): m is Extract<LiveEvent, { type: 'idea.created' }> => m.type === 'idea.created');

describe('the data layer against the installed fake', () => {
  let fake: FakeBackend;
  let uninstall: () => void;

  beforeEach(async () => {
    registryDefaults.client = { retryBaseMs: 10, retryMaxMs: 40 };
    registryDefaults.stream = { backoffMs: 30, maxBackoffMs: 100 };
    fake = await createFakeBackend({ retryMs: 30 });
    uninstall = installFake(fake);
  });
  afterEach(() => {
    uninstall();
    registryDefaults.client = {};
    registryDefaults.stream = {};
  });

  it('points the registry at the fake: getApi(FAKE_API) lists its forums', async () => {
    expect(registryDefaults.client.fetch).to.equal(fake.fetch);
    expect(registryDefaults.stream.eventSource).to.equal(fake.EventSource);
    const page = await getApi(FAKE_API).listForums({ status: 'live' });
    expect(page.items.map((f) => f.id)).to.deep.equal([fake.demo.liveForumId]);
    expect(fake.requests.some((r) => r.url.startsWith(`${FAKE_API}/forums?`))).to.equal(true);
  });

  it('the guide element lists the forums through the real ApiClient', async () => {
    const el = await fixture(html`<hd-fake-guide-forums api-base=${FAKE_API}></hd-fake-guide-forums>`);
    await until(() => el.shadowRoot!.querySelector('li'), 'forums listed');
    await expect(el).to.be.accessible();
    const ids = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.dataset.forum);
    expect(ids).to.include(fake.demo.openForumId);
    expect(ids).to.include(fake.demo.liveForumId);
  });

  it('a write whose answer is lost (failNext applied) is retried with the same key: one registration', async () => {
    const forumId = fake.demo.openForumId;
    const before = (await getApi(FAKE_API).getForum(forumId, { cache: 'no-cache' })).registered;
    fake.failNext(503, 1, { applied: true });
    const receipt = await getApi(FAKE_API).createRegistration(forumId, registration('lost-answer@example.com'));
    expect(receipt.outcome).to.equal('confirmed');
    const posts = fake.requests.filter((r) => r.method === 'POST');
    expect(posts.length).to.equal(2, 'the client retried once');
    const after = (await getApi(FAKE_API).getForum(forumId, { cache: 'no-cache' })).registered;
    expect(after).to.equal(before + 1);
  });

  it('a failed write (failNext) is retried and succeeds once', async () => {
    const forumId = fake.demo.openForumId;
    const before = (await getApi(FAKE_API).getForum(forumId, { cache: 'no-cache' })).registered;
    fake.failNext(500, 2);
    await getApi(FAKE_API).createRegistration(forumId, registration('flaky@example.com'));
    expect((await getApi(FAKE_API).getForum(forumId, { cache: 'no-cache' })).registered).to.equal(before + 1);
  });

  it('offline: a read rejects with a NetworkError', async () => {
    fake.setOffline(true);
    let error: unknown;
    try {
      await getApi(FAKE_API).listForums({}, { retries: 0 });
    } catch (err) {
      error = err;
    }
    expect(error).to.be.instanceOf(NetworkError);
    fake.setOffline(false);
    expect((await getApi(FAKE_API).listForums({}, { cache: 'no-cache' })).items.length).to.be.greaterThan(0);
  });

  it('an idea posted elsewhere arrives through the LiveStream on the fake EventSource', async () => {
    const stream = getLiveStream(FAKE_API, fake.demo.liveForumId);
    const messages: LiveMessage[] = [];
    const unsubscribe = stream.subscribe((m) => messages.push(m));
    try {
      await until(() => stream.state === 'open', 'stream open');
      const idea = await fake.postIdea(fake.demo.liveForumId, '마을버스 막차를 30분 늦춰 주세요', 3);
      const got = await until(() => created(messages).find((m) => m.data.id === idea.id), 'idea.created');
      expect(got.data.text).to.equal('마을버스 막차를 30분 늦춰 주세요');
      expect(got.data.table).to.equal(3);
    } finally {
      unsubscribe();
    }
  });

  it('after dropStreams the LiveStream resumes from its last id and loses nothing', async () => {
    const forumId = fake.demo.liveForumId;
    const stream = getLiveStream(FAKE_API, forumId);
    const messages: LiveMessage[] = [];
    const unsubscribe = stream.subscribe((m) => messages.push(m));
    try {
      await until(() => stream.state === 'open', 'stream open');
      const first = await fake.postIdea(forumId, '첫 번째 제안');
      await until(() => created(messages).some((m) => m.data.id === first.id), 'first idea');
      const firstId = created(messages).find((m) => m.data.id === first.id)!.id;
      fake.dropStreams();
      // while the stream is down
      const second = await fake.postIdea(forumId, '두 번째 제안');
      const third = await fake.postIdea(forumId, '세 번째 제안');
      await until(() => created(messages).some((m) => m.data.id === third.id), 'third idea after the reconnect');
      expect(created(messages).map((m) => m.data.id)).to.deep.equal([first.id, second.id, third.id]);
      const reconnects = fake.requests.filter((r) => r.url.includes('/events') && r.url.includes(`lastEventId=${firstId}`));
      expect(reconnects.length).to.be.greaterThan(0, 'the reconnect asked for what came after the last id');
      await until(() => stream.state === 'open', 'open again');
    } finally {
      unsubscribe();
    }
  });

  it('the guide feed shows the newest ideas and adds one posted elsewhere', async () => {
    const el = await fixture(html`<hd-fake-guide-feed api-base=${FAKE_API} forum-id=${fake.demo.liveForumId}></hd-fake-guide-feed>`);
    await until(() => el.shadowRoot!.querySelector('li'), 'ideas listed');
    await until(() => el.shadowRoot!.querySelector('[data-state]')?.textContent === 'open', 'live');
    await expect(el).to.be.accessible();
    const idea = await fake.postIdea(fake.demo.liveForumId, '공영주차장 야간 개방을 제안합니다', 6);
    const li = await until(() => el.shadowRoot!.querySelector(`li[data-idea="${idea.id}"]`), 'the new idea on the feed');
    expect(li.textContent).to.contain('공영주차장 야간 개방을 제안합니다');
    expect(el.shadowRoot!.querySelector('li')).to.equal(li, 'newest first');
  });

  it('installing another fake disposes the first and resets the registry', async () => {
    const before = getApi(FAKE_API);
    const other = await createFakeBackend({ scenario: 'empty' });
    const undo = installFake(other);
    try {
      expect(getApi(FAKE_API)).to.not.equal(before, 'no client survives');
      expect((await getApi(FAKE_API).listForums()).items).to.deep.equal([]);
    } finally {
      undo();
    }
  });
});
