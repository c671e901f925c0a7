/**
 * A later part cannot be fetched (the connection dropped after the first screen; here: the page's
 * Content-Security-Policy turned strict, the one way a page can refuse a module for good): the
 * forum's charts and the programme view say what went wrong, with a retry that keeps the
 * keyboard, and the charts' reserved space stays as it was. This file runs in a page of its own
 * (the policy cannot be lifted again).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ForumPage, ForumResult } from '../../../src/api/types.js';
import '../../../src/define/hd-result-summary.js';
import type { HdResultSummary } from '../../../src/define/hd-result-summary.js';
import { until } from '../helpers/server.js';
import { api } from './fixtures.js';

const $ = <T extends Element = HTMLElement>(el: HdResultSummary, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: HdResultSummary, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

describe('<hd-result-summary> when a later part cannot be fetched', () => {
  it('keeps the charts’ space and offers a retry that keeps the keyboard; the programme view says so too', async () => {
    const page = await api<ForumPage>('/forums?status=reported&order=desc&limit=10');
    let seeded: ForumResult | undefined;
    for (const f of page.items) {
      const r = await api<ForumResult>(`/forums/${f.id}/results`);
      if (r.categories.length && r.byDistrict.length) seeded = r;
      if (seeded) break;
    }
    const wrap = await fixture<HTMLDivElement>(html`<div><div style="height: 4000px"></div><hd-result-summary api-base="/api" forum-id=${seeded!.forumId}></hd-result-summary><div style="height: 4000px"></div></div>`);
    const el = wrap.querySelector('hd-result-summary')!;
    await until(() => $(el, 'article'), 'the summary');
    await el.updateComplete;
    await expect(el).to.be.accessible(); // (also loads the accessibility checker while scripts still may load)
    const csp = document.createElement('meta');
    csp.httpEquiv = 'Content-Security-Policy';
    csp.content = "script-src 'none'";
    document.head.append(csp);

    const heights = () => $$(el, 'figure').map((f) => Math.round(f.getBoundingClientRect().height));
    const before = heights();
    $(el, '.charts')!.scrollIntoView({ block: 'center' });
    const alert = await until(() => $(el, '[part=error]'), 'the error where the charts go');
    expect(alert.querySelector('button')!.textContent).to.equal('다시 시도');
    expect($$(el, 'figure svg.sk').length, 'the placeholders stay').to.be.greaterThan(0);
    await el.updateComplete;
    await expect(el).to.be.accessible();

    alert.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const again = await until(() => $(el, '[part=error] button'), 'the error again');
    await until(() => el.shadowRoot!.activeElement === again, 'the new retry focused');
    expect(heights(), 'the charts’ space is what it was').to.deep.equal(before);

    // The programme view's code cannot come either: an error with a retry, not a skeleton for ever.
    const programme = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api"></hd-result-summary>`);
    const failed = await until(() => $(programme, '[part=error]'), 'the programme view’s error');
    expect(failed.querySelector('button')!.textContent).to.equal('다시 시도');
    expect(programme.matches(':state(error)')).to.equal(true);
    expect($(programme, '.skeleton')).to.equal(null);
    await expect(programme).to.be.accessible();
  });
});
