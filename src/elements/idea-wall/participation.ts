/**
 * What a person who may write does on the wall: post ideas and dot-vote. An idea is kept in the
 * device's outbox with the Idempotency-Key of its one logical attempt until the server has it, so
 * a lost connection or a reload never loses or doubles it; a dot moves at once and rolls back with
 * the server's reason. A chunk of `<hd-idea-wall>`: a reader watching the wall never downloads
 * it; the wall fetches it as soon as it has a writer — at load when a session is stored on the
 * device (alongside the first data fetch, so the first draw has it), while the join request is on
 * its way, or for a facilitator with a token (who posts on a table's behalf). Its words (both
 * languages) and styles live here.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { Idea } from '../../api/types.js';
import { HdIdeaPostEvent } from '../../events/idea-post.js';
import { HdIdeaPostedEvent } from '../../events/idea-posted.js';
import { HdVoteChangedEvent } from '../../events/vote-changed.js';
import { formatNumber } from '../../i18n/format.js';
import type { WallHost } from './host.js';
import { loadOutbox, saveOutbox, type QueuedIdea } from './storage.js';

/** An idea's length limit, in characters as a person counts them (code points). */
const MAX = 280;
const chars = (s: string) => [...s].length;

const n = (value: number) => formatNumber(value, 'ko');
const ne = (value: number) => formatNumber(value, 'en');

export const ko = {
  joined: (table: number) => `${n(table)}번 테이블에서 참여 중입니다.`,
  label: '제안 내용',
  placeholder: '우리 동네를 위한 제안을 적어 주세요.',
  count: (used: number, max: number) => `${n(used)}/${n(max)}자`,
  tooLong: (max: number) => `${n(max)}자 이내로 적어 주세요.`,
  submit: '제안 올리기',
  posted: '제안을 올렸습니다.',
  queued: '인터넷 연결이 끊겨 제안을 보관했습니다. 연결되면 자동으로 보냅니다.',
  sending: '보내는 중',
  waiting: '연결 대기 중',
  left: (left: number, budget: number) => `남은 스티커 ${n(left)}/${n(budget)}개`,
  add: '스티커 붙이기',
  remove: '스티커 떼기',
  mine: (count: number) => `내 스티커 ${n(count)}개`,
};

export const en: typeof ko = {
  joined: (table: number) => `You are at table ${ne(table)}.`,
  label: 'Your idea',
  placeholder: 'Write an idea for our neighbourhood.',
  count: (used: number, max: number) => `${ne(used)}/${ne(max)} characters`,
  tooLong: (max: number) => `Please keep it within ${ne(max)} characters.`,
  submit: 'Post idea',
  posted: 'Your idea is posted.',
  queued: 'You are offline: the idea is kept and will be sent when you are back online.',
  sending: 'Sending',
  waiting: 'Waiting for connection',
  left: (left: number, budget: number) => `${ne(left)} of ${ne(budget)} dots left`,
  add: 'Add a dot',
  remove: 'Take a dot back',
  mine: (count: number) => `${ne(count)} of your dots`,
};

/** This part's own styles (adopted by the wall's shadow root when the chunk loads). */
export const styles = css`
  textarea {
    width: 100%;
    min-height: 5em;
    resize: vertical;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_hd-space-s);
  }
  .row .primary,
  .vote-row .add {
    margin-inline-start: auto;
  }
  .budget {
    color: var(--_hd-color-accent);
  }
  .count,
  .mine {
    color: var(--_hd-color-muted);
  }
  .pending {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .pending .card {
    border-style: dashed;
  }
`;

interface Pending extends QueuedIdea {
  state: 'sending' | 'queued';
}

export class Participation {
  /** What the person is writing (kept while the wall re-renders). */
  #draft = '';
  #pending: Pending[];
  #inFlight = new Set<string>();
  #votesInFlight = 0;
  #votesOverlapped = false;
  readonly #w: WallHost;
  /** The wall's scope this part belongs to: an answer for another forum or backend is dropped. */
  readonly #scope: string;

  constructor(w: WallHost) {
    this.#w = w;
    this.#scope = w.scope;
    this.#pending = loadOutbox(w.scope).map((q) => ({ ...q, state: 'queued' as const }));
  }

  get #t() {
    return this.#w.l.locale === 'en' ? en : ko;
  }

  get #gone(): boolean {
    return this.#w.scope !== this.#scope;
  }

  /** The header's dots left (a participant). */
  budget(): TemplateResult | typeof nothing {
    const me = this.#w.me;
    return me ? html`<strong class="budget">${this.#t.left(Math.max(0, me.budget - me.used), me.budget)}</strong>` : nothing;
  }

  /** The form to post an idea (a facilitator's has the table picker from the tools). */
  composer(): TemplateResult {
    const w = this.#w;
    const t = this.#t;
    const used = chars(this.#draft.trim());
    const tooLong = used > MAX;
    return html`<form class="composer" part="composer" @submit=${this.#submit}>
      ${w.session && w.mode === 'participant' ? html`<p class="hint">${t.joined(w.session.table)}</p>` : nothing}
      <label for="draft">${t.label}</label>
      <textarea id="draft" rows="3" placeholder=${t.placeholder} aria-describedby="count" aria-invalid=${tooLong ? 'true' : 'false'}
        .value=${this.#draft /* the draft follows every input event, so no live() is needed */}
        @input=${(e: InputEvent) => {
          this.#draft = (e.target as HTMLTextAreaElement).value;
          w.requestUpdate();
        }}
      ></textarea>
      <div class="row">
        <span id="count" class=${tooLong ? 'count error' : 'count'}>${tooLong ? t.tooLong(MAX) : t.count(used, MAX)}</span>
        ${w.isFacilitator ? w.tools?.onBehalf() : nothing}
        <button type="submit" class="primary" ?disabled=${!used || tooLong || (w.isFacilitator && !w.tools)}>${t.submit}</button>
      </div>
    </form>`;
  }

  /** Ideas on their way or waiting in the outbox, above the wall. */
  pending(): TemplateResult | typeof nothing {
    const t = this.#t;
    return this.#pending.length
      ? html`<ul class="pending" role="list">
          ${this.#pending.map(
            (p) => html`<li class="card pending-${p.state}">
              <p class="text">${p.text}</p>
              <span class="badge">${p.state === 'queued' ? t.waiting : t.sending}</span>
            </li>`,
          )}
        </ul>`
      : nothing;
  }

  /** Whether something waits to be shown (the wall's "empty" note stays away while it does). */
  get waiting(): boolean {
    return this.#pending.length > 0;
  }

  /** A card's dots (`tid`: the id of the card's text, which names what each button acts on). */
  votes(idea: Idea, tid: string): TemplateResult | typeof nothing {
    const w = this.#w;
    const me = w.me;
    if (!me || w.mode !== 'participant') return nothing;
    const t = this.#t;
    const mine = me.votes.get(idea.id) ?? 0;
    const open = !!w.forum?.voting.open;
    return html`${mine ? html`<span class="mine">${t.mine(mine)}</span>` : nothing}
      <button type="button" part="vote-button" aria-describedby=${tid} ?disabled=${!open || mine < 1} @click=${() => void this.#vote(idea, -1)}>
        <span aria-hidden="true">−</span><span class="visually-hidden">${t.remove}</span>
      </button>
      <button type="button" part="vote-button" class="add" aria-describedby=${tid} ?disabled=${!open || idea.status !== 'visible'} @click=${() => void this.#vote(idea, 1)}>
        <span aria-hidden="true">+</span> ${t.add}
      </button>`;
  }

  // ---------------------------------------------------------------- posting

  #submit = (ev: SubmitEvent): void => {
    ev.preventDefault();
    const w = this.#w;
    const text = this.#draft.trim();
    const table = w.isFacilitator ? w.draftTable || undefined : undefined;
    if (!text || chars(text) > MAX || (w.isFacilitator && !table)) return;
    if (!w.dispatchEvent(new HdIdeaPostEvent({ text, table }))) return;
    const item: Pending = { key: newIdempotencyKey(), text, at: new Date().toISOString(), state: 'sending' };
    if (table) item.table = table;
    this.#pending = [item, ...this.#pending];
    // Kept on the device before it is sent: a reload or a lost connection cannot lose it.
    this.#save();
    this.#draft = '';
    void this.#send(item);
  };

  async #send(item: Pending): Promise<void> {
    const w = this.#w;
    const writer = w.writer();
    if (!writer || this.#inFlight.has(item.key) || this.#gone) return;
    const queued = item.state === 'queued';
    this.#inFlight.add(item.key);
    item.state = 'sending';
    w.requestUpdate();
    try {
      const input = item.table ? { text: item.text, table: item.table } : { text: item.text };
      const idea = await writer.postIdea(w.forumId, input, { idempotencyKey: item.key });
      if (this.#gone) return;
      this.#drop(item);
      w.store.put(idea, 0);
      w.say(this.#t.posted);
      w.dispatchEvent(new HdIdeaPostedEvent({ idea, queued }));
    } catch (error) {
      if (this.#gone) return;
      if (error instanceof ApiError && error.transient) {
        item.state = 'queued';
        w.say(this.#t.queued, true);
      } else {
        this.#drop(item);
        if (!queued && !this.#draft) this.#draft = item.text;
        w.say(w.l.error(error), true);
      }
    } finally {
      this.#inFlight.delete(item.key);
      w.requestUpdate();
    }
  }

  #save(): void {
    saveOutbox(
      this.#scope,
      this.#pending.map(({ key, text, table, at }) => (table ? { key, text, table, at } : { key, text, at })),
    );
  }

  #drop(item: Pending): void {
    this.#pending = this.#pending.filter((p) => p !== item);
    this.#save();
  }

  /** Sends what waits in the outbox (once each: the stored Idempotency-Key makes a repeat harmless). */
  flush(): void {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    for (const p of this.#pending) if (p.state === 'queued' && !this.#inFlight.has(p.key)) void this.#send(p);
  }

  // ---------------------------------------------------------------- dots

  async #vote(idea: Idea, delta: 1 | -1): Promise<void> {
    const w = this.#w;
    const me = w.me;
    const writer = w.writer();
    if (!me || !writer) return;
    const mine = me.votes.get(idea.id) ?? 0;
    if (delta > 0 && me.used >= me.budget) {
      w.say(w.l.m.errors.codes['vote-budget-exhausted'] ?? w.l.m.errors.conflict, true);
      return;
    }
    if (delta < 0 && mine < 1) return;
    // Optimistic: the dot moves at once; a refusal puts it back.
    me.used += delta;
    me.votes.set(idea.id, mine + delta);
    const before = w.store.versionOf(idea.id);
    w.store.bump(idea.id, delta);
    w.requestUpdate();
    this.#votesInFlight++;
    this.#votesOverlapped ||= this.#votesInFlight > 1;
    try {
      const r = delta > 0 ? await writer.addVote(w.forumId, idea.id) : await writer.retractVote(w.forumId, idea.id);
      if (--this.#votesInFlight === 0) {
        // Answers to overlapping clicks may arrive out of order: then ask once what is true.
        if (this.#votesOverlapped) void this.#refreshMe();
        else {
          me.used = r.votesUsed;
          me.budget = r.voteBudget;
          me.votes.set(idea.id, r.myVotes);
        }
        this.#votesOverlapped = false;
      }
      w.dispatchEvent(new HdVoteChangedEvent({ ideaId: r.ideaId, votes: r.votes, myVotes: r.myVotes, votesUsed: r.votesUsed, voteBudget: r.voteBudget }));
    } catch (error) {
      if (--this.#votesInFlight === 0 && this.#votesOverlapped) {
        this.#votesOverlapped = false;
        void this.#refreshMe();
      }
      me.used -= delta;
      me.votes.set(idea.id, (me.votes.get(idea.id) ?? 0) - delta);
      if (w.store.versionOf(idea.id) === before) w.store.bump(idea.id, -delta);
      w.say(w.l.error(error), true);
      if (error instanceof ApiError && error.kind === 'conflict') void this.#refreshMe();
    } finally {
      w.requestUpdate();
    }
  }

  async #refreshMe(): Promise<void> {
    const w = this.#w;
    const writer = w.writer();
    if (!writer) return;
    try {
      const me = await writer.me(w.forumId);
      // A dot sent meanwhile would be missing from this answer: the next settle asks again.
      if (this.#votesInFlight > 0) {
        this.#votesOverlapped = true;
        return;
      }
      const mine = (w.me ??= { budget: 0, used: 0, votes: new Map() });
      mine.budget = me.voteBudget;
      mine.used = me.votesUsed;
      mine.votes = new Map(Object.entries(me.votes));
      w.requestUpdate();
    } catch {
      // The next load corrects it.
    }
  }
}
