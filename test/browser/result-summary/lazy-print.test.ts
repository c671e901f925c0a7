/**
 * The Print button of a summary whose charts never came near the viewport (its own page, so the
 * charts' chunk and the print stylesheet are not cached): the print has the charts and tables.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { ForumPage, ForumResult } from '../../../src/api/types.js';
import '../../../src/define/hd-result-summary.js';
import type { HdResultSummary } from '../../../src/define/hd-result-summary.js';
import { until } from '../helpers/server.js';
import { api } from './fixtures.js';

const $ = <T extends Element = HTMLElement>(el: HdResultSummary, sel: string) => el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: HdResultSummary, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];

it('<hd-result-summary> prints from its Print button with the charts and tables it had not loaded yet', async () => {
  const page = await api<ForumPage>('/forums?status=reported&order=desc&limit=10');
  const results = await Promise.all(page.items.map((f) => api<ForumResult>(`/forums/${f.id}/results`)));
  const seeded = results.find((r) => r.tables.length && r.categories.length && r.byDistrict.length && r.byAgeGroup.length)!;
  expect(seeded, 'a seeded forum with tables and charts').to.exist;
  const wrap = await fixture<HTMLDivElement>(html`<div><div style="height: 4000px"></div><hd-result-summary api-base="/api" forum-id=${seeded.forumId}></hd-result-summary></div>`);
  const el = wrap.querySelector('hd-result-summary')!;
  await until(() => $(el, 'article') && !$(el, '.skeleton'), 'the summary');
  expect($$(el, 'figure svg[role=img]'), 'no chart drawn before printing').to.have.length(0);
  let printed: string[] | undefined;
  const print = window.print;
  // What the print shows, sampled when the dialog would open.
  window.print = () => void (printed = $$(el, 'figure').map((f) => f.querySelector('svg[role=img]')?.getAttribute('aria-label') ?? ''));
  try {
    $<HTMLButtonElement>(el, 'button.print')!.click();
    await until(() => printed, 'the print dialog');
  } finally {
    window.print = print;
  }
  expect(printed).to.have.length(3);
  for (const alt of printed!) expect(alt, 'every chart drawn when the dialog opens').to.match(/^.+: .+\.$/);
  await emulateMedia({ media: 'print' });
  try {
    expect(getComputedStyle($(el, '.controls')!).display).to.equal('none');
    for (const id of ['per-table', 'cat', 'district', 'age']) {
      expect(getComputedStyle($(el, `#${id}`)!).display, id).to.equal('block');
      expect(el.shadowRoot!.querySelectorAll(`#${id} tbody tr`).length, id).to.be.greaterThan(0);
    }
    expect(getComputedStyle($(el, '.proposal')!).breakInside).to.equal('avoid');
  } finally {
    await emulateMedia({ media: 'screen' });
  }
});
