/**
 * A person opens a chart's data table before the charts' chunk is in (its own page, so the chunk
 * is not cached): the table arrives in place, and focus never leaves the toggle.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ForumPage, ForumResult } from '../../../src/api/types.js';
import '../../../src/define/hd-result-summary.js';
import type { HdResultSummary } from '../../../src/define/hd-result-summary.js';
import { until } from '../helpers/server.js';
import { api } from './fixtures.js';

const $ = <T extends Element = HTMLElement>(el: HdResultSummary, sel: string) => el.shadowRoot!.querySelector<T>(sel);

it('<hd-result-summary> opens a chart’s table from the keyboard while its chunk loads, keeping focus on the toggle', async () => {
  const page = await api<ForumPage>('/forums?status=reported&order=desc&limit=10');
  let seeded: ForumResult | undefined;
  for (const f of page.items) {
    const r = await api<ForumResult>(`/forums/${f.id}/results`);
    if (r.byAgeGroup.length) {
      seeded = r;
      break;
    }
  }
  expect(seeded, 'a seeded forum with registrations by age').to.exist;
  // Far below the fold: only the toggle asks for the charts' chunk.
  const wrap = await fixture<HTMLDivElement>(html`<div><div style="height: 4000px"></div><hd-result-summary api-base="/api" forum-id=${seeded!.forumId}></hd-result-summary></div>`);
  const el = wrap.querySelector('hd-result-summary')!;
  await until(() => $(el, 'article') && !$(el, '.skeleton'), 'the summary');
  const toggle = $<HTMLButtonElement>(el, 'button[aria-controls=age]')!;
  expect($(el, '#age')!.hidden).to.equal(true);
  expect(el.shadowRoot!.querySelectorAll('figure svg.sk').length, 'charts not drawn yet').to.be.greaterThan(0);
  toggle.focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete; // resolves once the chunk it asked for is in and drawn
  expect(el.shadowRoot!.activeElement, 'focus stays on the same toggle').to.equal(toggle);
  expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  expect(toggle.textContent!.trim()).to.equal('표 닫기');
  expect($(el, '#age')!.hidden).to.equal(false);
  expect(el.shadowRoot!.querySelectorAll('#age tbody tr')).to.have.length(seeded!.byAgeGroup.length);
  expect(el.shadowRoot!.querySelectorAll('figure svg.sk'), 'the charts came with it').to.have.length(0);
  await expect(el).to.be.accessible();
});
