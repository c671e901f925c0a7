import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { getApi } from '../../src/api/registry.js';
import { getLiveStream } from '../../src/api/live-registry.js';
import { HdProvider } from '../../src/define/hd-provider.js';
import '../../src/index.js'; // the CDN entry: defines <hd-provider> and attaches the ContextRoot
import type { TestApiConsumer } from './helpers/elements.js';
import './helpers/elements.js';

const nextTask = () => new Promise((r) => setTimeout(r, 0));

describe('<hd-provider>', () => {
  it('is accessible with content and renders as its children only', async () => {
    const el = await fixture<HdProvider>(html`<hd-provider api-base="/api"><h2>토론회 일정</h2><p>안내 문구입니다.</p></hd-provider>`);
    await expect(el).to.be.accessible();
    expect(getComputedStyle(el).display).to.equal('contents');
    expect(el).to.be.instanceOf(HdProvider);
  });

  it('gives every descendant the same client — the registry’s', async () => {
    const el = await fixture<HdProvider>(html`<hd-provider api-base="/api">
      <test-api-consumer id="a"></test-api-consumer>
      <section><test-api-consumer id="b"></test-api-consumer></section>
    </hd-provider>`);
    const a = el.querySelector<TestApiConsumer>('#a')!;
    const b = el.querySelector<TestApiConsumer>('#b')!;
    await a.updateComplete;
    await b.updateComplete;
    expect(a.api.value).to.exist;
    expect(a.api.value).to.equal(b.api.value);
    expect(a.api.client).to.equal(getApi('/api'));
    expect(a.api.client.baseUrl).to.equal(new URL('/api', location.href).href);
    expect(getLiveStream(a.api.value!.baseUrl, 'f1')).to.equal(getLiveStream('/api', 'f1')); // and one live stream per forum
    expect(a.shadowRoot!.textContent).to.contain(a.api.client.baseUrl);
  });

  it('swaps the object when api-base, token or locale change, and only then', async () => {
    const el = await fixture<HdProvider>(html`<hd-provider api-base="/api"><test-api-consumer></test-api-consumer></hd-provider>`);
    const consumer = el.querySelector('test-api-consumer')!;
    await consumer.updateComplete;
    const first = consumer.api.value!;

    el.setAttribute('api-base', '/api/'); // the same backend, normalised
    await el.updateComplete;
    await consumer.updateComplete;
    expect(consumer.api.value).to.equal(first);

    el.setAttribute('api-base', '/other-api');
    await el.updateComplete;
    await consumer.updateComplete;
    const second = consumer.api.value!;
    expect(second).to.not.equal(first);
    expect(second.client.baseUrl).to.match(/\/other-api$/);
    expect(consumer.shadowRoot!.textContent).to.contain('/other-api');

    el.token = 'facilitator-token';
    await el.updateComplete;
    await consumer.updateComplete;
    const third = consumer.api.value!;
    expect(third).to.not.equal(second);
    expect(third.hasToken).to.equal(true);
    expect(third.client).to.equal(getApi('/other-api', 'facilitator-token'));

    el.locale = 'en';
    await el.updateComplete;
    await consumer.updateComplete;
    expect(consumer.api.value!.locale).to.equal('en');
    expect(consumer.shadowRoot!.querySelector('.status')!.textContent).to.equal('Open for signup');

    // Every change reached the consumer exactly once.
    expect(consumer.seen.filter(Boolean)).to.have.length(4);
  });

  it('lets a widget without a provider use its own api-base, sharing the registry’s client', async () => {
    const wrapper = fixtureSync(html`<div>
      <test-api-consumer api-base="/api"></test-api-consumer>
      <test-api-consumer api-base="${location.origin}/api/"></test-api-consumer>
    </div>`);
    const [a, b] = [...wrapper.querySelectorAll('test-api-consumer')];
    await a!.updateComplete;
    expect(a!.api.client).to.equal(getApi('/api'));
    expect(b!.api.client).to.equal(a!.api.client);
    expect(a!.api.client.cache).to.equal(b!.api.client.cache);
  });

  it('prefers a widget’s own api-base over the provider’s', async () => {
    const el = await fixture<HdProvider>(
      html`<hd-provider api-base="/api"><test-api-consumer api-base="/elsewhere"></test-api-consumer></hd-provider>`,
    );
    const consumer = el.querySelector('test-api-consumer')!;
    await consumer.updateComplete;
    expect(consumer.api.client.baseUrl).to.match(/\/elsewhere$/);
  });

  it('reaches widgets that connected before their provider upgraded (ContextRoot)', async () => {
    const wrapper = fixtureSync(html`<div><test-late-provider api-base="/api"><test-api-consumer></test-api-consumer></test-late-provider></div>`);
    const consumer = wrapper.querySelector('test-api-consumer')!;
    await consumer.updateComplete;
    expect(consumer.api.value).to.equal(undefined);
    customElements.define('test-late-provider', class extends HdProvider {});
    await nextTask();
    await consumer.updateComplete;
    expect(consumer.api.value?.client).to.equal(getApi('/api'));
  });

  it('replays a waiting widget’s request once, even when the context root’s module runs twice', async () => {
    // A second copy of the module (another URL, so it runs again) must not attach a second root.
    await import(/* @vite-ignore */ `${new URL('../../src/define/context-root.ts', import.meta.url).href}?copy=2`);
    const wrapper = fixtureSync(html`<div><test-later-provider api-base="/api"><test-api-consumer></test-api-consumer></test-later-provider></div>`);
    const consumer = wrapper.querySelector('test-api-consumer')!;
    await consumer.updateComplete;
    expect(consumer.api.value).to.equal(undefined);
    let replays = 0;
    const count = (e: Event) => {
      if ((e as Event & { contextTarget?: Element }).contextTarget === consumer) replays++;
    };
    consumer.addEventListener('context-request', count);
    try {
      customElements.define('test-later-provider', class extends HdProvider {});
      await nextTask();
      await consumer.updateComplete;
    } finally {
      consumer.removeEventListener('context-request', count);
    }
    expect(consumer.api.value?.client).to.equal(getApi('/api'));
    expect(replays).to.equal(1);
  });

  it('prints no Lit dev-mode warning while rendering', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
    try {
      const el = await fixture<HdProvider>(html`<hd-provider api-base="/api" locale="ko"><test-api-consumer></test-api-consumer></hd-provider>`);
      el.setAttribute('api-base', '/api-2');
      await el.updateComplete;
      await el.querySelector('test-api-consumer')!.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => w.includes('lit.dev/msg') && !w.includes('lit.dev/msg/dev-mode'))).to.deep.equal([]);
  });
});
