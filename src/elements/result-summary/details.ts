/**
 * What `<hd-result-summary>` shows beyond a forum's first screen: the SVG charts with their text
 * alternatives and data tables, the per-table tallies, and the print stylesheet. A chunk of its
 * own, fetched when a forum's charts come near the viewport, when a person opens a table or
 * prints (until then the element reserves each chart's space), and by the programme view. Its
 * words live here, in both languages; its styles are adopted by the element's shadow root.
 */
import { css, html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { ForumResult } from '../../api/types.js';
import type { LocalizeController } from '../../i18n/localize.js';
import { bars, chartStyles, type Bar } from './charts.js';
import type { ResultMessages } from './messages.js';
import type { HdResultSummary } from './result-summary.js';

export { bars, stack, countStatuses, STATUSES, type StatusCounts } from './charts.js';

const ko = {
  tableNo: (n: string) => `${n}번 테이블`,
  tableCols: ['테이블', '주제', '퍼실리테이터', '참가자', '의견', '투표'],
  total: '합계',
  /** Ideas no one sorted under a category: a neutral word, listed last. */
  uncategorised: '기타',
  ageGroup: '연령대',
  district: '지역',
  others: (n: string) => `그 외 ${n}곳`,
  alt: (title: string, items: string) => `${title}: ${items}.`,
  ageGroups: {
    under14: '14세 미만',
    '14-19': '14~19세',
    '20s': '20대',
    '30s': '30대',
    '40s': '40대',
    '50s': '50대',
    '60s': '60대',
    '70plus': '70세 이상',
  } as Record<string, string>,
};

const en: typeof ko = {
  tableNo: (n) => `Table ${n}`,
  tableCols: ['Table', 'Topic', 'Facilitator', 'Participants', 'Ideas', 'Votes'],
  total: 'Total',
  uncategorised: 'Other',
  ageGroup: 'Age group',
  district: 'District',
  others: (n) => `${n} others`,
  alt: (title, items) => `${title}: ${items}.`,
  ageGroups: {
    under14: 'Under 14',
    '14-19': '14–19',
    '20s': '20s',
    '30s': '30s',
    '40s': '40s',
    '50s': '50s',
    '60s': '60s',
    '70plus': '70 and over',
  },
};

/** This chunk's words in the element's language. */
export const wordsOf = (summary: ResultHost): typeof ko => (summary.localize.locale === 'en' ? en : ko);

/** The charts', the tables' and the print styles (adopted by the element's shadow root with this chunk). */
export const styles = [
  chartStyles,
  css`
    .table-wrap { overflow-x: auto; margin-top: 0.5em; }
    table { border-collapse: collapse; min-width: 100%; font-variant-numeric: tabular-nums; }
    caption { text-align: start; font-weight: 600; padding-bottom: 0.25em; }
    th, td { border-bottom: 1px solid var(--_hd-color-border); padding: 0.3em 0.6em; text-align: start; }
    td { text-align: end; }
    td:nth-child(2):not(:last-child), td:nth-child(3):not(:last-child) { text-align: start; }
    tfoot { font-weight: 700; }
    @media print {
      :host { color: #000; font-size: 10pt; }
      .table-wrap[hidden] { display: block !important; }
      .proposal, .chart, .stats, tr { break-inside: avoid; }
      h3 { break-after: avoid; margin-top: 1em; }
      .proposal, .chart { border-color: #999; padding: 0.5em; }
      .charts { grid-template-columns: repeat(3, 1fr); }
      * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
    }
  `,
];

/** What the lazily loaded views may read and do: a narrow window onto the element. */
export interface ResultHost {
  element: Pick<HdResultSummary, 'forumId' | 'year' | 'district' | 'forumHref' | 'dispatchEvent' | keyof ReactiveControllerHost>;
  localize: LocalizeController<ResultMessages>;
  client: () => ApiClient | undefined;
  /** Whether the data table `id` is shown. */
  isOpen: (id: string) => boolean;
  /** The show/hide button of the data table `id`. */
  toggleButton: (id: string, label?: string) => TemplateResult;
  /** Shows a forum's summary (or with '' the programme), its heading focused. */
  show: (forumId: string) => void;
  statList: (items: [string, string][], busy?: boolean) => TemplateResult;
  failure: (error: unknown, retry: () => void) => TemplateResult;
  /** The loading placeholder. */
  skeleton: () => TemplateResult;
  day: (iso: string) => string;
}

/** A data table (hidden until its toggle opens it; printed always). */
export function table(summary: ResultHost, id: string, caption: string, head: string[], rows: (string | number)[][], foot?: (string | number)[]): TemplateResult {
  const cells = (r: (string | number)[]) => r.map((c, i) => (i ? html`<td>${c}</td>` : html`<th scope="row">${c}</th>`));
  return html`<div class="table-wrap" id=${id} ?hidden=${!summary.isOpen(id)}>
    <table>
      <caption>${caption}</caption>
      <thead><tr>${head.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead>
      <tbody>${rows.map((r) => html`<tr>${cells(r)}</tr>`)}</tbody>
      ${foot ? html`<tfoot><tr>${cells(foot)}</tr></tfoot>` : nothing}
    </table>
  </div>`;
}

/** A chart with its caption, its data table and the table's toggle. */
export function figure(summary: ResultHost, id: string, title: string, chart: unknown, data: TemplateResult, extra: unknown = nothing): TemplateResult {
  return html`<figure class="chart" part="chart">
    <figcaption>${title}</figcaption>
    ${chart}${extra}
    ${summary.toggleButton(id)}${data}
  </figure>`;
}

/** The per-table tallies with their totals (behind the toggle under the headline figures). */
export function perTable(summary: ResultHost, result: ForumResult): TemplateResult {
  const messages = summary.localize.t;
  const words = wordsOf(summary);
  const num = (v: number) => summary.localize.number(v);
  const sum = (k: 'participants' | 'ideas' | 'votes') => num(result.tables.reduce((t, x) => t + x[k], 0));
  return table(
    summary,
    'per-table',
    messages.perTable,
    words.tableCols,
    result.tables.map((t) => [words.tableNo(num(t.number)), t.topic ?? '', t.facilitator ?? '', num(t.participants), num(t.ideas), num(t.votes)]),
    [words.total, '', '', sum('participants'), sum('ideas'), sum('votes')],
  );
}

const AGE_ORDER = ['under14', '14-19', '20s', '30s', '40s', '50s', '60s', '70plus'];

/** One chart's drawing and data table (and, for categories, the votes beside the ideas). */
export interface ChartParts {
  chart: TemplateResult;
  votes?: TemplateResult;
  table: TemplateResult;
}

/**
 * A forum's charts: ideas and votes by category, registrations by district and by age group. The
 * element draws their frames, captions and toggles (the same whether this chunk is in or not, so
 * focus and layout stay put) and puts these parts in them.
 */
export function glance(summary: ResultHost, result: ForumResult): Record<'cat' | 'district' | 'age', ChartParts> {
  const messages = summary.localize.t;
  const words = wordsOf(summary);
  const num = (v: number) => summary.localize.number(v);
  const people = (v: number) => messages.people(num(v));
  const items = (v: number) => messages.items(num(v));
  const votes = (v: number) => messages.votes(num(v));
  // In the backend's order (most votes first), but the ideas no one sorted come last, whatever their
  // count: they are what is left over, not a theme of the forum.
  const cats = [...result.categories.filter((c) => c.category), ...result.categories.filter((c) => !c.category)].map((c) => ({
    label: c.category || words.uncategorised,
    ideas: c.ideas,
    votes: c.votes,
  }));
  const ages = [...result.byAgeGroup].sort((a, b) => AGE_ORDER.indexOf(a.key) - AGE_ORDER.indexOf(b.key));

  const barParts = (id: string, title: string, rows: Bar[], head: string[], max = 99): ChartParts => {
    let shown = rows;
    if (rows.length > max) {
      const rest = rows.slice(max - 1);
      shown = [...rows.slice(0, max - 1), { label: words.others(num(rest.length)), value: rest.reduce((s, x) => s + x.value, 0) }];
    }
    const alt = words.alt(title, rows.map((x) => `${x.label} ${people(x.value)}`).join(', '));
    return { chart: bars(shown, alt, people), table: table(summary, id, title, head, rows.map((x) => [x.label, num(x.value)])) };
  };

  return {
    cat: {
      chart: bars(
        cats.map((c) => ({ label: c.label, value: c.ideas })),
        words.alt(messages.byCategory, cats.map((c) => `${c.label} ${items(c.ideas)} ${votes(c.votes)}`).join(', ')),
        items,
      ),
      votes: bars(cats.map((c) => ({ label: c.label, value: c.votes })), '', votes),
      table: table(summary, 'cat', messages.byCategory, [messages.category, messages.stats.ideas, messages.stats.votes], cats.map((c) => [c.label, num(c.ideas), num(c.votes)])),
    },
    district: barParts('district', messages.byDistrict, result.byDistrict.map((t) => ({ label: t.key, value: t.count })), [wordsOf(summary).district, messages.stats.registered], 8),
    age: barParts('age', messages.byAge, ages.map((t) => ({ label: words.ageGroups[t.key] ?? t.key, value: t.count })), [words.ageGroup, messages.stats.registered]),
  };
}
