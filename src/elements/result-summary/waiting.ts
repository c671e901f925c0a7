/**
 * `<hd-result-summary>` before a forum's results are published: the forum, and when the results
 * are expected. A chunk of its own, fetched together with the forum (in parallel) only when the
 * backend answers `results-not-published`: a page with published results never downloads it. Its
 * words live here, in both languages; its styles are adopted by the element's shadow root.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Forum } from '../../api/types.js';
import type { ResultHost } from './details.js';

const ko = {
  waiting: (date: string) => `결과는 ${date}께 공개될 예정입니다.`,
  waitingUnknown: '결과가 아직 공개되지 않았습니다. 공개되면 이곳에 바로 표시됩니다.',
};
const en: typeof ko = {
  waiting: (date) => `Results are expected around ${date}.`,
  waitingUnknown: 'The results are not published yet. They will appear here as soon as they are.',
};

export const styles = [
  css`
    .waiting {
      border: 1px solid var(--_hd-color-border);
      border-radius: var(--_hd-radius);
      padding: 1em;
      background: var(--_hd-color-surface);
    }
    .notice {
      margin-top: 0.75em;
      font-size: 1.1em;
      font-weight: 600;
    }
  `,
];

export interface Waiting {
  forum: Forum | undefined;
  expectedAt: string | null;
}

export function renderWaiting(summary: ResultHost, waiting: Waiting): TemplateResult {
  const { localize } = summary;
  const words = localize.locale === 'en' ? en : ko;
  return html`<section class="waiting" part="base">
    <p class="eyebrow">${localize.t.title}</p>
    <h2 tabindex="-1">${waiting.forum?.title ?? localize.t.title}</h2>
    ${waiting.forum ? html`<p class="meta">${localize.dateRange(waiting.forum.startsAt, waiting.forum.endsAt)} · ${waiting.forum.district}</p>` : nothing}
    <p class="notice">${waiting.expectedAt ? words.waiting(summary.day(waiting.expectedAt)) : words.waitingUnknown}</p>
  </section>`;
}
