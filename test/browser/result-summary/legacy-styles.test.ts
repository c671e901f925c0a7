/**
 * A browser without constructable stylesheets (Safari before 16.4, older Firefox; the Safari also
 * without ElementInternals), emulated before
 * Lit loads: the parts `<hd-result-summary>` loads later still bring their styles, as <style>
 * elements carrying the page's `window.litNonce` (the same path Lit takes for the element's own
 * styles). This file imports Lit only after the emulation, so it uses chai directly.
 */
import { expect } from '@esm-bundle/chai';
import type { ForumPage, ForumResult } from '../../../src/api/types.js';
import { until } from '../helpers/server.js';
import { api } from './fixtures.js';

const proto = (o: object) => o as Record<string, unknown>;
delete proto(Document.prototype).adoptedStyleSheets;
delete proto(ShadowRoot.prototype).adoptedStyleSheets;
delete proto(CSSStyleSheet.prototype).replace;
delete proto(CSSStyleSheet.prototype).replaceSync;
// Safari before 16.4 has no ElementInternals either: the element works without its `:state()` hooks.
delete proto(HTMLElement.prototype).attachInternals;
(window as unknown as { litNonce: string }).litNonce = 'hd-test-nonce';

it('<hd-result-summary> styles its charts, tables and programme view without constructable stylesheets', async () => {
  await import('../../../src/define/hd-result-summary.js');
  const page = await api<ForumPage>('/forums?status=reported&order=desc&limit=10');
  const results = await Promise.all(page.items.map((f) => api<ForumResult>(`/forums/${f.id}/results`)));
  const seeded = results.find((r) => r.categories.length && r.byDistrict.length)!;
  const el = document.createElement('hd-result-summary');
  el.setAttribute('api-base', '/api');
  el.setAttribute('forum-id', seeded.forumId);
  document.body.append(el);
  try {
    const root = el.shadowRoot!;
    await until(() => root.querySelector('.proposal'), 'the summary');
    expect('adoptedStyleSheets' in root, 'the emulation holds').to.equal(false);
    root.querySelector('.charts')!.scrollIntoView();
    await until(() => root.querySelector('figure svg[role=img] rect.bar'), 'the charts');
    await el.updateComplete;
    const styles = [...root.querySelectorAll('style')];
    expect(styles.length).to.be.greaterThan(2);
    for (const s of styles) expect(s.nonce, 'every <style> carries the nonce').to.equal('hd-test-nonce');
    // The bars are the accent colour (unstyled SVG would fill them black) and the tables have their rules.
    const accent = getComputedStyle(root.querySelector('.download')!).backgroundColor;
    expect(getComputedStyle(root.querySelector('rect.bar')!).fill).to.equal(accent);
    expect(getComputedStyle(root.querySelector('#district table')!).borderCollapse).to.equal('collapse');
    // Each sheet once, however often the element re-renders.
    el.setAttribute('lang', 'ko-KR');
    await el.updateComplete;
    expect(root.querySelectorAll('style')).to.have.length(styles.length);

    // The programme view's own sheet too.
    el.removeAttribute('forum-id');
    await until(() => root.querySelector('.forums .forum'), 'the programme');
    expect(getComputedStyle(root.querySelector('.forums')!).display).to.equal('grid');
    expect(getComputedStyle(root.querySelector('.forum')!).borderTopStyle).to.equal('solid');
    for (const s of root.querySelectorAll('style')) expect(s.nonce).to.equal('hd-test-nonce');
  } finally {
    el.remove();
  }
});
