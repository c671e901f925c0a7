import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ApiClient } from '../../src/api/client.js';
import { ConflictError, NetworkError, NotFoundError, RateLimitedError, TimeoutError, ValidationError } from '../../src/api/errors.js';
import { getApi } from '../../src/api/registry.js';
import type { Forum, RegistrationReceipt } from '../../src/api/types.js';
import { admin, demoInfo, until } from './helpers/server.js';
import { validRegistration } from './helpers/registration.js';

interface Call {
  url: string;
  method: string;
  headers: Headers;
}

/** A fetch that records calls and lets a test decide each call's fate. */
function recordingFetch(fate: (call: Call, n: number, real: () => Promise<Response>) => Promise<Response>) {
  const calls: Call[] = [];
  const fn: typeof fetch = async (input, init) => {
    const call = { url: String(input), method: init?.method ?? 'GET', headers: new Headers(init?.headers) };
    calls.push(call);
    return fate(call, calls.length, () => fetch(input, init));
  };
  return { calls, fetch: fn };
}

const fastRetries = { retryBaseMs: 1, retryMaxMs: 5 };

describe('ApiClient against the reference server', () => {
  let apiBase: string;
  let openForumId: string;
  before(async () => {
    const info = await demoInfo();
    apiBase = info.apiBase;
    openForumId = info.demo.openForumId;
  });

  it('lists the seeded forums page by page with cursors', async () => {
    const client = new ApiClient({ baseUrl: apiBase });
    const first = await client.listForums({ limit: 2 });
    expect(first.items).to.have.length(2);
    expect(first.nextCursor).to.be.a('string');
    const seen: Forum[] = [...first.items];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await client.listForums({ limit: 2, cursor });
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    const ids = seen.map((f) => f.id);
    expect(new Set(ids).size).to.equal(ids.length);
    expect(ids.length).to.be.greaterThan(3);
    const starts = seen.map((f) => Date.parse(f.startsAt));
    expect(starts).to.deep.equal([...starts].sort((a, b) => a - b));
    expect(ids).to.include(openForumId);
  });

  it('throws a NotFoundError for an unknown forum', async () => {
    const client = new ApiClient({ baseUrl: apiBase });
    const error = await client.getForum('no-such-forum').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NotFoundError);
    expect(error).to.include({ status: 404, code: 'not-found', kind: 'not-found' });
  });

  it('throws a ValidationError naming every bad field', async () => {
    const client = new ApiClient({ baseUrl: apiBase });
    const input = await validRegistration(client, openForumId);
    input.name = '';
    input.contact = { kind: 'email', value: 'x' };
    input.ageGroup = 'teen' as never;
    const error = await client.createRegistration(openForumId, input).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ValidationError);
    const v = error as ValidationError;
    expect(v.status).to.equal(400);
    expect(v.fieldErrors).to.have.property('name');
    expect(v.fieldErrors).to.have.property('contact.value');
    expect(v.fieldErrors).to.have.property('ageGroup');
  });

  it('throws a ConflictError with the problem code for a second registration of one contact', async () => {
    const client = new ApiClient({ baseUrl: apiBase });
    const input = await validRegistration(client, openForumId);
    await client.createRegistration(openForumId, input);
    const error = await client.createRegistration(openForumId, input).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ConflictError);
    expect(error).to.include({ status: 409, code: 'already-registered' });
  });

  it('retries an idempotent registration lost on the way back, and the server keeps one', async () => {
    // The fault: the first attempt reaches the server, then the answer is lost.
    const { calls, fetch } = recordingFetch(async (_call, n, real) => {
      const response = await real();
      if (n === 1) throw new TypeError('Failed to fetch');
      return response;
    });
    const client = new ApiClient({ baseUrl: apiBase, fetch, ...fastRetries });
    const input = await validRegistration(new ApiClient({ baseUrl: apiBase }), openForumId);
    const receipt: RegistrationReceipt = await client.createRegistration(openForumId, input);
    expect(calls).to.have.length(2);
    const keys = calls.map((c) => c.headers.get('Idempotency-Key'));
    expect(keys[0]).to.match(/^[0-9a-f-]{36}$/);
    expect(keys[1]).to.equal(keys[0]);
    expect(receipt.forumId).to.equal(openForumId);

    const all = await admin<{ items: { contact: { value: string } }[]; nextCursor: string | null }>(
      'GET',
      `/forums/${openForumId}/registrations?limit=100`,
    );
    let matches = all.items.filter((r) => r.contact.value === input.contact.value).length;
    let cursor = all.nextCursor;
    while (cursor) {
      const page = await admin<typeof all>('GET', `/forums/${openForumId}/registrations?limit=100&cursor=${encodeURIComponent(cursor)}`);
      matches += page.items.filter((r) => r.contact.value === input.contact.value).length;
      cursor = page.nextCursor;
    }
    expect(matches).to.equal(1);
  });

  it('keeps a caller’s own Idempotency-Key (a submission persisted across reloads)', async () => {
    const { calls, fetch } = recordingFetch((_c, _n, real) => real());
    const client = new ApiClient({ baseUrl: apiBase, fetch });
    const input = await validRegistration(new ApiClient({ baseUrl: apiBase }), openForumId);
    const key = crypto.randomUUID();
    const first = await client.createRegistration(openForumId, input, { idempotencyKey: key });
    const again = await client.createRegistration(openForumId, input, { idempotencyKey: key });
    expect(calls.map((c) => c.headers.get('Idempotency-Key'))).to.deep.equal([key, key]);
    expect(again.id).to.equal(first.id); // the server replayed the first answer
  });

  it('never retries a write without an Idempotency-Key', async () => {
    const { calls, fetch } = recordingFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const client = new ApiClient({ baseUrl: apiBase, fetch, token: 'facilitator', ...fastRetries });
    const error = await client.moderateIdea('f', 'i', { pinned: true }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NetworkError);
    expect(calls).to.have.length(1);
    expect(calls[0]!.headers.has('Idempotency-Key')).to.equal(false);
  });

  it('retries a GET after network failures, then succeeds', async () => {
    const { calls, fetch } = recordingFetch(async (_c, n, real) => {
      if (n < 3) throw new TypeError('Failed to fetch');
      return real();
    });
    const client = new ApiClient({ baseUrl: apiBase, fetch, retries: 3, ...fastRetries });
    const forum = await client.getForum(openForumId);
    expect(forum.id).to.equal(openForumId);
    expect(calls).to.have.length(3);
  });

  it('honours Retry-After on 429, and gives up when the wait is too long', async () => {
    const tooMany = (seconds: number) =>
      new Response(JSON.stringify({ type: 'https://hyeondap.example/problems/rate-limited', title: 'Too many requests', status: 429 }), {
        status: 429,
        headers: { 'Content-Type': 'application/problem+json', 'Retry-After': String(seconds) },
      });
    const soon = recordingFetch(async (_c, n, real) => (n === 1 ? tooMany(0) : real()));
    const forum = await new ApiClient({ baseUrl: apiBase, fetch: soon.fetch, ...fastRetries }).getForum(openForumId);
    expect(forum.id).to.equal(openForumId);
    expect(soon.calls).to.have.length(2);

    const later = recordingFetch(async () => tooMany(120));
    const error = await new ApiClient({ baseUrl: apiBase, fetch: later.fetch, ...fastRetries }).getForum(openForumId).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfter).to.equal(120);
    expect(later.calls).to.have.length(1);
  });

  it('times out a request that never answers, and passes a caller’s abort through untouched', async () => {
    // The fault: a server that accepts the connection and never answers.
    const hang: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
    const client = new ApiClient({ baseUrl: apiBase, fetch: hang, timeoutMs: 30, retries: 1, ...fastRetries });
    const error = await client.getForum(openForumId, { cache: 'no-cache' }).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(TimeoutError);

    const controller = new AbortController();
    const pending = client.listForums({}, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort(new DOMException('left the page', 'AbortError'));
    const aborted = await pending;
    expect(aborted).to.be.instanceOf(DOMException);
    expect((aborted as DOMException).name).to.equal('AbortError');
  });

  it('sends the token only in the Authorization header, without cookies', async () => {
    const { calls, fetch } = recordingFetch((_c, _n, real) => real());
    let init: RequestInit | undefined;
    const spy: typeof fetch = (input, i) => {
      init = i;
      return fetch(input, i);
    };
    const client = new ApiClient({ baseUrl: apiBase, fetch: spy, token: 'secret-token-123' });
    await client.getForum(openForumId);
    expect(calls[0]!.headers.get('Authorization')).to.equal('Bearer secret-token-123');
    expect(calls[0]!.url).to.not.contain('secret-token-123');
    expect(init?.credentials).to.equal('omit');
    expect(client.icsUrl(openForumId)).to.equal(`${location.origin}/api/forums/${openForumId}/calendar.ics`);
    expect(client.feedUrl({ district: '화도읍' })).to.equal(`${location.origin}/api/forums/calendar.ics?district=%ED%99%94%EB%8F%84%EC%9D%8D`);
  });
});

/** A widget-like element that paints a forum's title from the cache at once, else fetches it. */
class TestForumTitle extends LitElement {
  @property({ attribute: 'forum-id' }) forumId = '';
  @property({ attribute: false }) client!: ApiClient;
  firstPaint: string | undefined;
  override render() {
    const forum = this.client.peekForum(this.forumId);
    if (!this.client.peekForum(this.forumId)) void this.client.getForum(this.forumId).then(() => this.requestUpdate());
    return html`<p>${forum?.title ?? '…'}</p>`;
  }
  override firstUpdated() {
    this.firstPaint = this.shadowRoot!.textContent ?? '';
  }
}
customElements.define('test-forum-title', TestForumTitle);

describe('the shared cache', () => {
  let apiBase: string;
  let openForumId: string;
  const realFetch = window.fetch;
  let forumFetches = 0;
  before(async () => {
    const info = await demoInfo();
    apiBase = info.apiBase;
    openForumId = info.demo.openForumId;
    window.fetch = (input, init) => {
      if (String(input).includes(`/forums/${openForumId}`) && !String(input).includes('registrations')) forumFetches++;
      return realFetch(input, init);
    };
  });
  after(() => {
    window.fetch = realFetch;
  });

  it('lets a second widget paint at once from what the first fetched', async () => {
    const client = getApi(apiBase);
    const first = await fixture<TestForumTitle>(html`<test-forum-title forum-id=${openForumId} .client=${client}></test-forum-title>`);
    const title = (await until(() => client.peekForum(openForumId), 'the first fetch')).title;
    await until(() => first.shadowRoot!.textContent!.includes(title), 'the first widget to paint');
    const before = forumFetches;
    const second = await fixture<TestForumTitle>(html`<test-forum-title forum-id=${openForumId} .client=${client}></test-forum-title>`);
    expect(second.firstPaint).to.contain(title);
    expect(forumFetches).to.equal(before);
  });

  it('shares one request among concurrent identical GETs, and one cache among a backend’s clients', async () => {
    const before = forumFetches;
    const a = getApi(apiBase);
    const b = getApi(`${location.origin}/api/`);
    expect(b).to.equal(a);
    const withToken = getApi(apiBase, 'some-participant-token');
    expect(withToken).to.not.equal(a);
    expect(withToken.cache).to.equal(a.cache);
    const [x, y, z] = await Promise.all([
      a.getForum(openForumId, { cache: 'no-cache' }),
      b.getForum(openForumId, { cache: 'no-cache' }),
      a.getForum(openForumId, { cache: 'no-cache' }),
    ]);
    expect(forumFetches - before).to.equal(1);
    expect(a.cacheKey('/forums', { limit: 5, from: 'x' })).to.equal(a.cacheKey('/forums', { from: 'x', limit: 5 }));
    expect(withToken.cacheKey('/forums')).to.not.equal(a.cacheKey('/forums'));
    expect(withToken.cacheKey('/forums')).to.not.contain('some-participant-token');
    expect(x).to.equal(y);
    expect(y).to.equal(z);
  });

  it('keeps a shared request going when only one of its callers aborts', async () => {
    const client = getApi(apiBase);
    const controller = new AbortController();
    const leaving = client.getForum(openForumId, { cache: 'no-cache', signal: controller.signal }).catch((e: unknown) => e);
    const staying = client.getForum(openForumId, { cache: 'no-cache' });
    controller.abort();
    expect(((await leaving) as DOMException).name).to.equal('AbortError');
    expect((await staying).id).to.equal(openForumId);
  });

  it('serves stale data at once after a write and refreshes it in the background', async () => {
    const client = getApi(apiBase);
    const before = await client.getForum(openForumId, { cache: 'no-cache' });
    const input = await validRegistration(client, openForumId);
    await client.createRegistration(openForumId, input); // invalidates the forum
    const refreshed = new Promise<Forum>((resolve) => {
      const off = client.onCached<Forum>(`/forums/${openForumId}`, undefined, (f) => {
        off();
        resolve(f);
      });
    });
    const immediate = await client.getForum(openForumId);
    expect(immediate).to.equal(before); // stale, painted at once
    const fresh = await refreshed;
    expect(fresh.registered + fresh.waitlisted).to.equal(before.registered + before.waitlisted + 1);
    expect(client.peekForum(openForumId)).to.equal(fresh);
  });
});
