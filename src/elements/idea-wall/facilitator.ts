/**
 * `Moderation`: a facilitator's tools on the wall — the voting round controls, posting on a
 * table's behalf, promoting a table's top ideas, and each card's hide / pin / promote / merge /
 * categorise, each confirmed in the wall's status line (a polite live region). A merge asks which
 * of the two ideas stays, and waits a few seconds before it is sent, so that it can be undone
 * (the contract has no unmerge); leaving the page sends it at once.
 * Loaded with a dynamic `import()` only by a wall in facilitator mode with a token (phones and the
 * projector never download it), with its words (both languages: a small share of a chunk only
 * facilitators load) and its styles. It reaches the wall through `WallContext` only.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { IdeaPatch, Idea } from '../../api/types.js';
import { formatNumber } from '../../i18n/format.js';
import { Participants } from './participants.js';
import type { WallContext } from './wall-context.js';
import { tableName } from './wall-view.js';

export { styles } from './facilitator.styles.js';

/** How many of a table's ideas "promote the top" moves to the plenary. */
const PROMOTE_TOP = 3;
/** How long a merge waits to be sent, while it can be undone. */
export const MERGE_UNDO_MS = 6_000;

/** An idea's first words, to say which one a confirmation is about. */
const excerpt = (idea: Idea) => ([...idea.text].length > 24 ? `${[...idea.text].slice(0, 24).join('')}…` : idea.text);

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
  mergeWith: '이 제안과 합치기',
  mergePick: '함께 합칠 제안을 고르세요. 어느 제안을 남길지는 다음에 묻습니다.',
  mergeCancel: '합치기 취소',
  mergeTitle: '두 제안 합치기',
  mergeAsk: '어느 제안을 남길까요? 다른 제안은 남기는 제안에 합쳐지고, 그 제안의 표도 옮겨집니다.',
  mergeKeep: '남길 제안',
  mergeConfirm: '합치기',
  mergePending: (idea: string) => `‘${idea}’ 제안에 합칩니다. 몇 초 안에는 되돌릴 수 있습니다.`,
  merging: '합치는 중',
  undo: '되돌리기',
  undone: '합치기를 취소했습니다. 두 제안이 그대로 있습니다.',
  merged: (idea: string) => `‘${idea}’ 제안에 합쳤습니다.`,
  cancel: '취소',
  hidden: (idea: string) => `‘${idea}’ 제안을 숨겼습니다. 참가자 화면에서 사라집니다.`,
  shown: (idea: string) => `‘${idea}’ 제안을 다시 보이게 했습니다.`,
  pinned: (idea: string) => `‘${idea}’ 제안을 맨 위에 고정했습니다.`,
  unpinned: (idea: string) => `‘${idea}’ 제안의 고정을 풀었습니다.`,
  promoted: (idea: string) => `‘${idea}’ 제안을 전체 회의로 올렸습니다.`,
  unpromoted: (idea: string) => `‘${idea}’ 제안을 전체 회의에서 내렸습니다.`,
  categorised: (idea: string, category: string) => `‘${idea}’ 제안의 분류를 ‘${category}’(으)로 정했습니다.`,
  uncategorised: (idea: string) => `‘${idea}’ 제안의 분류를 지웠습니다.`,
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
  mergeWith: 'Merge with this idea',
  mergePick: 'Choose the idea to merge it with. You choose which one stays next.',
  mergeCancel: 'Cancel merging',
  mergeTitle: 'Merge two ideas',
  mergeAsk: 'Which idea stays? The other one is merged into it, and its votes move with it.',
  mergeKeep: 'The idea that stays',
  mergeConfirm: 'Merge',
  mergePending: (idea: string) => `Merging into “${idea}”. You can undo this for a few seconds.`,
  merging: 'Merging',
  undo: 'Undo',
  undone: 'Merge undone. Both ideas stay as they were.',
  merged: (idea: string) => `Merged into “${idea}”.`,
  cancel: 'Cancel',
  hidden: (idea: string) => `“${idea}” is hidden. Participants no longer see it.`,
  shown: (idea: string) => `“${idea}” is shown again.`,
  pinned: (idea: string) => `“${idea}” is pinned to the top.`,
  unpinned: (idea: string) => `“${idea}” is no longer pinned.`,
  promoted: (idea: string) => `“${idea}” is promoted to the plenary.`,
  unpromoted: (idea: string) => `“${idea}” is no longer in the plenary.`,
  categorised: (idea: string, category: string) => `“${idea}” is now in “${category}”.`,
  uncategorised: (idea: string) => `“${idea}” no longer has a category.`,
  promoteTop: (count: number, table: number) => `Promote table ${ne(table)}'s top ${ne(count)} to the plenary`,
  votingOpen: 'Open voting',
  votingClose: 'Close voting',
  duration: 'Voting time',
  noLimit: 'No limit',
  minutes: (m: number) => `${ne(m)} min`,
  done: 'Done.',
};

/** Two ideas about to be merged, and the one that stays. */
interface MergeChoice {
  /** The idea the merge started from. */
  first: Idea;
  /** The idea picked to merge it with. */
  second: Idea;
  /** The id of the idea that stays. */
  keep: string;
}

export class Moderation implements ReactiveController {
  readonly #wall: WallContext;
  /** The idea a merge starts from, while the facilitator picks the other one. */
  #mergeFrom: Idea | undefined;
  /** The dialog asking which idea stays. */
  #ask: MergeChoice | undefined;
  /** A merge waiting to be sent (it can be undone until then). */
  #pending: { from: Idea; into: Idea; timer: ReturnType<typeof setTimeout> } | undefined;
  /** The voting round's length in seconds (0: no limit). */
  #duration = 0;
  /** The table the facilitator picked for the next idea (undefined: their own). */
  #draftTable: number | undefined;
  /** Who has joined, and revoking one (participants.ts). */
  readonly #people: Participants;

  constructor(wall: WallContext) {
    this.#wall = wall;
    wall.host.addController(this);
    this.#people = new Participants(wall);
  }

  get #t() {
    return this.#wall.words.locale === 'en' ? en : ko;
  }

  /** The table an idea posted now is for (0: not chosen). */
  get draftTable(): number {
    return this.#draftTable ?? this.#wall.member.facilitatorTable;
  }

  hostUpdated(): void {
    // The question which idea stays is a modal dialog: opened once it is drawn.
    const dialog = this.#root.querySelector<HTMLDialogElement>('dialog.merge');
    if (dialog && !dialog.open) dialog.showModal();
  }

  hostDisconnected(): void {
    // Leaving the page: a merge still waiting goes now, as the facilitator asked.
    if (this.#pending) void this.#commit();
  }

  get #root(): ShadowRoot {
    return this.#wall.host.shadowRoot!;
  }

  /** After the next render, the keyboard goes to `selector` (a control that replaced the one it was on). */
  #focus(selector: string): void {
    void this.#wall.host.updateComplete.then(() => this.#root.querySelector<HTMLElement>(selector)?.focus());
  }

  #fail(error: unknown): void {
    this.#wall.say(this.#wall.words.error(error), true);
  }

  #set(change: () => void): void {
    change();
    this.#wall.host.requestUpdate();
  }

  /** The voting round controls, and the participants section below them. */
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
    </div>
    ${this.#people.render()}`;
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

  /** In the wall's status line: what to do while picking the other idea of a merge, or the undo of a merge on its way. */
  status(): TemplateResult | typeof nothing {
    const t = this.#t;
    if (this.#mergeFrom) {
      return html`<div class="merge-bar"><p>${t.mergePick}</p><button type="button" @click=${this.#cancelPick}>${t.mergeCancel}</button></div>`;
    }
    return this.#pending
      ? html`<div class="merge-bar"><p>${t.mergePending(excerpt(this.#pending.into))}</p><button type="button" class="undo" @click=${this.#undo}>${t.undo}</button></div>`
      : nothing;
  }

  /** The dialog asking which of two ideas stays (while it asks), or whether to revoke a participant. */
  mergeDialog(): TemplateResult | typeof nothing {
    const ask = this.#ask;
    if (!ask) return this.#people.dialog();
    const t = this.#t;
    const { words } = this.#wall;
    const option = (idea: Idea) => html`<label class="keep">
      <input type="radio" name="keep" value=${idea.id} .checked=${ask.keep === idea.id} ?autofocus=${ask.keep === idea.id}
        @change=${() => (ask.keep = idea.id)} />
      <span>${idea.text}<small>${words.t.idea.table(idea.table)} · ${words.t.votes.count(idea.votes)}</small></span>
    </label>`;
    return html`<dialog class="merge" aria-labelledby="merge-title" @cancel=${this.#cancelAsk}>
      <form method="dialog" @submit=${this.#confirm}>
        <h2 id="merge-title">${t.mergeTitle}</h2>
        <fieldset>
          <legend>${t.mergeAsk}</legend>
          ${option(ask.second)} ${option(ask.first)}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">${t.mergeConfirm}</button>
          <button type="button" @click=${this.#cancelAsk}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  /** A card's tools (`tid`: the id of the card's text, which names what each button acts on). */
  readonly card = (idea: Idea, tid: string): TemplateResult | typeof nothing => {
    const t = this.#t;
    const from = this.#mergeFrom;
    if (this.#pending?.from.id === idea.id) return html`<p class="badge merging">${t.merging}</p>`;
    if (from) {
      if (from.id === idea.id) {
        return html`<div class="mod" part="moderation"><button type="button" class="merge-cancel" aria-describedby=${tid} @click=${this.#cancelPick}>${t.mergeCancel}</button></div>`;
      }
      return idea.status !== 'visible'
        ? nothing
        : html`<div class="mod" part="moderation"><button type="button" class="merge-with" aria-describedby=${tid} @click=${() => this.#pick(idea)}>${t.mergeWith}</button></div>`;
    }
    const hidden = idea.status === 'hidden';
    return html`<div class="mod" part="moderation">
      <button type="button" aria-describedby=${tid} @click=${() => void this.#moderate(idea, { status: hidden ? 'visible' : 'hidden' })}>${hidden ? t.unhide : t.hide}</button>
      <button type="button" aria-describedby=${tid} @click=${() => void this.#moderate(idea, { pinned: !idea.pinned })}>${idea.pinned ? t.unpin : t.pin}</button>
      <button type="button" aria-describedby=${tid} @click=${() => void this.#moderate(idea, { promoted: !idea.promoted })}>${idea.promoted ? t.unpromote : t.promote}</button>
      ${hidden ? nothing : html`<button type="button" class="merge" aria-describedby=${tid} @click=${() => this.#startMerge(idea)}>${t.merge}</button>`}
      <label class="inline">${t.category}
        <select @change=${(e: Event) => void this.#moderate(idea, { category: (e.target as HTMLSelectElement).value || null })}>
          <option value="" ?selected=${!idea.category}>${t.noCategory}</option>
          ${(this.#wall.data.forum?.categories ?? []).map((c) => html`<option value=${c} ?selected=${idea.category === c}>${c}</option>`)}
        </select></label>
    </div>`;
  };

  /** What a change did, in words (the status line says it). */
  #said(idea: Idea, patch: IdeaPatch): string {
    const t = this.#t;
    const name = excerpt(idea);
    if (patch.status) return patch.status === 'hidden' ? t.hidden(name) : t.shown(name);
    if (patch.pinned !== undefined) return patch.pinned ? t.pinned(name) : t.unpinned(name);
    if (patch.promoted !== undefined) return patch.promoted ? t.promoted(name) : t.unpromoted(name);
    return patch.category ? t.categorised(name, patch.category) : t.uncategorised(name);
  }

  async #moderate(idea: Idea, patch: IdeaPatch, quiet = false): Promise<void> {
    const { data, member, host, say } = this.#wall;
    try {
      data.put(await member.writer()!.moderateIdea(host.forumId, idea.id, patch));
      if (!quiet) say(this.#said(idea, patch));
    } catch (error) {
      this.#fail(error);
    }
  }

  // ---------------------------------------------------------------- merging

  #startMerge(idea: Idea): void {
    // One merge at a time: one still waiting goes now.
    if (this.#pending) void this.#commit();
    this.#set(() => (this.#mergeFrom = idea));
    this.#focus(`[data-id="${CSS.escape(idea.id)}"] .merge-cancel`);
  }

  #cancelPick = (): void => {
    const from = this.#mergeFrom;
    this.#set(() => (this.#mergeFrom = undefined));
    if (from) this.#focus(`[data-id="${CSS.escape(from.id)}"] button.merge`);
  };

  #pick(second: Idea): void {
    const first = this.#mergeFrom;
    if (!first) return;
    // The idea picked second stays unless the facilitator says otherwise.
    this.#set(() => {
      this.#mergeFrom = undefined;
      this.#ask = { first, second, keep: second.id };
    });
  }

  #cancelAsk = (ev?: Event): void => {
    ev?.preventDefault(); // (Escape) the dialog goes with the state, not before it
    const ask = this.#ask;
    this.#set(() => (this.#ask = undefined));
    if (ask) this.#focus(`[data-id="${CSS.escape(ask.first.id)}"] button.merge`);
  };

  #confirm = (ev: SubmitEvent): void => {
    ev.preventDefault();
    const ask = this.#ask;
    if (!ask) return;
    const into = ask.keep === ask.first.id ? ask.first : ask.second;
    const from = into === ask.first ? ask.second : ask.first;
    this.#set(() => {
      this.#ask = undefined;
      this.#pending = { from, into, timer: setTimeout(() => void this.#commit(), MERGE_UNDO_MS) };
    });
    this.#wall.say(''); // the status line's undo bar says it now
    this.#focus('.merge-bar .undo');
  };

  #undo = (): void => {
    const pending = this.#pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#set(() => (this.#pending = undefined));
    this.#wall.say(this.#t.undone);
    this.#focus(`[data-id="${CSS.escape(pending.from.id)}"] button.merge`);
  };

  /** Sends the merge that waited. */
  async #commit(): Promise<void> {
    const pending = this.#pending;
    if (!pending) return;
    clearTimeout(pending.timer);
    this.#set(() => (this.#pending = undefined));
    const { member, host, data, say } = this.#wall;
    try {
      data.put(await member.writer()!.mergeIdea(host.forumId, pending.from.id, pending.into.id));
      say(this.#t.merged(excerpt(pending.into)));
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
    for (const idea of top) await this.#moderate(idea, { promoted: true }, true);
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
