/**
 * `Writing`: what a person who may write does on the wall — post ideas and dot-vote. An idea is kept in the
 * device's outbox with the Idempotency-Key of its one logical attempt until the server has it, so
 * a lost connection or a reload never loses or doubles it; a dot moves at once and rolls back with
 * the server's reason. A chunk of `<hd-idea-wall>`: a reader watching the wall never downloads
 * it; the wall fetches it as soon as it has a writer — at load when a session is stored on the
 * device (alongside the first data fetch, so the first draw has it), while the join request is on
 * its way, or for a facilitator with a token (who posts on a table's behalf). Its words (both
 * languages) and styles live here. It reaches the wall through `WallContext` only.
 */
import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { newIdempotencyKey } from '../../api/client.js';
import { ApiError } from '../../api/errors.js';
import type { Idea } from '../../api/types.js';
import { HdIdeaPostEvent } from '../../events/idea-post.js';
import { HdIdeaPostedEvent } from '../../events/idea-posted.js';
import { HdVoteChangedEvent } from '../../events/vote-changed.js';
import { formatNumber } from '../../i18n/format.js';
import { loadOutbox, saveOutbox, type QueuedIdea } from './storage.js';
import type { WallContext } from './wall-context.js';

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
  howTo: (budget: number) => `마음에 드는 제안에 ‘스티커 붙이기’를 누르세요. 한 사람이 ${n(budget)}개까지 붙일 수 있고, 잘못 붙이면 ‘−’로 뗄 수 있습니다.`,
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
  howTo: (budget: number) => `Press “Add a dot” on the ideas you like. You have ${ne(budget)} dots; “−” takes one back.`,
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
  .how-to {
    margin-inline: var(--_hd-space-s);
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

/** A facilitator's table picker in the composer (their tools): whose idea they post. */
export interface OnBehalf {
  readonly draftTable: number;
  onBehalf(): TemplateResult;
}

/** The device's outbox for one backend and forum. */
interface Outbox {
  readonly scope: string;
  items: Pending[];
}

export class Writing implements ReactiveController {
  readonly #wall: WallContext;
  /** What the person is writing (kept while the wall re-renders). */
  #draft = '';
  #outbox: Outbox = { scope: '', items: [] };
  #inFlight = new Set<string>();
  #votesInFlight = 0;
  #votesOverlapped = false;
  /** The live connection's state at the last update (a transition back to open sends what waits). */
  #liveState = '';

  constructor(wall: WallContext) {
    this.#wall = wall;
    wall.host.addController(this);
    queueMicrotask(() => this.flush()); // what waits in the outbox goes now
  }

  get #t() {
    return this.#wall.words.locale === 'en' ? en : ko;
  }

  /** The outbox of the wall's scope (read from the device when the backend or forum changed). */
  get #pending(): Pending[] {
    const scope = this.#wall.data.scope;
    if (scope !== this.#outbox.scope) {
      this.#outbox = { scope, items: scope ? loadOutbox(scope).map((q) => ({ ...q, state: 'queued' as const })) : [] };
      this.#draft = '';
    }
    return this.#outbox.items;
  }

  set #pending(items: Pending[]) {
    this.#outbox.items = items;
  }

  hostUpdated(): void {
    // Back to streaming after a break: send what waits (on the transition only, never in a loop).
    const state = this.#wall.data.live.state;
    if (state !== this.#liveState) {
      if (state === 'open' && this.#liveState) queueMicrotask(() => this.flush());
      this.#liveState = state;
    }
  }

  /** The header's dots left (a participant). */
  budget(): TemplateResult | typeof nothing {
    const me = this.#wall.member.me;
    return me ? html`<strong class="budget">${this.#t.left(Math.max(0, me.budget - me.used), me.budget)}</strong>` : nothing;
  }

  /** The form to post an idea (a facilitator's has their table picker, `facilitator`, once their tools are in). */
  composer(facilitator?: OnBehalf): TemplateResult {
    const { host, member, data } = this.#wall;
    const t = this.#t;
    const used = chars(this.#draft.trim());
    const tooLong = used > MAX;
    const session = member.session;
    return html`<form class="composer" part="composer" @submit=${(ev: SubmitEvent) => this.#submit(ev, facilitator)}>
      ${session && host.mode === 'participant' ? html`<p class="hint">${t.joined(session.table)}</p>` : nothing}
      <label for="draft">${t.label}</label>
      <textarea id="draft" rows="3" placeholder=${t.placeholder} aria-describedby="count" aria-invalid=${tooLong ? 'true' : 'false'}
        .value=${this.#draft /* the draft follows every input event, so no live() is needed */}
        @input=${(e: InputEvent) => {
          this.#draft = (e.target as HTMLTextAreaElement).value;
          host.requestUpdate();
        }}
      ></textarea>
      <div class="row">
        <span id="count" class=${tooLong ? 'count error' : 'count'}>${tooLong ? t.tooLong(MAX) : t.count(used, MAX)}</span>
        ${facilitator?.onBehalf()}
        <button type="submit" class="primary" ?disabled=${!used || tooLong || (data.facilitator && !facilitator)}>${t.submit}</button>
      </div>
    </form>`;
  }

  /** Above the list: how to put dots on ideas (while voting is open), and ideas on their way or waiting in the outbox. */
  aboveList(): TemplateResult {
    const t = this.#t;
    const pending = this.#pending;
    const { member, data, host } = this.#wall;
    const me = member.me;
    return html`${me && host.mode === 'participant' && data.forum?.voting.open ? html`<p class="hint how-to">${t.howTo(me.budget)}</p>` : nothing}
    ${pending.length
      ? html`<ul class="pending" role="list">
          ${pending.map(
            (item) => html`<li class="card pending-${item.state}">
              <p class="text">${item.text}</p>
              <span class="badge">${item.state === 'queued' ? t.waiting : t.sending}</span>
            </li>`,
          )}
        </ul>`
      : nothing}`;
  }

  /** Whether something waits to be shown (the wall's "empty" note stays away while it does). */
  get waiting(): boolean {
    return this.#pending.length > 0;
  }

  /** A card's dots (`tid`: the id of the card's text, which names what each button acts on). */
  readonly votes = (idea: Idea, tid: string): TemplateResult | typeof nothing => {
    const { host, member, data } = this.#wall;
    const me = member.me;
    if (!me || host.mode !== 'participant') return nothing;
    const t = this.#t;
    const mine = me.votes.get(idea.id) ?? 0;
    const open = !!data.forum?.voting.open;
    return html`${mine ? html`<span class="mine">${t.mine(mine)}</span>` : nothing}
      <button type="button" part="vote-button" aria-describedby=${tid} ?disabled=${!open || mine < 1} @click=${() => void this.#vote(idea, -1)}>
        <span aria-hidden="true">−</span><span class="visually-hidden">${t.remove}</span>
      </button>
      <button type="button" part="vote-button" class="add" aria-describedby=${tid} ?disabled=${!open || idea.status !== 'visible'} @click=${() => void this.#vote(idea, 1)}>
        <span aria-hidden="true">+</span> ${t.add}
      </button>`;
  };

  // ---------------------------------------------------------------- posting

  #submit(ev: SubmitEvent, facilitator: OnBehalf | undefined): void {
    ev.preventDefault();
    const { host, data } = this.#wall;
    const text = this.#draft.trim();
    const table = data.facilitator ? facilitator?.draftTable || undefined : undefined;
    if (!text || chars(text) > MAX || (data.facilitator && !table)) return;
    if (!host.dispatchEvent(new HdIdeaPostEvent({ text, table }))) return;
    const item: Pending = { key: newIdempotencyKey(), text, at: new Date().toISOString(), state: 'sending' };
    if (table) item.table = table;
    this.#pending = [item, ...this.#pending];
    // Kept on the device before it is sent: a reload or a lost connection cannot lose it.
    this.#save();
    this.#draft = '';
    void this.#send(item);
  }

  async #send(item: Pending): Promise<void> {
    const { host, member, data, words, say } = this.#wall;
    const writer = member.writer();
    const outbox = this.#outbox;
    if (!writer || this.#inFlight.has(item.key)) return;
    const queued = item.state === 'queued';
    this.#inFlight.add(item.key);
    item.state = 'sending';
    host.requestUpdate();
    /** The backend or forum changed meanwhile: the answer is for a wall no longer shown. */
    const gone = () => outbox !== this.#outbox || outbox.scope !== data.scope;
    try {
      const input = item.table ? { text: item.text, table: item.table } : { text: item.text };
      const idea = await writer.postIdea(host.forumId, input, { idempotencyKey: item.key });
      if (gone()) return;
      this.#drop(item);
      data.store.put(idea, 0);
      say(this.#t.posted);
      host.dispatchEvent(new HdIdeaPostedEvent({ idea, queued }));
    } catch (error) {
      if (gone()) return;
      if (error instanceof ApiError && error.transient) {
        item.state = 'queued';
        say(this.#t.queued, true);
      } else {
        this.#drop(item);
        if (!queued && !this.#draft) this.#draft = item.text;
        say(words.error(error), true);
      }
    } finally {
      this.#inFlight.delete(item.key);
      host.requestUpdate();
    }
  }

  #save(): void {
    saveOutbox(
      this.#outbox.scope,
      this.#pending.map(({ key, text, table, at }) => (table ? { key, text, table, at } : { key, text, at })),
    );
  }

  #drop(item: Pending): void {
    this.#pending = this.#pending.filter((other) => other !== item);
    this.#save();
  }

  /** Sends what waits in the outbox (once each: the stored Idempotency-Key makes a repeat harmless). */
  flush(): void {
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return;
    for (const item of this.#pending) if (item.state === 'queued' && !this.#inFlight.has(item.key)) void this.#send(item);
  }

  // ---------------------------------------------------------------- dots

  async #vote(idea: Idea, delta: 1 | -1): Promise<void> {
    const { host, member, data, words, say } = this.#wall;
    const me = member.me;
    const writer = member.writer();
    if (!me || !writer) return;
    const mine = me.votes.get(idea.id) ?? 0;
    if (delta > 0 && me.used >= me.budget) {
      say(words.m.errors.codes['vote-budget-exhausted'] ?? words.m.errors.conflict, true);
      return;
    }
    if (delta < 0 && mine < 1) return;
    // Optimistic: the dot moves at once; a refusal puts it back.
    me.used += delta;
    me.votes.set(idea.id, mine + delta);
    const { store } = data;
    const before = store.versionOf(idea.id);
    store.bump(idea.id, delta);
    host.requestUpdate();
    this.#votesInFlight++;
    this.#votesOverlapped ||= this.#votesInFlight > 1;
    try {
      const answer = delta > 0 ? await writer.addVote(host.forumId, idea.id) : await writer.retractVote(host.forumId, idea.id);
      if (--this.#votesInFlight === 0) {
        // Answers to overlapping clicks may arrive out of order: then ask once what is true.
        if (this.#votesOverlapped) void this.#refreshMe();
        else {
          me.used = answer.votesUsed;
          me.budget = answer.voteBudget;
          me.votes.set(idea.id, answer.myVotes);
        }
        this.#votesOverlapped = false;
      }
      host.dispatchEvent(new HdVoteChangedEvent({ ideaId: answer.ideaId, votes: answer.votes, myVotes: answer.myVotes, votesUsed: answer.votesUsed, voteBudget: answer.voteBudget }));
    } catch (error) {
      if (--this.#votesInFlight === 0 && this.#votesOverlapped) {
        this.#votesOverlapped = false;
        void this.#refreshMe();
      }
      me.used -= delta;
      me.votes.set(idea.id, (me.votes.get(idea.id) ?? 0) - delta);
      if (store.versionOf(idea.id) === before) store.bump(idea.id, -delta);
      say(words.error(error), true);
      if (error instanceof ApiError && error.kind === 'conflict') void this.#refreshMe();
    } finally {
      host.requestUpdate();
    }
  }

  async #refreshMe(): Promise<void> {
    const { host, member } = this.#wall;
    const writer = member.writer();
    if (!writer) return;
    try {
      const me = await writer.me(host.forumId);
      // A dot sent meanwhile would be missing from this answer: the next settle asks again.
      if (this.#votesInFlight > 0) {
        this.#votesOverlapped = true;
        return;
      }
      member.me = { budget: me.voteBudget, used: me.votesUsed, votes: new Map(Object.entries(me.votes)) };
      host.requestUpdate();
    } catch {
      // The next load corrects it.
    }
  }
}
