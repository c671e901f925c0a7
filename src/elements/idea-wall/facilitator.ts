/**
 * `Moderation`: a facilitator's tools on the wall — the voting round controls, posting on a table's behalf,
 * promoting a table's top ideas, and each card's hide / pin / promote / merge / categorise.
 * Loaded with a dynamic `import()` only by a wall in facilitator mode with a token (phones and the
 * projector never download it), with its words (both languages: a small share of a chunk only
 * facilitators load) and its styles. It reaches the wall through `WallContext` only.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { Idea } from '../../api/types.js';
import { formatNumber } from '../../i18n/format.js';
import type { WallContext } from './wall-context.js';
import { tableName } from './wall-view.js';

/** How many of a table's ideas "promote the top" moves to the plenary. */
const PROMOTE_TOP = 3;

const n = (value: number) => formatNumber(value, 'ko');
const ne = (value: number) => formatNumber(value, 'en');

export const ko = {
  onBehalf: '어느 테이블의 제안인가요?',
  hide: '숨기기',
  unhide: '다시 보이기',
  pin: '고정하기',
  unpin: '고정 해제',
  promote: '전체 회의로 올리기',
  unpromote: '전체 회의에서 내리기',
  category: '분류 지정',
  noCategory: '분류 없음',
  merge: '다른 제안과 합치기',
  mergeInto: '이 제안으로 합치기',
  mergePick: '합칠 대상 제안을 고르세요. 표는 대상 제안으로 옮겨집니다.',
  cancel: '취소',
  promoteTop: (count: number, table: number) => `${n(table)}번 테이블 상위 ${n(count)}건을 전체 회의로 올리기`,
  votingOpen: '투표 시작',
  votingClose: '투표 마감',
  duration: '투표 시간',
  noLimit: '제한 없음',
  minutes: (m: number) => `${n(m)}분`,
  done: '반영했습니다.',
};

export const en: typeof ko = {
  onBehalf: 'Which table is this idea from?',
  hide: 'Hide',
  unhide: 'Show again',
  pin: 'Pin',
  unpin: 'Unpin',
  promote: 'Promote to plenary',
  unpromote: 'Remove from plenary',
  category: 'Category',
  noCategory: 'No category',
  merge: 'Merge with another idea',
  mergeInto: 'Merge into this idea',
  mergePick: 'Choose the idea to merge into. Its votes move there.',
  cancel: 'Cancel',
  promoteTop: (count: number, table: number) => `Promote table ${ne(table)}'s top ${ne(count)} to the plenary`,
  votingOpen: 'Open voting',
  votingClose: 'Close voting',
  duration: 'Voting time',
  noLimit: 'No limit',
  minutes: (m: number) => `${ne(m)} min`,
  done: 'Done.',
};

/** The tools' own styles (adopted by the wall's shadow root when this module loads). */
export const styles = css`
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: 0.5em;
  }
  /* Hidden ideas: only a facilitator's wall lists them. */
  .is-hidden {
    background: var(--_hd-color-surface-alt);
    border-style: dashed;
  }
  .badge.hidden {
    color: var(--_hd-color-danger);
  }
  .voting,
  .merge-note {
    margin-inline: var(--_hd-space-s);
  }
  .voting,
  .mod {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_hd-space-s);
  }
  .merge-note {
    padding: var(--_hd-space-s);
    background: var(--_hd-color-surface-alt);
    border-radius: var(--_hd-radius-small);
  }
`;

export class Moderation {
  readonly #wall: WallContext;
  /** The idea being merged, while the facilitator picks the one it goes into. */
  #mergeFrom: Idea | undefined;
  /** The voting round's length in seconds (0: no limit). */
  #duration = 0;
  /** The table the facilitator picked for the next idea (undefined: their own). */
  #draftTable: number | undefined;

  constructor(wall: WallContext) {
    this.#wall = wall;
  }

  get #t() {
    return this.#wall.words.locale === 'en' ? en : ko;
  }

  /** The table an idea posted now is for (0: not chosen). */
  get draftTable(): number {
    return this.#draftTable ?? this.#wall.member.facilitatorTable;
  }

  #fail(error: unknown): void {
    this.#wall.say(this.#wall.words.error(error), true);
  }

  #set(change: () => void): void {
    change();
    this.#wall.host.requestUpdate();
  }

  /** The voting round controls. */
  voting(): TemplateResult {
    const t = this.#t;
    const open = !!this.#wall.data.forum?.voting.open;
    return html`<div class="voting" part="voting">
      ${open
        ? html`<button type="button" @click=${() => void this.#setVoting(false)}>${t.votingClose}</button>`
        : html`<label class="inline">${t.duration}
              <select @change=${(e: Event) => (this.#duration = Number((e.target as HTMLSelectElement).value))}>
                ${[0, 3, 5, 10, 20].map((m) => html`<option value=${m * 60} ?selected=${this.#duration === m * 60}>${m ? t.minutes(m) : t.noLimit}</option>`)}
              </select></label>
            <button type="button" class="primary" @click=${() => void this.#setVoting(true)}>${t.votingOpen}</button>`}
    </div>`;
  }

  /** The composer's table picker: whose idea the facilitator is posting. */
  onBehalf(): TemplateResult {
    const { data, words } = this.#wall;
    const draft = this.draftTable;
    return html`<label class="inline">${this.#t.onBehalf}
      <select required @change=${(e: Event) => this.#set(() => (this.#draftTable = Number((e.target as HTMLSelectElement).value)))}>
        <option value="" ?selected=${!draft}>—</option>
        ${Array.from({ length: data.forum?.tables ?? 0 }, (_, i) => html`<option value=${i + 1} ?selected=${draft === i + 1}>${tableName(words.t, data.tables, i + 1)}</option>`)}
      </select></label>`;
  }

  /** The toolbar's "promote this table's top ideas" (when a table is picked: `table`). */
  promoteTop(table: number): TemplateResult | typeof nothing {
    return table ? html`<button type="button" @click=${() => void this.#promoteTop(table)}>${this.#t.promoteTop(PROMOTE_TOP, table)}</button>` : nothing;
  }

  /** While a merge waits for its target: what to do, and a way out. */
  mergeNote(): TemplateResult | typeof nothing {
    const t = this.#t;
    return this.#mergeFrom
      ? html`<p class="merge-note" role="status">${t.mergePick}
          <button type="button" @click=${() => this.#set(() => (this.#mergeFrom = undefined))}>${t.cancel}</button></p>`
      : nothing;
  }

  /** A card's tools (`tid`: the id of the card's text, which names what each button acts on). */
  readonly card = (idea: Idea, tid: string): TemplateResult | typeof nothing => {
    const t = this.#t;
    const from = this.#mergeFrom;
    if (from) {
      return from.id === idea.id || idea.status !== 'visible'
        ? nothing
        : html`<div class="mod" part="moderation"><button type="button" aria-describedby=${tid} @click=${() => void this.#merge(idea)}>${t.mergeInto}</button></div>`;
    }
    const hidden = idea.status === 'hidden';
    return html`<div class="mod" part="moderation">
      <button type="button" aria-describedby=${tid} @click=${() => void this.#moderate(idea, { status: hidden ? 'visible' : 'hidden' })}>${hidden ? t.unhide : t.hide}</button>
      <button type="button" aria-describedby=${tid} @click=${() => void this.#moderate(idea, { pinned: !idea.pinned })}>${idea.pinned ? t.unpin : t.pin}</button>
      <button type="button" aria-describedby=${tid} @click=${() => void this.#moderate(idea, { promoted: !idea.promoted })}>${idea.promoted ? t.unpromote : t.promote}</button>
      ${hidden ? nothing : html`<button type="button" aria-describedby=${tid} @click=${() => this.#set(() => (this.#mergeFrom = idea))}>${t.merge}</button>`}
      <label class="inline">${t.category}
        <select @change=${(e: Event) => void this.#moderate(idea, { category: (e.target as HTMLSelectElement).value || null })}>
          <option value="" ?selected=${!idea.category}>${t.noCategory}</option>
          ${(this.#wall.data.forum?.categories ?? []).map((c) => html`<option value=${c} ?selected=${idea.category === c}>${c}</option>`)}
        </select></label>
    </div>`;
  };

  async #moderate(idea: Idea, patch: Parameters<ApiClient['moderateIdea']>[2]): Promise<void> {
    const { data, member, host } = this.#wall;
    try {
      data.put(await member.writer()!.moderateIdea(host.forumId, idea.id, patch));
    } catch (error) {
      this.#fail(error);
    }
  }

  async #merge(into: Idea): Promise<void> {
    const { member, host, say } = this.#wall;
    const from = this.#mergeFrom;
    this.#set(() => (this.#mergeFrom = undefined));
    if (!from) return;
    try {
      await member.writer()!.mergeIdea(host.forumId, from.id, into.id);
      say(this.#t.done);
    } catch (error) {
      this.#fail(error);
    }
  }

  async #promoteTop(table: number): Promise<void> {
    // The table's visible ideas, most votes first.
    const top = this.#wall.data.store
      .view({ sort: 'votes', table, category: null, promotedOnly: false, includeHidden: false })
      .filter((i) => !i.promoted)
      .slice(0, PROMOTE_TOP);
    for (const idea of top) await this.#moderate(idea, { promoted: true });
    this.#wall.say(this.#t.done);
  }

  async #setVoting(open: boolean): Promise<void> {
    const { data, member, host } = this.#wall;
    try {
      const voting = await member.writer()!.setVoting(host.forumId, open ? { open, durationSeconds: this.#duration || null } : { open });
      if (data.forum) data.forum = { ...data.forum, voting };
    } catch (error) {
      this.#fail(error);
    }
  }
}
