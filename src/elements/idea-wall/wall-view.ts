/**
 * The wall's templates that need no element: an idea's card and the status words (a table's
 * name, the voting round, the live connection). Each takes what it
 * shows as arguments; the element and the projector's part draw with them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { LiveStreamState } from '../../api/live-stream.js';
import type { Forum, Idea, Table } from '../../api/types.js';
import type { ko } from './messages.js';
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
  return html`<div part="item" role="listitem" class="card ${data.fresh.has(idea.id) ? 'fresh' : ''} ${hidden ? 'is-hidden' : ''}" data-id=${idea.id}>
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
