// Hostile host page 2: aggressive global CSS. aggressive.html is plain.html (right to left, a 20 px
// root font, the four widgets in a provider, host elements between them) plus aggressive.css:
// `* { box-sizing: content-box; margin; color } !important`, `body * { font: italic 700 30px/1 serif;
// letter-spacing; text-transform … } !important`, `!important` padding/border/background/line-height
// on button, input, select, textarea and div, list styles, link colours, SVG fill and stroke.
// Inside the widgets everything must look as on the plain page (fonts, colours, boxes, control
// heights), nothing may overflow a 390 px phone, and the widgets' styles must not leak out: the host
// page's own elements compute the same styles with and without the widgets loaded.
// Needs the build (npm test runs it first).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { diff, PAGES, readThrough, sampleInside, shoot, startHostile, watch, WAIT, type Hostile, type Sample } from './harness.ts';

const WIDGETS = ['calendar', 'signup', 'wall', 'results'] as const;
type Widget = (typeof WIDGETS)[number];

/** Properties that are not inherited: a page rule cannot reach them inside a shadow root at all. */
const BOX = ['box-sizing', 'background-color', 'border-top-width', 'border-top-style', 'border-left-width', 'border-left-style', 'border-top-left-radius'];

/**
 * KNOWN GAPS, reported to the lead (issue #6), to be fixed in src/ — then delete the entries (the
 * test says which ones no longer happen). A page rule with `!important` on the host element itself
 * (`body * { font: italic 700 30px/1 serif; letter-spacing; … } !important`, `* { color }`) beats
 * `:host`, and the inherited properties flow into the shadow tree wherever the widget does not set
 * its own value on an element inside (its top wrapper). `:host { text-align: start; color; font-… }`
 * in baseStyles loses to them. Per widget, what leaks in today:
 * - calendar (forum-calendar.styles.ts `.base`: only `font-size: max(16px, 1em)`, and 1em is the
 *   host's page-set size): everything — family, size, style, weight, line height, colour,
 *   letter/word spacing, text-transform, text-shadow, text-align; em sizes (padding, heights) follow.
 * - signup (signup-form.styles.ts `.base`: `font: 400 1em/…` resets family/style/weight and
 *   letter-spacing/text-transform, but 1em is the host's size): size (and em paddings, margins,
 *   control heights), word-spacing, text-shadow, text-align.
 * - wall (idea-wall.styles.ts `.wall`: holds size and line height only): family, style, weight,
 *   colour, letter/word spacing, text-transform, text-shadow, text-align (flex margins follow).
 * - results (result-summary.styles.ts: no wrapper reset at all): everything, as the calendar.
 * A fix for all four: one rule on each widget's top wrapper (or `:host > *` in baseStyles) that
 * restarts inheritance from tokens only — font (family, max(16px, var(--_hd-font-size)), 400,
 * normal, line height), color, letter-spacing/word-spacing normal, text-transform/text-shadow none,
 * text-align start — with em sizes then relative to that wrapper, not to the host.
 */
const KNOWN_LEAKS: Record<Widget, string[]> = {
  // Fixed by baseStyles' `:host > *` reset. What remains follows the host element's own box, which
  // the page may style (`* { margin: 5px !important }` makes it narrower): a long forum title wraps
  // to a taller button, the wall's toolbar spreads its auto margin over less room.
  calendar: ['height'],
  signup: [],
  wall: ['margin-left'],
  results: [],
};

/**
 * KNOWN GAP, reported to the lead: on a right-to-left page every widget inherits `direction: rtl`
 * through its host, though its text is Korean (or English): paragraphs run right-aligned with their
 * final punctuation on the wrong side (“.현장에 아이 돌봄 공간을 운영합니다”, “:일시”), and the
 * result summary's bar labels (charts.ts `bars()`: `<text x="0">`, which in rtl ends at x = 0) run
 * off the left edge of their SVG and are cut off. Fix: `dir` of the locale (`ltr` for ko and en) on
 * each widget's top wrapper, as `lang` already is. Delete entries once fixed.
 */
const KNOWN_RTL: Widget[] = []; // fixed: `direction: ltr` in baseStyles' `:host > *` reset

/** Every computed style of the host page's own elements (`[data-host]`, html, body), except sizes that follow layout. */
function sampleHostPage(page: Page): Promise<Sample> {
  return page.evaluate(() => {
    const skip = new Set(['width', 'height', 'inline-size', 'block-size', 'min-inline-size', 'transform-origin', 'perspective-origin']);
    const out: Record<string, Record<string, string>> = {};
    [document.documentElement, document.body, ...Array.from(document.querySelectorAll('[data-host]'))].forEach((el, i) => {
      const cs = getComputedStyle(el);
      const s: Record<string, string> = {};
      for (const p of Array.from(cs as ArrayLike<string>)) if (!skip.has(p)) s[p] = cs.getPropertyValue(p);
      out[`${el.tagName.toLowerCase()}#${i}`] = s;
    });
    return out;
  });
}

/** Waits until every widget shows its data (the participant joined; the form, list and summary are there). */
async function settled(page: Page): Promise<void> {
  // The loader fetches a widget's code when it comes near the viewport: scroll as a reader does.
  await page.locator('#calendar [part~="forum-title"]').first().waitFor(WAIT);
  await page.locator('#signup').scrollIntoViewIfNeeded();
  await page.locator('#signup #f-name').waitFor(WAIT);
  await page.locator('#wall').scrollIntoViewIfNeeded();
  await page.locator('#wall').getByText('3번 테이블에서 참여 중입니다.').waitFor(WAIT);
  await page.waitForFunction(() => (document.getElementById('wall') as unknown as { shownIdeas: unknown[] }).shownIdeas.length > 0, null, WAIT);
  await page.locator('#results').scrollIntoViewIfNeeded();
  await page.locator('#results .proposal').first().waitFor(WAIT);
  await readThrough(page, 'results'); // its charts are drawn as they come near the viewport
  await page.locator('#results svg rect').first().waitFor({ ...WAIT, state: 'attached' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForLoadState('networkidle').catch(() => {});
  // End the wall's fade-ins so both pages are sampled at rest.
  await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
}

describe('a host page with aggressive global CSS, right to left, a 20 px root font', () => {
  let h: Hostile;
  const contexts: BrowserContext[] = [];
  const pages: Record<'plain' | 'aggressive', Page> = {} as never;
  const seen: Record<string, ReturnType<typeof watch>> = {};

  const open = async (name: string, block = false) => {
    const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'ko-KR' });
    contexts.push(context);
    const page = await context.newPage();
    if (block) await page.route('**/cdn/**', (r) => r.abort());
    seen[name + (block ? ' without widgets' : '')] = watch(page, block ? [/Failed to load resource/] : []);
    const res = await page.goto(`${h.host}/${name}.html`);
    assert.equal(res?.status(), 200);
    return page;
  };

  before(async () => {
    h = await startHostile('css');
    const strip = (f: string) => readFileSync(join(PAGES, f), 'utf8').split('<body>')[1];
    assert.equal(strip('aggressive.html'), strip('plain.html'), 'the two pages have the same body');
    pages.plain = await open('plain');
    pages.aggressive = await open('aggressive');
    await settled(pages.plain);
    await settled(pages.aggressive);
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await h?.close();
  });

  test('the aggressive rules do apply to the host page (and to the widgets’ host elements)', async () => {
    const host = await pages.aggressive.evaluate(() => {
      const cs = getComputedStyle(document.getElementById('signup')!);
      const b = getComputedStyle(document.querySelector('button[data-host]')!);
      return { hostFont: cs.fontSize, hostColor: cs.color, buttonBg: b.backgroundColor, dir: getComputedStyle(document.body).direction };
    });
    assert.deepEqual(host, { hostFont: '30px', hostColor: 'rgb(255, 0, 0)', buttonBg: 'rgb(255, 255, 0)', dir: 'rtl' });
  });

  test('inside every widget, boxes keep their own box-sizing, borders, background and corners', async () => {
    const plain = await sampleInside(pages.plain, WIDGETS);
    const hostile = await sampleInside(pages.aggressive, WIDGETS);
    for (const id of WIDGETS) assert.ok(Object.keys(plain).some((k) => k.startsWith(`${id} button`)), `${id}: nothing sampled`);
    const missing = Object.keys(plain).filter((k) => !hostile[k]);
    assert.deepEqual(missing, [], 'the same elements render on both pages');
    // Not inherited: the page's `!important` rules on button, input, select, textarea and div stop at the shadow boundary.
    assert.deepEqual(diff(plain, hostile).filter((l) => BOX.some((p) => l.includes(` ${p}: `))), []);
  });

  test('inside every widget, text keeps its own font, size, colour and spacing (no inherited page styles leak in)', async (t) => {
    const plain = await sampleInside(pages.plain, WIDGETS);
    const hostile = await sampleInside(pages.aggressive, WIDGETS);
    const leaks = diff(plain, hostile);
    for (const line of leaks) t.diagnostic(`leak: ${line}`);
    // Known, reported to the lead (see KNOWN_LEAKS): anything beyond them fails now.
    const unknown = leaks.filter((l) => {
      const [id, prop] = l.split(/[ :]/);
      return !KNOWN_LEAKS[id as Widget]?.includes(prop!);
    });
    assert.deepEqual(unknown, []);
    for (const id of WIDGETS) {
      const still = new Set(leaks.filter((l) => l.startsWith(`${id} `)).map((l) => l.split(/[ :]/)[1]));
      for (const prop of KNOWN_LEAKS[id]) if (!still.has(prop)) t.diagnostic(`fixed: ${id} ${prop} no longer leaks: remove it from KNOWN_LEAKS`);
    }
  });

  test('nothing overflows a 390 px phone, on either page', async () => {
    for (const page of Object.values(pages)) {
      const wide = await page.evaluate(() => {
        const out: string[] = [];
        if (document.documentElement.scrollWidth > innerWidth) out.push(`page ${document.documentElement.scrollWidth}px`);
        for (const el of Array.from(document.querySelectorAll('hd-forum-calendar, hd-signup-form, hd-idea-wall, hd-result-summary'))) {
          if (el.scrollWidth > el.clientWidth) out.push(`${el.id}: ${el.scrollWidth}px in ${el.clientWidth}px`);
          const r = el.getBoundingClientRect();
          if (r.left < 0 || r.right > innerWidth) out.push(`${el.id}: ${r.left}–${r.right}`);
        }
        return out;
      });
      assert.deepEqual(wide, [], page.url());
    }
  });

  test('right to left: each widget keeps the direction of its own language (ltr for Korean), chart labels included', async (t) => {
    for (const [name, page] of Object.entries(pages)) {
      const found = await page.evaluate((widgets) => {
        const out: Record<string, string[]> = {};
        for (const id of widgets) {
          const root = document.getElementById(id)!.shadowRoot!;
          const wrong = Array.from(root.querySelectorAll('p, label, h2, h3, h4, li'))
            .filter((el) => getComputedStyle(el).direction !== 'ltr')
            .map((el) => `rtl: “${(el.textContent ?? '').trim().slice(0, 24)}”`);
          for (const svg of Array.from(root.querySelectorAll('svg'))) {
            const box = svg.getBoundingClientRect();
            for (const text of Array.from(svg.querySelectorAll('text'))) {
              const r = text.getBoundingClientRect();
              if (r.left < box.left - 1 || r.right > box.right + 1) wrong.push(`cut off: “${text.textContent}” ${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} in 0…${Math.round(box.width)}`);
            }
          }
          out[id] = wrong;
        }
        return out;
      }, [...WIDGETS]);
      for (const id of WIDGETS) {
        const wrong = found[id]!;
        if (KNOWN_RTL.includes(id)) {
          t.diagnostic(wrong.length ? `${name} ${id}: known gap, ${wrong.length} × e.g. ${wrong.slice(0, 3).join('; ')}` : `fixed: ${id} keeps ltr: remove it from KNOWN_RTL`);
        } else {
          assert.deepEqual(wrong, [], `${name} ${id}`);
        }
      }
    }
  });

  test('our styles do not leak out: the host page’s elements compute the same with and without the widgets', async () => {
    for (const name of ['plain', 'aggressive'] as const) {
      const bare = await open(name, true);
      await bare.waitForLoadState('networkidle').catch(() => {});
      assert.equal(await bare.evaluate(() => customElements.get('hd-signup-form')), undefined, 'the widgets did not load');
      const without = await sampleHostPage(bare);
      const withWidgets = await sampleHostPage(pages[name]);
      assert.ok(Object.keys(without).length > 10);
      assert.deepEqual(diff(without, withWidgets), [], name);
    }
  });

  test('no CSP violation, no error on either page; screenshots', async () => {
    for (const [name, page] of Object.entries(pages)) {
      await shoot(page, `css-${name}`, [...WIDGETS], async () => {
        await page.evaluate(() => document.getAnimations().forEach((a) => a.finish()));
      });
      assert.deepEqual(await seen[name]!.violations(), [], name);
    }
    for (const [name, s] of Object.entries(seen)) assert.deepEqual(s.problems, [], name);
  });
});
