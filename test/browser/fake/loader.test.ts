/**
 * `fakeLoader`, as Storybook calls it before each story: a fresh fake per story, installed, set
 * up from `parameters.fake`.
 */
import { expect } from '@open-wc/testing';
import { getApi, registryDefaults } from '../../../src/api/registry.js';
import { FAKE_API, fakeLoader, type FakeBackend, type FakeParameters } from '../../../stories/fake/index.ts';

const load = (fake?: FakeParameters) => fakeLoader({ parameters: fake ? { fake } : {} });

describe('fakeLoader', () => {
  let last: FakeBackend | undefined;
  afterEach(async () => {
    await last?.dispose();
    registryDefaults.client = {};
    registryDefaults.stream = {};
  });

  it('installs a fresh demo fake per story', async () => {
    const a = (await load()).fake;
    const client = getApi(FAKE_API);
    const b = (last = (await load()).fake);
    expect(b).to.not.equal(a);
    expect(registryDefaults.client.fetch).to.equal(b.fetch);
    expect(getApi(FAKE_API)).to.not.equal(client, 'the registry was reset');
    const live = await getApi(FAKE_API).getForum(b.demo.liveForumId);
    expect(live.status).to.equal('live');
  });

  it('scenario empty: no forums', async () => {
    last = (await load({ scenario: 'empty' })).fake;
    expect((await getApi(FAKE_API).listForums()).items).to.deep.equal([]);
    expect(last.demo.liveForumId).to.equal('');
  });

  it('failNext { status, times }: that many failures, then answers', async () => {
    last = (await load({ failNext: { status: 503, times: 2 } })).fake;
    expect((await last.fetch(`${FAKE_API}/forums`)).status).to.equal(503);
    expect((await last.fetch(`${FAKE_API}/forums`)).status).to.equal(503);
    expect((await last.fetch(`${FAKE_API}/forums`)).status).to.equal(200);
  });

  it('offline: requests reject like a dead network', async () => {
    last = (await load({ offline: true })).fake;
    let error: unknown;
    await last.fetch(`${FAKE_API}/forums`).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(TypeError);
  });

  it('delay Infinity: nothing answers until the request is aborted', async () => {
    last = (await load({ delay: Infinity })).fake;
    const ctrl = new AbortController();
    let settled = false;
    const pending = last.fetch(`${FAKE_API}/forums`, { signal: ctrl.signal }).finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).to.equal(false);
    ctrl.abort();
    let error: unknown;
    await pending.catch((e: unknown) => (error = e));
    expect((error as Error).name).to.equal('AbortError');
  });

  it('now: the demo data is generated around the given clock', async () => {
    last = (await load({ now: '2030-03-01T10:00:00+09:00' })).fake;
    expect(last.now().getFullYear()).to.equal(2030);
    const live = await getApi(FAKE_API).getForum(last.demo.liveForumId);
    expect(live.startsAt.slice(0, 7)).to.equal('2030-03');
  });
});
