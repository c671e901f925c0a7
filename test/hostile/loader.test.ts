// The one script tag editors paste is a small loader (src/loader.ts). What a host page sees of it:
// - a widget below the fold fetches neither its code nor its data until the reader scrolls near it;
// - two copies of the bundle on one page (a partner's other version) neither throw nor break the
//   widgets, and tags added later (by a CMS or a script) still come to life;
// - the files load from another origin (module scripts are fetched with CORS).
// Served like the other hostile pages: the host on its own origin with a strict CSP, the API on
// another. Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Request } from 'playwright-core';
import { startHostile, watch, WAIT, type Hostile } from './harness.ts';

let h: Hostile;
before(async () => {
  h = await startHostile('loader');
});
after(async () => {
  await h?.close();
});

/** Every URL the page requests, in order. */
function record(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r: Request) => urls.push(r.url()));
  return urls;
}
const chunkOf = (tag: string) => new RegExp(`/chunks/${tag}-[\\w-]+\\.js$`);

describe('a widget below the fold', () => {
  test('fetches neither code nor data until the reader scrolls near it, then shows its results', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
    const seen = watch(page);
    const urls = record(page);
    await page.goto(`${h.host}/lazy.html`);
    // the calendar at the top is up and showing the month's forums
    await page.locator('#calendar [part~="forum-title"]').first().waitFor(WAIT);
    await page.waitForLoadState('networkidle');
    assert.ok(urls.some((u) => chunkOf('hd-forum-calendar').test(u)), 'the calendar code was fetched');
    assert.ok(!urls.some((u) => chunkOf('hd-result-summary').test(u)), 'the result summary code was not fetched yet');
    assert.ok(!urls.some((u) => u.includes(`/forums/${h.vars.REPORTED}`)), 'nor its data');
    assert.equal(await page.evaluate(() => customElements.get('hd-result-summary')), undefined);
    // it keeps a place on the page meanwhile (not a zero-height inline box)
    const reserved = await page.evaluate(() => document.getElementById('results')!.getBoundingClientRect().height);
    assert.ok(reserved > 100, `the waiting widget reserves space (${reserved}px)`);

    await page.locator('#results').scrollIntoViewIfNeeded();
    const title = (await h.get<{ title: string }>(`/forums/${h.vars.REPORTED}`)).title;
    await page.locator('#results').getByText(title).first().waitFor(WAIT);
    assert.ok(urls.some((u) => chunkOf('hd-result-summary').test(u)), 'its code came when it neared the viewport');
    assert.ok(urls.some((u) => u.includes(`/forums/${h.vars.REPORTED}`)), 'and its data');
    assert.deepEqual(seen.problems, []);
    await page.close();
  });
});

describe('two copies of the bundle on one page', () => {
  test('neither throws nor breaks the widgets; each tag is defined once; a tag added later comes to life', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
    const seen = watch(page);
    const urls = record(page);
    await page.goto(`${h.host}/twice.html`);
    // both copies really ran: each fetched its own loader from its own URL
    await page.waitForLoadState('networkidle');
    assert.ok(urls.some((u) => u.endsWith('/cdn/hyeondap.js')) && urls.some((u) => u.endsWith('/cdn2/hyeondap.js')), 'both copies loaded');

    const forum = await h.get<{ title: string }>(`/forums/${h.vars.OPEN}`);
    await page.locator('#calendar [part~="forum-title"]').getByText(forum.title).first().waitFor(WAIT);
    await page.locator('#signup #f-name').waitFor(WAIT);
    // each widget's code came from one copy only (the other saw the tag already defined)
    for (const tag of ['hd-forum-calendar', 'hd-signup-form']) {
      const fetched = urls.filter((u) => chunkOf(tag).test(u));
      assert.equal(fetched.length, 1, `${tag} fetched once: ${fetched.join(', ')}`);
    }

    // the provider's value reached the widgets whichever copy defined what
    assert.equal(await page.locator('#calendar [role="alert"]').count(), 0);

    // a CMS adds a widget after load: it is found and upgraded
    await page.evaluate((id) => {
      const el = document.createElement('hd-signup-form');
      el.id = 'later';
      el.setAttribute('forum-id', id);
      document.querySelector('hd-provider')!.append(el);
    }, h.vars.OPEN);
    await page.locator('#later #f-name').waitFor(WAIT);
    assert.deepEqual(seen.problems, []);
    assert.deepEqual(await seen.violations(), []);
    await page.close();
  });
});

describe('loading the bundle from another origin', () => {
  test('the API server sends the widget files with CORS, so any site can load them as module scripts', async () => {
    const res = await fetch(new URL('/dist/cdn/hyeondap.js', h.vars.API_BASE), { headers: { Origin: h.host } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    // A page on a third origin with nothing but the tag: the loader and the chunk it fetches
    // for <hd-provider> both come from origin A, in CORS mode.
    const page = await h.browser.newPage({ locale: 'ko-KR' });
    const seen = watch(page);
    const src = new URL('/dist/cdn/hyeondap.js', h.vars.API_BASE).href;
    await page.setContent(`<script type="module" src="${src}"></script><hd-provider api-base="${h.vars.API_BASE}"></hd-provider>`);
    await page.waitForFunction(() => customElements.get('hd-provider') !== undefined, undefined, WAIT);
    assert.deepEqual(seen.problems, []);
    await page.close();
  });
});
