/**
 * `Participants`: the facilitator's "who has joined" section — how many joined and how many were
 * revoked, the anonymous list (table, when, dots used, ideas) a page at a time, and revoking one
 * (for a person who joined twice, or a session that is not a person) after a confirm dialog. The
 * server releases the participant's dots in the same step; the ideas' new totals arrive on the
 * wall live (`vote.changed`), the counts with `participants.changed`, which also refreshes the
 * open list. Part of the facilitator's chunk (facilitator.ts draws it beside the voting controls);
 * reaches the wall through `WallContext` only.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { Participant, ParticipantPage } from '../../api/types.js';
import { formatNumber } from '../../i18n/format.js';
import type { WallContext } from './wall-context.js';
import { tableName } from './wall-view.js';

/** Participants per page (a venue has 60–300; the list scrolls within its box). */
const PAGE = 30;

const n = (value: number) => formatNumber(value, 'ko');
const ne = (value: number) => formatNumber(value, 'en');

export const ko = {
  title: '참가자',
  count: (total: number, revoked: number) => `참가 ${n(total)}명${revoked ? ` · 참가 취소 ${n(revoked)}명` : ''}`,
  refresh: '새로 고침',
  more: '더 보기',
  none: '아직 참가한 사람이 없습니다.',
  row: (time: string, used: number, budget: number, ideas: number) => `${time} 참가 · 스티커 ${n(used)}/${n(budget)}개 · 제안 ${n(ideas)}건`,
  revoke: '참가 취소',
  askTitle: '참가를 취소할까요?',
  ask: (who: string, used: number) =>
    `${who}의 참가를 취소합니다. 이 참가자가 붙인 스티커 ${n(used)}개가 풀리고, 이 기기로는 다시 참가할 수 없습니다. 올린 제안은 벽에 남습니다.`,
  cancel: '돌아가기',
  revoked: (released: number, total: number) => `참가자 1명의 참가를 취소했습니다. 스티커 ${n(released)}개가 풀렸습니다. 지금 참가자는 ${n(total)}명입니다.`,
};

export const en: typeof ko = {
  title: 'Participants',
  count: (total: number, revoked: number) => `${ne(total)} joined${revoked ? ` · ${ne(revoked)} revoked` : ''}`,
  refresh: 'Refresh',
  more: 'Show more',
  none: 'Nobody has joined yet.',
  row: (time: string, used: number, budget: number, ideas: number) => `Joined ${time} · ${ne(used)}/${ne(budget)} dots · ${ne(ideas)} ideas`,
  revoke: 'Revoke',
  askTitle: 'Revoke this participant?',
  ask: (who: string, used: number) =>
    `Revoke the participant at ${who}. Their ${ne(used)} dots are released and they cannot join again from that device. Their ideas stay on the wall.`,
  cancel: 'Go back',
  revoked: (released: number, total: number) => `Revoked 1 participant. ${ne(released)} dots were released. ${ne(total)} have joined now.`,
};

export class Participants implements ReactiveController {
  readonly #wall: WallContext;
  /** The section is open (its list is fetched then, and kept fresh while it stays open). */
  #open = false;
  /** The first page's counts, and every participant fetched so far. */
  #page: ParticipantPage | undefined;
  #items: Participant[] = [];
  #loading = false;
  #error: unknown;
  /** The forum's joined count the list was last fetched for (a live change refetches). */
  #seen: number | undefined;
  /** The participant the confirm dialog asks about, and its error if revoking failed. */
  #ask: Participant | undefined;
  #askError: unknown;
  #busy = false;

  constructor(wall: WallContext) {
    this.#wall = wall;
    wall.host.addController(this);
  }

  get #t() {
    return this.#wall.words.locale === 'en' ? en : ko;
  }

  get #root(): ShadowRoot {
    return this.#wall.host.shadowRoot!;
  }

  hostUpdated(): void {
    const dialog = this.#root.querySelector<HTMLDialogElement>('dialog.revoke');
    if (dialog && !dialog.open) dialog.showModal();
    // Someone joined or was revoked (`participants.changed`) while the list is open: fetch it again.
    const live = this.#wall.data.forum?.participants;
    if (this.#open && !this.#loading && live !== undefined && this.#seen !== undefined && live !== this.#seen) {
      this.#seen = live;
      queueMicrotask(() => void this.#load()); // not within this update
    }
  }

  #set(change: () => void): void {
    change();
    this.#wall.host.requestUpdate();
  }

  #focus(selector: string): void {
    void this.#wall.host.updateComplete.then(() => this.#root.querySelector<HTMLElement>(selector)?.focus());
  }

  /** The section (a disclosure in the facilitator's tools). */
  render(): TemplateResult {
    const t = this.#t;
    const page = this.#page;
    return html`<details class="people" part="participants" @toggle=${this.#toggle}>
      <summary>${t.title}${page ? html` <span class="count">(${t.count(page.total, page.revoked)})</span>` : nothing}</summary>
      ${this.#open ? this.#body() : nothing}
    </details>`;
  }

  #body(): TemplateResult {
    const t = this.#t;
    const { words } = this.#wall;
    const page = this.#page;
    return html`<div class="people-body" aria-busy=${this.#loading ? 'true' : 'false'}>
      <div class="people-head">
        <p>${page ? t.count(page.total, page.revoked) : words.m.common.loading}</p>
        <button type="button" class="refresh" ?disabled=${this.#loading} @click=${() => void this.#load()}>${t.refresh}</button>
      </div>
      ${this.#error
        ? html`<div class="note error" role="alert"><p>${words.error(this.#error)}</p>
            <button type="button" @click=${() => void this.#load(!!this.#items.length)}>${words.m.common.retry}</button></div>`
        : nothing}
      ${page && !this.#items.length ? html`<p class="note">${t.none}</p>` : nothing}
      ${this.#items.length
        ? html`<ul class="people-list">
            ${this.#items.map((p) => {
              const id = `pp-${p.id}`;
              return html`<li data-pid=${p.id}>
                <span id=${id}><strong>${this.#who(p)}</strong> ${t.row(this.#time(p.joinedAt), p.votesUsed, p.voteBudget, p.ideas)}</span>
                <button type="button" class="revoke" aria-describedby=${id} @click=${() => this.#confirmAsk(p)}>${t.revoke}</button>
              </li>`;
            })}
          </ul>`
        : nothing}
      ${page?.nextCursor && !this.#error ? html`<button type="button" class="more" ?disabled=${this.#loading} @click=${() => void this.#load(true)}>${t.more}</button>` : nothing}
    </div>`;
  }

  /** The confirm dialog (while it asks). */
  dialog(): TemplateResult | typeof nothing {
    const p = this.#ask;
    if (!p) return nothing;
    const t = this.#t;
    const { words } = this.#wall;
    return html`<dialog class="revoke" aria-labelledby="revoke-title" aria-describedby="revoke-ask" @cancel=${this.#cancel}>
      <form method="dialog" @submit=${this.#revoke}>
        <h2 id="revoke-title">${t.askTitle}</h2>
        <p id="revoke-ask">${t.ask(this.#who(p), p.votesUsed)}</p>
        ${this.#askError ? html`<p class="msg error" role="alert">${words.error(this.#askError)}</p>` : nothing}
        <div class="actions">
          <button type="submit" class="danger" ?disabled=${this.#busy}>${this.#askError ? words.m.common.retry : t.revoke}</button>
          <button type="button" autofocus @click=${this.#cancel}>${t.cancel}</button>
        </div>
      </form>
    </dialog>`;
  }

  #who(p: Participant): string {
    const { words, data } = this.#wall;
    return tableName(words.t, data.tables, p.table);
  }

  #time(at: string): string {
    // (format.ts's formatTime, inlined: importing it would move it into every page's foundation chunk)
    return new Date(at).toLocaleTimeString(this.#wall.words.locale, { timeZone: 'Asia/Seoul', hour: 'numeric', minute: '2-digit' });
  }

  #toggle = (ev: Event): void => {
    const open = (ev.target as HTMLDetailsElement).open;
    if (open === this.#open) return;
    this.#set(() => (this.#open = open));
    if (open) void this.#load();
  };

  /** Fetches the first page again (counts and list), or the next page (`more`). */
  async #load(more = false): Promise<void> {
    const { member, host, data } = this.#wall;
    const client = member.writer();
    if (!client) return;
    const cursor = more ? this.#page?.nextCursor : undefined;
    this.#set(() => {
      this.#loading = true;
      this.#error = undefined;
      this.#seen = data.forum?.participants;
    });
    try {
      const page = await client.listParticipants(host.forumId, cursor ? { cursor, limit: PAGE } : { limit: PAGE });
      this.#set(() => {
        this.#items = cursor ? [...this.#items, ...page.items] : page.items;
        this.#page = page;
        this.#seen = data.forum?.participants ?? page.total;
      });
    } catch (error) {
      this.#set(() => (this.#error = error));
    } finally {
      this.#set(() => (this.#loading = false));
    }
  }

  #confirmAsk(p: Participant): void {
    this.#set(() => {
      this.#ask = p;
      this.#askError = undefined;
    });
  }

  #cancel = (ev?: Event): void => {
    ev?.preventDefault(); // (Escape) the dialog goes with the state, not before it
    const p = this.#ask;
    this.#set(() => (this.#ask = undefined));
    if (p) this.#focus(`[data-pid="${CSS.escape(p.id)}"] .revoke`);
  };

  #revoke = async (ev: SubmitEvent): Promise<void> => {
    ev.preventDefault();
    const p = this.#ask;
    const client = this.#wall.member.writer();
    if (!p || !client || this.#busy) return;
    this.#set(() => (this.#busy = true));
    try {
      const done = await client.revokeParticipant(this.#wall.host.forumId, p.id);
      this.#set(() => (this.#ask = undefined));
      this.#wall.say(this.#t.revoked(done.votesReleased, done.participants));
      this.#focus('.people .refresh');
      await this.#load();
    } catch (error) {
      this.#set(() => (this.#askError = error));
    } finally {
      this.#set(() => (this.#busy = false));
    }
  };
}
