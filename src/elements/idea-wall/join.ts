/**
 * `Joining`: how a participant joins the forum at a table — with the join form, or at once when
 * the page gives the join code and the table (the QR code's URL). A part of its own, with its
 * words (both languages): a participant without a session on this device fetches it alongside the
 * wall's first data (it is their first screen); one who has joined, a facilitator and the projector
 * never do. While the join request is on its way the writer's part loads, and the keyboard goes on
 * in the composer when the form that had it is gone. It reaches the wall through `WallContext`.
 */
import { html, type ReactiveController, type TemplateResult } from 'lit';
import { HdIdeaWallJoinedEvent } from '../../events/idea-wall-joined.js';
import type { WallContext } from './wall-context.js';

export const ko = {
  title: '토론회 참여하기',
  code: '참여 코드',
  table: '테이블 번호',
  submit: '참여하기',
  joining: '참여하는 중입니다…',
  hint: '참여하면 제안을 올리고, 마음에 드는 제안에 스티커를 붙일 수 있습니다. 테이블에 놓인 QR 코드를 찍거나 참여 코드와 테이블 번호를 입력하세요.',
};

export const en: typeof ko = {
  title: 'Join the forum',
  code: 'Join code',
  table: 'Table number',
  submit: 'Join',
  joining: 'Joining…',
  hint: 'Join to post ideas and put dots on the ones you like. Scan the QR code on your table, or type the join code and your table number.',
};

/** What joining needs of the wall's other parts: the writer's part fetched early, and the keyboard moved after a render. */
export interface WriterAhead {
  /** Starts fetching the writer's part (tried again if it failed); resolves or rejects when it is in or not. */
  prefetch(): Promise<unknown> | undefined;
  /** After the next render (and the parts it waits for), the keyboard goes to `selector`. */
  focus(selector: string): void;
}

export class Joining implements ReactiveController {
  readonly #wall: WallContext;
  readonly #writer: WriterAhead;
  /** A join request is on its way. */
  #joining = false;
  /** The join the page asked for (code and table from its URL), tried once each. */
  #tried = '';

  constructor(wall: WallContext, writer: WriterAhead) {
    this.#wall = wall;
    this.#writer = writer;
    wall.host.addController(this);
  }

  get #t() {
    return this.#wall.words.locale === 'en' ? en : ko;
  }

  hostUpdated(): void {
    // The QR code's URL gave the code and the table: join at once (once per forum, code and table).
    const { host, data, member } = this.#wall;
    if (host.mode !== 'participant' || !data.scope || member.session || !host.joinCode || host.table < 1 || this.#joining) return;
    const attempt = `${data.scope}|${host.joinCode}|${host.table}`;
    if (this.#tried === attempt) return;
    this.#tried = attempt;
    queueMicrotask(() => void this.#join(host.joinCode, host.table));
  }

  /** The join form: the code (from the QR code's URL, if any) and the table. */
  form(): TemplateResult {
    const t = this.#t;
    const { host, data } = this.#wall;
    // A person who starts on the form is about to join: the writer's part is fetched from then on.
    return html`<form class="join" part="join" @submit=${this.#submit} @focusin=${() => this.#writer.prefetch()}>
      <h2>${t.title}</h2>
      <p class="hint">${t.hint}</p>
      <label>${t.code}<input name="code" required minlength="4" maxlength="12" autocomplete="off" autocapitalize="characters" .value=${host.joinCode} /></label>
      <label>${t.table}<input name="table" type="number" inputmode="numeric" required min="1" max=${data.forum?.tables || 200} .value=${host.table ? String(host.table) : ''} /></label>
      <button type="submit" class="primary" ?disabled=${this.#joining}>${this.#joining ? t.joining : t.submit}</button>
    </form>`;
  }

  #submit = (ev: SubmitEvent): void => {
    ev.preventDefault();
    const form = new FormData(ev.target as HTMLFormElement);
    const table = Number(form.get('table'));
    if (Number.isInteger(table) && table > 0) void this.#join(String(form.get('code') ?? ''), table);
  };

  async #join(code: string, table: number): Promise<void> {
    const { host, member, words, say } = this.#wall;
    // Read before the button is disabled (a disabled button loses the focus).
    const focused = !!host.shadowRoot!.querySelector('.join:focus-within');
    // The writer's part loads while the server answers: the composer replaces the form at once; if
    // it failed, its place says so, with a retry.
    const writer = this.#writer.prefetch();
    this.#joining = true;
    host.requestUpdate();
    try {
      const session = await member.join(code, table);
      await writer?.catch(() => undefined);
      if (!session) return;
      say('');
      host.dispatchEvent(new HdIdeaWallJoinedEvent({ forumId: host.forumId, table: session.table }));
      // The form that had the keyboard is gone: the keyboard goes on in the composer.
      if (focused) this.#writer.focus('#draft');
    } catch (error) {
      say(words.error(error), true);
    } finally {
      this.#joining = false;
      host.requestUpdate();
    }
  }
}
