/**
 * Accessible SVG charts drawn with Lit `svg`, no chart library. Lengths are in `em` and `%`, so
 * labels keep the widget's text size at any width; each chart is one `role="img"` with a text
 * alternative that lists every value (the data table beside it shows the same figures).
 *
 * A chunk of its own: a forum's summary fetches it when its charts come near the viewport (until
 * then each chart's space is reserved), the programme view brings it along. Its styles are
 * adopted by the element's shadow root with it.
 */
import { css, html, svg, type TemplateResult } from 'lit';
import type { ResponseStatus } from '../../api/types.js';

export interface Bar {
  label: string;
  value: number;
}

export const STATUSES: readonly ResponseStatus[] = ['accepted', 'partial', 'reviewing', 'declined', 'awaiting'];

export const chartStyles = css`
  svg text { fill: var(--_hd-color-text); }
  svg text.value { fill: var(--_hd-color-muted); font-variant-numeric: tabular-nums; }
  rect.bar { fill: var(--_hd-color-accent); }
  rect.s-accepted, .swatch.s-accepted { fill: var(--_hd-color-response-accepted); background: var(--_hd-color-response-accepted); }
  rect.s-partial, .swatch.s-partial { fill: var(--_hd-color-response-partial); background: var(--_hd-color-response-partial); }
  rect.s-reviewing, .swatch.s-reviewing { fill: var(--_hd-color-response-reviewing); background: var(--_hd-color-response-reviewing); }
  rect.s-declined, .swatch.s-declined { fill: var(--_hd-color-response-declined); background: var(--_hd-color-response-declined); }
  rect.s-awaiting, .swatch.s-awaiting { fill: var(--_hd-color-response-awaiting); background: var(--_hd-color-response-awaiting); }
  .stack rect:not(.track) { stroke: var(--_hd-color-surface); stroke-width: 2px; }
  rect.track { fill: var(--_hd-color-surface-alt); }
  .stack { margin: 0.5em 0 0.25em; }
  .legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25em 1em; margin-top: 0.5em; }
  .swatch { display: inline-block; inline-size: 0.9em; block-size: 0.9em; border-radius: 2px; margin-inline-end: 0.35em; vertical-align: -0.1em; }
`;

export type StatusCounts = Record<ResponseStatus, number>;

export function countStatuses(items: { status: ResponseStatus }[]): StatusCounts {
  const counts: StatusCounts = { accepted: 0, partial: 0, reviewing: 0, declined: 0, awaiting: 0 };
  for (const item of items) counts[item.status]++;
  return counts;
}

/** Em per bar: `<hd-result-summary>` reserves `rows × ROW` em for a bar chart before this chunk is in. */
const ROW = 2.9;

/** Horizontal bars, label above each bar and the value after it. */
export function bars(rows: Bar[], alt: string, format: (n: number) => string): TemplateResult {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return html`<svg class="bars" role="img" aria-label=${alt} width="100%" height="${rows.length * ROW}em">
    ${rows.map((r, i) => {
      const width = (r.value / max) * 70;
      return svg`<text x="0" y="${i * ROW + 1}em">${r.label}</text>
        <rect class="bar" x="0" y="${i * ROW + 1.35}em" width="${width}%" height="1.1em" rx="2"></rect>
        <text class="value" x="${width + 1.5}%" y="${i * ROW + 2.25}em">${format(r.value)}</text>`;
    })}
  </svg>`;
}

/** One bar split by response status (in STATUSES order). */
export function stack(counts: StatusCounts, alt: string): TemplateResult {
  const total = STATUSES.reduce((s, k) => s + counts[k], 0);
  let x = 0;
  return html`<svg class="stack" role="img" aria-label=${alt} width="100%" height="1.25em">
    <rect class="track" x="0" y="0" width="100%" height="100%" rx="3"></rect>
    ${STATUSES.map((k) => {
      if (!total || !counts[k]) return '';
      const width = (counts[k] / total) * 100;
      const part = svg`<rect class="s-${k}" x="${x}%" y="0" width="${width}%" height="100%"></rect>`;
      x += width;
      return part;
    })}
  </svg>`;
}
