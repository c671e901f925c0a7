/**
 * `WallOptions`: how the wall shows — the filters and the sort, each table's tallies, and holding
 * the list still — a part of its own, with its words (both languages) and styles. A participant's
 * phone is for joining, writing and voting: there these wait behind a disclosure and load the
 * first time it opens; a facilitator has them open (their tools import this module); a wall the
 * page starts paused loads it for its "on hold" note. It reaches the wall through `WallContext`.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { formatNumber } from '../../i18n/format.js';
import type { SortOrder, TableTally } from './store.js';
import type { WallContext } from './wall-context.js';
import { tableName } from './wall-view.js';

const n = (value: number) => formatNumber(value, 'ko');
const ne = (value: number) => formatNumber(value, 'en');

export const ko = {
  table: '테이블',
  allTables: '전체',
  category: '분류',
  allCategories: '모든 분류',
  uncategorised: '미분류',
  promotedOnly: '전체 회의로 올린 제안만',
  sort: '정렬',
  newest: '최신순',
  votes: '표 많은 순',
  tables: '테이블별 현황',
  plenary: '전체',
  summary: (ideas: number, votes: number, people: number) => `제안 ${n(ideas)}건 · ${n(votes)}표 · ${n(people)}명`,
  facilitator: (name: string) => `퍼실리테이터 ${name}`,
  pause: '목록 멈추기',
  resume: '목록 다시 움직이기',
  pauseHint: '목록을 멈추면 새 제안이 올라와도 읽던 자리가 움직이지 않습니다. 그동안 올라온 제안은 다시 움직일 때 보여 드립니다.',
  paused: '목록을 멈췄습니다. 새 제안은 계속 받고 있습니다.',
  newWhilePaused: (count: number) => `새 제안 ${n(count)}건`,
};

export const en: typeof ko = {
  table: 'Table',
  allTables: 'All',
  category: 'Category',
  allCategories: 'All categories',
  uncategorised: 'Uncategorised',
  promotedOnly: 'Only ideas promoted to the plenary',
  sort: 'Sort',
  newest: 'Newest',
  votes: 'Most votes',
  tables: 'Tables',
  plenary: 'All',
  summary: (ideas: number, votes: number, people: number) => `${ne(ideas)} ideas · ${ne(votes)} votes · ${ne(people)} people`,
  facilitator: (name: string) => `Facilitator ${name}`,
  pause: 'Hold the list still',
  resume: 'Let the list move again',
  pauseHint: 'While the list is held, new ideas do not move what you are reading. They are kept and shown when you let the list move again.',
  paused: 'The list is held still. New ideas keep arriving.',
  newWhilePaused: (count: number) => `${ne(count)} new ${count === 1 ? 'idea' : 'ideas'}`,
};

/** This part's own styles (adopted by the wall's shadow root when it loads). */
export const styles = css`
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_hd-space-s);
  }
  label.check {
    flex-direction: row;
    align-items: center;
    gap: 0.5em;
  }
  .tables ul {
    padding: 0;
    list-style: none;
    display: grid;
    gap: var(--_hd-space-xs);
  }
  .tables li {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_hd-space-s);
  }
  .hold {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_hd-space-xs) var(--_hd-space-s);
  }
  .hold .hint {
    flex: 1 1 20em;
  }
  .paused-note {
    margin-inline: var(--_hd-space-s);
    padding: var(--_hd-space-s);
    background: var(--_hd-color-surface-alt);
    border-radius: var(--_hd-radius-small);
  }
`;

export class WallOptions {
  readonly #wall: WallContext;

  constructor(wall: WallContext) {
    this.#wall = wall;
  }

  get #t() {
    return this.#wall.words.locale === 'en' ? en : ko;
  }

  /** The filters and sort, the tables' tallies and the pause control (`extra`: a facilitator's "promote the top"). */
  panel(extra: unknown): TemplateResult {
    const t = this.#t;
    const { data, shown, words, host } = this.#wall;
    const { filters } = shown;
    const categories = data.forum?.categories ?? [];
    const tables = Array.from({ length: data.forum?.tables ?? 0 }, (_, i) => [String(i + 1), tableName(words.t, data.tables, i + 1)] as const);
    return html`<div class="toolbar" part="toolbar">
        ${choice(t.table, String(filters.table), [['0', t.allTables], ...tables], (value) => shown.filter({ table: Number(value) }))}
        ${categories.length
          ? choice(t.category, filters.category ?? '*', [['*', t.allCategories], ...categories.map((c) => [c, c] as const), ['', t.uncategorised]], (value) =>
              shown.filter({ category: value === '*' ? null : value }),
            )
          : nothing}
        ${choice(t.sort, shown.query().sort, [['newest', t.newest], ['votes', t.votes]], (value) => (host.sort = value as SortOrder))}
        <label class="check"
          ><input type="checkbox" .checked=${filters.promotedOnly} @change=${(e: Event) => shown.filter({ promotedOnly: (e.target as HTMLInputElement).checked })} />${t.promotedOnly}</label
        >
        ${extra}
      </div>
      ${this.#tallies()}
      <div class="hold">
        <button type="button" class="pause" aria-pressed=${host.paused ? 'true' : 'false'} aria-describedby="hold-hint" @click=${this.#toggle}>
          ${host.paused ? t.resume : t.pause}
        </button>
        <p class="hint" id="hold-hint">${t.pauseHint}</p>
      </div>`;
  }

  /** While the list is held: what that means, and the way back (counting what arrived meanwhile). */
  pausedNote(newIdeas: number): TemplateResult {
    const t = this.#t;
    return html`<p class="paused-note">
      ${t.paused}
      <button type="button" class="resume" @click=${this.#toggle}>${newIdeas ? t.newWhilePaused(newIdeas) : t.resume}</button>
    </p>`;
  }

  #toggle = (): void => {
    const { host } = this.#wall;
    host.paused = !host.paused;
  };

  /** Each table's ideas, votes and people, and the plenary's. */
  #tallies(): TemplateResult | typeof nothing {
    const t = this.#t;
    const { data, words } = this.#wall;
    const count = data.forum?.tables ?? 0;
    if (!count) return nothing;
    const tallies = data.store.tallies();
    let ideas = 0;
    let votes = 0;
    for (const tally of tallies.values()) {
      ideas += tally.ideas;
      votes += tally.votes;
    }
    const none: TableTally = { ideas: 0, votes: 0 };
    return html`<details class="tables" part="tables">
      <summary>${t.tables} — ${t.plenary}: ${t.summary(ideas, votes, data.forum?.participants ?? 0)}</summary>
      <ul role="list">
        ${Array.from({ length: count }, (_, i) => {
          const table = data.tables.get(i + 1);
          const tally = tallies.get(i + 1) ?? none;
          return html`<li>
            <strong>${tableName(words.t, data.tables, i + 1)}</strong>
            ${table?.facilitator ? html`<span>${t.facilitator(table.facilitator)}</span>` : nothing}
            <span>${t.summary(tally.ideas, tally.votes, table?.participants ?? 0)}</span>
          </li>`;
        })}
      </ul>
    </details>`;
  }
}

/** A labelled choice of `[value, text]` options. */
function choice(label: string, value: string, options: (readonly [string, string])[], set: (value: string) => void) {
  return html`<label
    >${label}
    <select @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
      ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
    </select></label
  >`;
}
