import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiController } from '../../src/controllers/api-controller.js';
import { LiveController } from '../../src/controllers/live-controller.js';
import { ApiClient } from '../../src/api/client.js';
import { LiveStream, type EventSourceLike, type LiveMessage, type LiveStreamState } from '../../src/api/live-stream.js';
import { getApi, registryDefaults, resetRegistry } from '../../src/api/registry.js';
import { getLiveStream } from '../../src/api/live-registry.js';
import type { LiveEvent } from '../../src/api/types.js';
import { demoInfo, until } from './helpers/server.js';
import '../../src/define/hd-provider.js';

/** The browser's real EventSource, counted: every construction is one connection to the server. */
class CountingEventSource extends EventSource {
  static instances: CountingEventSource[] = [];
  constructor(url: string) {
    super(url);
    CountingEventSource.instances.push(this);
  }
  /** Drops the connection as a network failure would. */
  drop(): void {
    this.close();
    this.dispatchEvent(new Event('error'));
  }
}

function collect(stream: LiveStream) {
  const messages: LiveMessage[] = [];
  const unsubscribe = stream.subscribe((m) => messages.push(m));
  return { messages, unsubscribe };
}

const created = (messages: LiveMessage[], text: string) =>
  messages.filter((m): m is Extract<LiveEvent, { type: 'idea.created' }> => m.type === 'idea.created' && m.data.text === text);

const waitState = (stream: LiveStream, state: LiveStreamState) => until(() => stream.state === state, `state ${state}`, 10_000);

describe('LiveStream against the reference server', () => {
  let apiBase: string;
  let forumId: string;
  let participant: ApiClient;

  before(async () => {
    const info = await demoInfo();
    apiBase = info.apiBase;
    forumId = info.demo.liveForumId;
    const session = await getApi(apiBase).join(forumId, { joinCode: info.demo.joinCode, table: 1 });
    participant = getApi(apiBase, session.token);
  });

  beforeEach(() => {
    resetRegistry();
    CountingEventSource.instances = [];
    registryDefaults.stream = { eventSource: CountingEventSource, backoffMs: 50, maxBackoffMs: 200 };
  });
  afterEach(() => {
    resetRegistry();
    registryDefaults.stream = {};
  });

  const post = (text: string) => participant.postIdea(forumId, { text });

  it('shares one connection between two subscribers and delivers a posted idea to both', async () => {
    const a = collect(getLiveStream(apiBase, forumId));
    const b = collect(getLiveStream(`${location.origin}/api/`, forumId));
    const stream = getLiveStream(apiBase, forumId);
    await waitState(stream, 'open');
    expect(CountingEventSource.instances).to.have.length(1);
    expect(stream.listenerCount).to.equal(2);

    const text = `버스 배차 간격을 줄여 주세요 ${Date.now()}`;
    const idea = await post(text);
    await until(() => created(a.messages, text).length && created(b.messages, text).length, 'idea.created on both');
    const event = created(a.messages, text)[0]!;
    expect(event.data.id).to.equal(idea.id);
    expect(event.forumId).to.equal(forumId);
    expect(stream.lastEventId).to.equal(event.id);
    a.unsubscribe();
    b.unsubscribe();
  });

  it('resumes after a drop from the last id and receives what was posted meanwhile, once', async () => {
    const stream = getLiveStream(apiBase, forumId);
    const { messages, unsubscribe } = collect(stream);
    await waitState(stream, 'open');
    const before = `드롭 전 제안 ${Date.now()}`;
    await post(before);
    await until(() => created(messages, before).length, 'first idea');
    const seenId = stream.lastEventId!;

    // Hold the reconnect until the idea below is stored, so it is really "meanwhile".
    registryDefaults.stream = {};
    (stream.options as { backoffMs: number }).backoffMs = 60_000;
    (stream.options as { maxBackoffMs: number }).maxBackoffMs = 60_000;
    CountingEventSource.instances[0]!.drop();
    expect(stream.state).to.equal('reconnecting');
    const meanwhile = `드롭 중 제안 ${Date.now()}`;
    await post(meanwhile);
    stream.reconnect();

    await until(() => created(messages, meanwhile).length, 'the idea posted while dropped');
    expect(CountingEventSource.instances).to.have.length(2);
    expect(new URL(CountingEventSource.instances[1]!.url).searchParams.get('lastEventId')).to.equal(seenId);
    expect(created(messages, before)).to.have.length(1); // no duplicate from the replay
    unsubscribe();
  });

  it('closes the connection when the last listener leaves, and reopens for the next', async () => {
    const stream = getLiveStream(apiBase, forumId);
    const a = collect(stream);
    const b = collect(stream);
    await waitState(stream, 'open');
    a.unsubscribe();
    await Promise.resolve();
    expect(stream.state).to.equal('open');
    b.unsubscribe();
    await Promise.resolve();
    await Promise.resolve();
    expect(stream.state).to.equal('closed');
    expect(CountingEventSource.instances[0]!.readyState).to.equal(EventSource.CLOSED);

    const c = collect(stream);
    await waitState(stream, 'open');
    expect(CountingEventSource.instances).to.have.length(2);
    c.unsubscribe();
  });

  it('passes on reset when the resume point is unknown, so listeners refetch', async () => {
    const client = getApi(apiBase);
    const stream = new LiveStream({
      url: (id) => client.eventsUrl(forumId, id),
      lastEventId: '999999999999',
    });
    const { messages, unsubscribe } = collect(stream);
    const reset = await until(() => messages.find((m) => m.type === 'reset'), 'reset');
    expect(reset.type).to.equal('reset');
    expect(stream.lastEventId).to.equal((reset as LiveEvent).id);
    unsubscribe();
  });
});

/** A widget-like live list: ApiController for the backend, LiveController for the stream. */
class TestLiveWall extends LitElement {
  @property({ attribute: 'api-base' }) apiBase: string | undefined;
  @property({ attribute: 'forum-id' }) forumId = '';
  @property({ attribute: false }) token: string | undefined;
  readonly texts: string[] = [];
  readonly api = new ApiController(this);
  readonly live = new LiveController(this, {
    api: this.api,
    forumId: () => this.forumId,
    onMessage: (m) => {
      if (m.type === 'idea.created') {
        this.texts.push(m.data.text);
        this.requestUpdate();
      }
    },
  });
  override render() {
    return html`<p class="state">${this.live.state}</p><p class="count">${this.texts.length}</p>`;
  }
}
customElements.define('test-live-wall', TestLiveWall);

describe('LiveController in widgets', () => {
  let apiBase: string;
  let forumId: string;
  let participant: ApiClient;
  before(async () => {
    const info = await demoInfo();
    apiBase = info.apiBase;
    forumId = info.demo.liveForumId;
    const session = await getApi(apiBase).join(forumId, { joinCode: info.demo.joinCode, table: 3 });
    participant = getApi(apiBase, session.token);
  });
  beforeEach(() => {
    resetRegistry();
    CountingEventSource.instances = [];
    registryDefaults.stream = { eventSource: CountingEventSource, backoffMs: 50, maxBackoffMs: 200 };
  });
  afterEach(() => {
    resetRegistry();
    registryDefaults.stream = {};
  });

  it('shares one connection between two widgets, shows its state, and closes when both leave', async () => {
    const wrapper = fixtureSync<HTMLDivElement>(html`<div>
      <test-live-wall api-base=${apiBase} forum-id=${forumId}></test-live-wall>
      <test-live-wall api-base=${apiBase} forum-id=${forumId}></test-live-wall>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll<TestLiveWall>('test-live-wall')];
    await until(() => a!.live.state === 'open', 'the stream to open');
    await a!.updateComplete;
    expect(a!.shadowRoot!.querySelector('.state')!.textContent).to.equal('open'); // the state change re-rendered it
    expect(CountingEventSource.instances).to.have.length(1);

    const text = `위젯 두 개가 함께 받는 제안 ${Date.now()}`;
    await participant.postIdea(forumId, { text });
    await until(() => a!.texts.includes(text) && b!.texts.includes(text), 'both widgets to receive the idea');

    const stream = getLiveStream(apiBase, forumId);
    a!.remove();
    await Promise.resolve();
    expect(stream.state).to.equal('open');
    b!.remove();
    await until(() => stream.state === 'closed', 'the stream to close');
    expect(CountingEventSource.instances[0]!.readyState).to.equal(EventSource.CLOSED);
  });

  it('follows the widget to another forum', async () => {
    const { demo } = await demoInfo();
    const el = await fixture<TestLiveWall>(html`<test-live-wall api-base=${apiBase} forum-id=${forumId}></test-live-wall>`);
    await until(() => el.live.state === 'open', 'open');
    const first = getLiveStream(apiBase, forumId);
    el.forumId = demo.openForumId;
    await el.updateComplete;
    await until(() => first.state === 'closed', 'the first stream to close');
    expect(el.live.stream).to.equal(getLiveStream(apiBase, demo.openForumId));
    await until(() => el.live.state === 'open', 'the second stream to open');
  });

  it('takes the stream of its provider’s backend by itself, and none without a forum', async () => {
    const wrapper = await fixture<HTMLElement>(html`<hd-provider api-base=${apiBase}><test-live-wall></test-live-wall></hd-provider>`);
    const el = wrapper.querySelector<TestLiveWall>('test-live-wall')!;
    await el.updateComplete;
    expect(el.live.stream).to.equal(undefined);
    expect(el.live.state).to.equal('closed');
    el.forumId = forumId;
    await el.updateComplete;
    expect(el.live.stream).to.equal(getLiveStream(apiBase, forumId));
    await until(() => el.live.state === 'open', 'the stream to open');
    const text = `공급자를 거쳐 받는 제안 ${Date.now()}`;
    await participant.postIdea(forumId, { text });
    await until(() => el.texts.includes(text), 'the widget to receive the idea');
  });
});

/** A stream the network breaks: it never opens until `healthy` is set (a fault a real server cannot make). */
class BrokenEventSource implements EventSourceLike {
  static instances: BrokenEventSource[] = [];
  static healthy = false;
  /** Opens but never says anything (a proxy that buffers the stream). */
  static silent = false;
  readyState = 0;
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  onmessage: EventSourceLike['onmessage'] = null;
  private readonly listeners = new Map<string, ((ev: MessageEvent) => void)[]>();
  constructor(readonly url: string) {
    BrokenEventSource.instances.push(this);
    if (BrokenEventSource.silent) {
      queueMicrotask(() => {
        if (this.readyState === 2) return;
        this.readyState = 1;
        this.onopen?.call(this as unknown as EventSource, new Event('open'));
      });
    } else if (BrokenEventSource.healthy) {
      queueMicrotask(() => {
        if (this.readyState === 2) return;
        this.readyState = 1;
        this.onopen?.call(this as unknown as EventSource, new Event('open'));
        const data = { id: '7', type: 'vote.changed', forumId: 'f', at: new Date().toISOString(), data: { ideaId: 'i', votes: 3 } };
        const ev = new MessageEvent('vote.changed', { data: JSON.stringify(data), lastEventId: '7' });
        for (const listener of this.listeners.get('vote.changed') ?? []) listener(ev);
      });
    }
  }
  addEventListener(type: string, listener: (ev: MessageEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close(): void {
    this.readyState = 2;
  }
}

describe('LiveStream when streaming is broken', () => {
  it('falls back to poll ticks, keeps trying to stream, and returns when it can', async () => {
    BrokenEventSource.instances = [];
    BrokenEventSource.healthy = false;
    const stream = new LiveStream({
      url: (id) => `/api/forums/f/events${id ? `?lastEventId=${id}` : ''}`,
      eventSource: BrokenEventSource,
      openTimeoutMs: 40,
      failuresBeforePolling: 2,
      backoffMs: 10,
      maxBackoffMs: 40,
      pollIntervalMs: 30,
    });
    const states: LiveStreamState[] = [];
    stream.onStateChange((s) => states.push(s));
    const { messages, unsubscribe } = collect(stream);
    await until(() => messages.filter((m) => m.type === 'poll').length >= 3, 'three poll ticks');
    expect(stream.state).to.equal('polling');
    expect(states).to.include.members(['connecting', 'reconnecting', 'polling']);
    const attempts = BrokenEventSource.instances.length;
    await until(() => BrokenEventSource.instances.length > attempts, 'another attempt to stream');

    BrokenEventSource.healthy = true;
    await until(() => stream.state === 'open', 'back to streaming', 5_000);
    const vote = await until(() => messages.find((m) => m.type === 'vote.changed'), 'the event after recovery');
    expect(vote.type).to.equal('vote.changed');
    const ticks = messages.filter((m) => m.type === 'poll').length;
    await new Promise((r) => setTimeout(r, 100));
    expect(messages.filter((m) => m.type === 'poll').length).to.equal(ticks); // no more ticks
    unsubscribe();
    await Promise.resolve();
    expect(stream.state).to.equal('closed');
  });

  it('treats a stream that opens but stays silent as broken, and reopens it from the last id', async () => {
    BrokenEventSource.instances = [];
    BrokenEventSource.healthy = false;
    BrokenEventSource.silent = true;
    try {
      const stream = new LiveStream({
        url: (id) => `/api/forums/f/events${id ? `?lastEventId=${id}` : ''}`,
        eventSource: BrokenEventSource,
        lastEventId: '41',
        idleTimeoutMs: 40,
        silentWindowsBeforePolling: 2,
        pollIntervalMs: 30,
      });
      const { messages, unsubscribe } = collect(stream);
      await until(() => stream.state === 'open', 'open');
      await until(() => messages.some((m) => m.type === 'poll'), 'a poll tick');
      expect(stream.state).to.equal('polling');
      expect(BrokenEventSource.instances.length).to.be.at.least(2);
      for (const source of BrokenEventSource.instances) expect(source.url).to.contain('lastEventId=41');
      unsubscribe();
    } finally {
      BrokenEventSource.silent = false;
    }
  });
});

describe('a facilitator’s stream and hidden ideas', () => {
  let apiBase: string;
  let forumId: string;
  let facilitatorToken: string;
  let participant: ApiClient;
  const realFetch = window.fetch;
  let fetched: { url: string; headers: Headers }[] = [];

  before(async () => {
    const info = await demoInfo();
    apiBase = info.apiBase;
    forumId = info.demo.liveForumId;
    facilitatorToken = info.demo.facilitatorToken;
    const session = await getApi(apiBase).join(forumId, { joinCode: info.demo.joinCode, table: 2 });
    participant = getApi(apiBase, session.token);
  });
  beforeEach(() => {
    resetRegistry();
    registryDefaults.stream = {};
    fetched = [];
    window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      fetched.push({ url: String(input instanceof Request ? input.url : input), headers: new Headers(init?.headers) });
      return realFetch(input, init);
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
    resetRegistry();
  });

  it('carries the token in a header, never in the URL, and hears a hidden idea whole; the public stream gets it without its text', async () => {
    const facilitator = getApi(apiBase, facilitatorToken);
    const mine = getLiveStream(apiBase, forumId, facilitator);
    const pub = getLiveStream(apiBase, forumId);
    expect(mine).to.not.equal(pub);
    expect(getLiveStream(apiBase, forumId, facilitator)).to.equal(mine); // shared like the public one
    const m = collect(mine);
    const p = collect(pub);
    await waitState(mine, 'open');
    await waitState(pub, 'open');

    const streams = fetched.filter((f) => f.url.includes('/events'));
    expect(streams).to.have.length(1); // the public stream is an EventSource; the facilitator's is read with fetch
    expect(streams[0]!.headers.get('authorization')).to.equal(`Bearer ${facilitatorToken}`);
    for (const f of fetched) expect(f.url).to.not.contain(facilitatorToken);

    const text = `진행자만 볼 수 있게 가릴 제안 ${Date.now()}`;
    const idea = await participant.postIdea(forumId, { text });
    await facilitator.moderateIdea(forumId, idea.id, { status: 'hidden' });
    const updated = (messages: LiveMessage[]) =>
      messages.find((x): x is Extract<LiveEvent, { type: 'idea.updated' }> => x.type === 'idea.updated' && x.data.id === idea.id);
    const full = await until(() => updated(m.messages), 'the facilitator hears the hide');
    const tomb = await until(() => updated(p.messages), 'the public hears the hide');
    expect(full.data.text).to.equal(text);
    expect(full.data.status).to.equal('hidden');
    expect(tomb.data.text).to.equal('');
    expect(tomb.data.status).to.equal('hidden');
    m.unsubscribe();
    p.unsubscribe();
  });

  it('a widget given a facilitator token follows the facilitator’s stream; one without follows the public one', async () => {
    const el = await fixture<TestLiveWall>(html`<test-live-wall api-base=${apiBase} forum-id=${forumId}></test-live-wall>`);
    await until(() => el.live.state === 'open', 'open');
    expect(el.live.stream).to.equal(getLiveStream(apiBase, forumId));
    el.token = facilitatorToken;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.live.stream).to.equal(getLiveStream(apiBase, forumId, getApi(apiBase, facilitatorToken)));
    await until(() => el.live.state === 'open', 'the facilitator stream open');
  });
});

describe('a stream the server refuses (a server that takes one stream per address)', () => {
  let tight: { apiBase: string; demo: { liveForumId: string; facilitatorToken: string } };
  before(async () => {
    const res = await fetch('/__hd/tight.json');
    if (!res.ok) throw new Error(`second reference server unavailable: ${res.status} ${await res.text()}`);
    tight = (await res.json()) as typeof tight;
  });
  beforeEach(() => {
    resetRegistry();
    registryDefaults.stream = {};
  });
  afterEach(() => resetRegistry());

  it('429 read with fetch: polls at once, keeps the Retry-After, and streams again once there is room', async function () {
    this.timeout(40_000);
    const forumId = tight.demo.liveForumId;
    const holder = getLiveStream(tight.apiBase, forumId);
    const held = collect(holder);
    await waitState(holder, 'open');

    const client = getApi(tight.apiBase, tight.demo.facilitatorToken);
    const refused = new LiveStream({
      url: (id) => client.eventsUrl(forumId, id),
      headers: client.streamHeaders()!,
      backoffMs: 50,
      maxBackoffMs: 200,
      pollIntervalMs: 100,
    });
    const states: LiveStreamState[] = [];
    refused.onStateChange((s) => states.push(s));
    const r = collect(refused);
    await until(() => r.messages.filter((x) => x.type === 'poll').length >= 2, 'poll ticks while refused');
    expect(refused.refusal).to.deep.equal({ status: 429, retryAfterMs: 5_000 });
    expect(states).to.deep.equal(['connecting', 'polling']); // no "reconnecting" round first: the server said later
    expect(refused.connectionCount).to.equal(1); // the back-off holds it for the Retry-After, not 50 ms

    held.unsubscribe(); // the place comes free
    await until(() => refused.state === 'open', 'streaming again', 20_000);
    expect(refused.refusal).to.equal(null);
    r.unsubscribe();
  });

  it('a refused EventSource (the browser does not say why) also polls at once instead of after three failures', async function () {
    this.timeout(20_000);
    const forumId = tight.demo.liveForumId;
    const holder = getLiveStream(tight.apiBase, forumId);
    const held = collect(holder);
    await waitState(holder, 'open');
    const client = getApi(tight.apiBase);
    const refused = new LiveStream({ url: (id) => client.eventsUrl(forumId, id), backoffMs: 5_000, maxBackoffMs: 5_000, pollIntervalMs: 100 });
    const states: LiveStreamState[] = [];
    refused.onStateChange((s) => states.push(s));
    const r = collect(refused);
    await until(() => r.messages.some((x) => x.type === 'poll'), 'a poll tick');
    expect(states).to.deep.equal(['connecting', 'polling']);
    expect(refused.refusal).to.deep.equal({ status: 0, retryAfterMs: null });
    r.unsubscribe();
    held.unsubscribe();
  });
});
