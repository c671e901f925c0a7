// Hostile host page 1b: the strict CSP in a browser WITHOUT constructable stylesheets (emulated in
// Chromium by legacy.js, which removes adoptedStyleSheets and CSSStyleSheet.replace before Lit
// loads). Lit then writes each shadow root's styles into <style> elements, which `style-src 'self'`
// refuses — unless the page hands Lit its style nonce through `window.litNonce` (lit-nonce.js, with
// `'nonce-…'` in style-src). With the nonce: no violation, and every widget looks as in a modern
// browser (modern.html, the same widgets). Without it: the browser refuses the styles.
// Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { diff, hostCsp, readThrough, sampleInside, shoot, startHostile, watch, WAIT, type Hostile } from './harness.ts';

const WIDGETS = ['calendar', 'signup', 'wall', 'projector', 'results'] as const;

/**
 * KNOWN GAP, reported to the lead: idea-wall.ts `#need()` (~line 766) adopts a code-split view's
 * styles (the projector's, the facilitator's) with `root.adoptedStyleSheets = [...]` only when
 * `CSSResult.styleSheet` exists, which it does not without constructable stylesheets — so in such a
 * browser the projector renders unstyled (no error). signup-form.ts and result-summary.ts do it
 * right: Lit's `adoptStyles(root, [...])`, which falls back to a <style> element carrying
 * `window.litNonce`. Delete the entry once fixed (the test says so).
 */
const KNOWN_UNSTYLED: string[] = []; // fixed: the wall adds its code-split styles with Lit's adoptStyles (src/styles/adopt.ts)

/** Waits until every widget shows its data (scrolling to each: the loader fetches a widget near the viewport). */
async function settled(page: Page): Promise<void> {
  await page.locator('#calendar [part~="forum-title"]').first().waitFor(WAIT);
  await page.locator('#signup').scrollIntoViewIfNeeded();
  await page.locator('#signup #f-name').waitFor(WAIT);
  await page.locator('#wall').scrollIntoViewIfNeeded();
  await page.locator('#wall').getByText('2번 테이블에서 참여 중입니다.').waitFor(WAIT);
  await page.locator('#projector').scrollIntoViewIfNeeded();
  await page.locator('#projector [part="qr"]').waitFor(WAIT);
  await page.locator('#results').scrollIntoViewIfNeeded();
  await page.locator('#results .proposal').first().waitFor(WAIT);
  await readThrough(page, 'results'); // its charts are drawn as they come near the viewport
  await page.locator('#results svg rect').first().waitFor({ ...WAIT, state: 'attached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForLoadState('networkidle').catch(() => {});
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
}

describe('a strict-CSP page in a browser without constructable stylesheets: the window.litNonce path', () => {
  let h: Hostile;
  const contexts: BrowserContext[] = [];
  const open = async (name: string) => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' });
    contexts.push(context);
    const page = await context.newPage();
    const seen = watch(page);
    const res = await page.goto(`${h.host}/${name}.html`);
    assert.equal(res?.status(), 200);
    return { page, seen, csp: res?.headers()['content-security-policy'] ?? '' };
  };

  before(async () => {
    h = await startHostile('legacy');
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await h?.close();
  });

  test('with the page’s nonce in window.litNonce every widget renders under the strict policy, styled as in a modern browser', async (t) => {
    const legacy = await open('legacy');
    const nonce = /'nonce-([^']+)'/.exec(legacy.csp)?.[1];
    assert.ok(nonce, 'the page has a style nonce');
    assert.equal(legacy.csp, hostCsp(h.apiOrigin, nonce));
    await settled(legacy.page);

    // The emulation holds: Lit took its <style> fallback, with the nonce, in every widget.
    const fallback = await legacy.page.evaluate((widgets) => {
      const out: Record<string, { styles: number; withNonce: number; adopted: boolean }> = {};
      for (const id of widgets) {
        const root = document.getElementById(id)!.shadowRoot!;
        const styles = Array.from(root.querySelectorAll('style'));
        out[id] = { styles: styles.length, withNonce: styles.filter((s) => s.nonce).length, adopted: 'adoptedStyleSheets' in root };
      }
      return out;
    }, [...WIDGETS]);
    for (const id of WIDGETS) {
      assert.equal(fallback[id]!.adopted, false, `${id}: constructable stylesheets are gone`);
      assert.ok(fallback[id]!.styles > 0, `${id}: styles in <style> elements`);
      assert.equal(fallback[id]!.withNonce, fallback[id]!.styles, `${id}: every <style> carries the nonce`);
    }
    assert.deepEqual(await legacy.seen.violations(), []);
    assert.deepEqual(legacy.seen.problems, []);

    const modern = await open('modern');
    await settled(modern.page);
    const want = await sampleInside(modern.page, WIDGETS);
    const got = await sampleInside(legacy.page, WIDGETS);
    const missing = Object.keys(want).filter((k) => !got[k] && !KNOWN_UNSTYLED.some((id) => k.startsWith(`${id} `)));
    assert.deepEqual(missing, [], 'the same elements render');
    const differs = diff(want, got);
    for (const line of differs) t.diagnostic(`differs: ${line}`);
    assert.deepEqual(differs.filter((l) => !KNOWN_UNSTYLED.includes(l.split(' ')[0]!)), []);
    for (const id of KNOWN_UNSTYLED) if (!differs.some((l) => l.startsWith(`${id} `))) t.diagnostic(`fixed: ${id} looks the same: remove it from KNOWN_UNSTYLED`);

    await shoot(legacy.page, 'legacy', [...WIDGETS]);
    await shoot(modern.page, 'modern', [...WIDGETS]);
    assert.deepEqual(await modern.seen.violations(), []);
    assert.deepEqual(modern.seen.problems, []);
  });

  test('without the nonce the strict policy refuses those <style> elements (why the nonce is needed)', async () => {
    const bare = await open('legacy-no-nonce');
    assert.equal(bare.csp, hostCsp(h.apiOrigin));
    await bare.page.locator('#calendar [part~="forum-title"]').first().waitFor(WAIT);
    const v = await bare.seen.violations();
    assert.ok(v.length > 0 && v.every((x) => x.directive === 'style-src-elem'), JSON.stringify(v.slice(0, 3)));
  });
});
