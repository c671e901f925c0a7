/**
 * The wall's templates that need no element: an idea's card, the filters, the tables' tallies and
 * the status words (a table's name, the voting round, the live connection). Each takes what it
 * shows as arguments; the element and the projector's part draw with them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { LiveStreamState } from '../../api/live-stream.js';
import type { Forum, Idea, Table } from '../../api/types.js';
import type { ko } from './messages.js';
import type { ShownIdeas } from './shown.js';
import type { SortOrder, TableTally } from './store.js';
import type { WallWords } from './wall-context.js';
import type { WallData } from './wall-data.js';

type Words = typeof ko;

/** A table's name: its number, and its topic when it has one. */
export function tableName(t: Words, tables: ReadonlyMap<number, Table>, table: number): string {
  const topic = tables.get(table)?.topic;
  return topic ? `${t.idea.table(table)} · ${topic}` : t.idea.table(table);
}

/** The voting round in words: closed, open, or the time left. */
export function votingText(t: Words, forum: Forum | undefined): string {
  const voting = forum?.voting;
  if (!voting) return '';
  if (!voting.open) return t.votes.closed;
  if (!voting.closesAt) return t.votes.open;
  const left = Math.max(0, Math.round((Date.parse(voting.closesAt) - Date.now()) / 1000));
  return t.votes.closesIn(`${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`);
}

/** The live connection's state line. */
export function liveLine(words: WallWords, state: LiveStreamState): TemplateResult {
  return html`<span class="live live-${state}">${words.m.live[state]}</span>`;
}

/** What a card shows besides the idea: the person's dots, a facilitator's tools. */
export interface CardExtras {
  /** The buttons that put on and take back a dot (`tid`: the id of the card's text). */
  votes?: (idea: Idea, tid: string) => TemplateResult | typeof nothing;
  /** A facilitator's tools for the idea. */
  tools?: (idea: Idea, tid: string) => TemplateResult | typeof nothing;
}

/** One idea's card. */
export function ideaCard(t: Words, data: WallData, idea: Idea, extras: CardExtras): TemplateResult {
  const merged = data.store.mergedInto(idea.id);
  const tid = `t-${idea.id}`;
  const hidden = idea.status === 'hidden';
  return html`<div part="item" role="listitem" class="card ${data.isFresh(idea.id) ? 'fresh' : ''} ${hidden ? 'is-hidden' : ''}" data-id=${idea.id}>
    <p class="text" id=${tid}>${idea.text}</p>
    <div class="meta">
      <span class="badge">${t.idea.table(idea.table)}</span>
      ${idea.category ? html`<span class="badge cat">${idea.category}</span>` : nothing}
      ${idea.pinned ? html`<span class="badge">${t.idea.pinned}</span>` : nothing}
      ${idea.promoted ? html`<span class="badge promoted">${t.idea.promoted}</span>` : nothing}
      ${hidden ? html`<span class="badge hidden">${t.idea.hidden}</span>` : nothing}
      ${merged ? html`<span class="badge">${t.idea.merged(merged)}</span>` : nothing}
    </div>
    <div class="vote-row">
      ${keyed(idea.votes, html`<strong part="votes" class="votes ${data.isBumped(idea.id) ? 'bump' : ''}">${t.votes.count(idea.votes)}</strong>`)}
      ${extras.votes?.(idea, tid)}
    </div>
    ${extras.tools?.(idea, tid)}
  </div>`;
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

/** The filters and sort (`extra`: a facilitator's "promote the top"); `sort` changes the wall's sort. */
export function filterBar(t: Words, data: WallData, shown: ShownIdeas, sort: (sort: SortOrder) => void, extra: unknown): TemplateResult {
  const f = t.filter;
  const { filters } = shown;
  const change = shown.filter.bind(shown);
  const categories = data.forum?.categories ?? [];
  const tables = Array.from({ length: data.forum?.tables ?? 0 }, (_, i) => [String(i + 1), tableName(t, data.tables, i + 1)] as const);
  return html`<div class="toolbar" part="toolbar">
    ${choice(f.table, String(filters.table), [['0', f.allTables], ...tables], (v) => change({ table: Number(v) }))}
    ${categories.length
      ? choice(f.category, filters.category ?? '*', [['*', f.allCategories], ...categories.map((c) => [c, c] as const), ['', f.uncategorised]], (v) =>
          change({ category: v === '*' ? null : v }),
        )
      : nothing}
    ${choice(f.sort, shown.query().sort, [['newest', f.newest], ['votes', f.votes]], (v) => sort(v as SortOrder))}
    <label class="check"
      ><input type="checkbox" .checked=${filters.promotedOnly} @change=${(e: Event) => change({ promotedOnly: (e.target as HTMLInputElement).checked })} />${f.promotedOnly}</label
    >
    ${extra}
  </div>`;
}

/** Each table's ideas, votes and people, and the plenary's. */
export function tablesSummary(t: Words, data: WallData): TemplateResult | typeof nothing {
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
    <summary>${t.tables.title} — ${t.tables.plenary}: ${t.tables.summary(ideas, votes, data.forum?.participants ?? 0)}</summary>
    <ul role="list">
      ${Array.from({ length: count }, (_, i) => {
        const table = data.tables.get(i + 1);
        const tally = tallies.get(i + 1) ?? none;
        return html`<li>
          <strong>${tableName(t, data.tables, i + 1)}</strong>
          ${table?.facilitator ? html`<span>${t.tables.facilitator(table.facilitator)}</span>` : nothing}
          <span>${t.tables.summary(tally.ideas, tally.votes, table?.participants ?? 0)}</span>
        </li>`;
      })}
    </ul>
  </details>`;
}

/** The join form: the code (from the QR code's URL, if any) and the table; `join` when sent, `prefetch` once the person starts on it. */
export function joinForm(
  t: Words,
  from: { joinCode: string; table: number },
  forum: Forum | undefined,
  joining: boolean,
  join: (code: string, table: number) => void,
  prefetch: () => void,
): TemplateResult {
  const submit = (ev: SubmitEvent) => {
    ev.preventDefault();
    const data = new FormData(ev.target as HTMLFormElement);
    const table = Number(data.get('table'));
    if (Number.isInteger(table) && table > 0) join(String(data.get('code') ?? ''), table);
  };
  // A person who starts on the form is about to join: their part is fetched from then on.
  return html`<form class="join" part="join" @submit=${submit} @focusin=${prefetch}>
    <h2>${t.join.title}</h2>
    <p class="hint">${t.join.hint}</p>
    <label>${t.join.code}<input name="code" required minlength="4" maxlength="12" autocomplete="off" autocapitalize="characters" .value=${from.joinCode} /></label>
    <label>${t.join.table}<input name="table" type="number" inputmode="numeric" required min="1" max=${forum?.tables || 200} .value=${from.table ? String(from.table) : ''} /></label>
    <button type="submit" class="primary" ?disabled=${joining}>${joining ? t.join.joining : t.join.submit}</button>
  </form>`;
}
