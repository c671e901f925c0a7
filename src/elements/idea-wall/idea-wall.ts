import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Idea } from '../../api/types.js';
import { ApiController } from '../../controllers/api-controller.js';
import { customStates } from '../../controllers/states.js';
import { words } from '../../controllers/words.js';
import { baseStyles } from '../../styles/base.js';
import { NewIdeas } from './announcer.js';
import { styles } from './idea-wall.styles.js';
import { Membership } from './membership.js';
import { ko } from './messages.js';
import { ShownIdeas } from './shown.js';
import type { SortOrder } from './store.js';
import type { GroupBy, IdeaWallMode, WallContext, WallSettings, WallWords } from './wall-context.js';
import { WallData } from './wall-data.js';
import type { Part } from '../../controllers/parts.js';
import { WallParts, chunks } from './wall-parts.js';
import { ideaCard, liveLine, votingText } from './wall-view.js';

export type { IdeaWallMode };

/**
 * From this many ideas on, only the cards in view are rendered (`@lit-labs/virtualizer`); a
 * shorter wall renders every card (cheap, and find-in-page and print see them all).
 */
const VIRTUALIZE_FROM = 100;

/**
 * One live forum's ideas in three modes: participants on phones join with the join code and
 * their table, post ideas and dot-vote within the forum's vote budget; facilitators on tablets
 * also hide, categorise, merge, pin, promote and run the voting round; the projector shows the
 * room the wall on one screen that never scrolls — a lane per category or table with its top
 * ideas and its newest, turning over in pages, new ideas spotlighted — with a QR code to join. Updates arrive over the
 * shared live stream; posts and votes show at once and roll back with the server's reason; after
 * a dropped connection the wall resumes without losing or doubling an idea, and an idea written
 * offline is sent once when back. A pause button stops the wall moving while updates are counted.
 *
 * @summary The live wall of a forum's ideas at the venue: post, dot-vote, moderate, project.
 * @tag hd-idea-wall
 *
 * @attr api-base - Base URL of a backend serving the Hyeondap contract (else the nearest `<hd-provider>`).
 * @attr forum-id - The live forum.
 * @attr mode - `participant` (phones; default), `facilitator` (tablets; needs a facilitator token) or `projector` (big screen: fills the screen's height, never scrolls; its only control holds the pages).
 * @attr join-code - The forum's join code (from the table's QR code URL, or set by the organiser for the projector's invitation).
 * @attr table - The participant's table number (from the QR code URL); with `join-code` the person joins at once.
 * @attr join-href - Projector: the join page URL template, `{code}` and `{table}` are filled in (e.g. `https://…/venue.html?code={code}&table={table}`).
 * @attr group-by - Projector: `category` (default), `table` or `none`.
 * @attr sort - `newest` (default) or `votes`.
 * @prop {string} token - A facilitator (or admin) token; never an attribute, never in a URL. `<hd-provider token>` works too.
 * @prop {boolean} paused - The wall stands still (updates keep arriving and are counted; the projector turns no pages). Reflects the pause button.
 * @prop {readonly Idea[]} shownIdeas - The ideas the wall shows now, in order (read-only).
 *
 * @event {HdIdeaPostEvent} hd-idea-post - Before an idea is sent; cancel to keep it from being posted.
 * @event {HdIdeaPostedEvent} hd-idea-posted - The server took an idea this wall posted (also after the offline queue).
 * @event {HdVoteChangedEvent} hd-vote-changed - The server confirmed a dot put on or taken back.
 * @event {HdIdeaWallJoinedEvent} hd-idea-wall-joined - The person joined the forum at a table.
 *
 * @csspart header - The top bar (votes left, voting round, live state; the projector's counters and pause).
 * @csspart join - The join form.
 * @csspart composer - The form to post an idea.
 * @csspart toolbar - Filters and sort (behind the "list settings" disclosure on a participant's wall).
 * @csspart tables - The tables' tallies.
 * @csspart list - The list of ideas.
 * @csspart item - One idea card.
 * @csspart votes - An idea's vote count.
 * @csspart vote-button - The buttons that put on and take back a dot.
 * @csspart moderation - A card's facilitator tools.
 * @csspart voting - The facilitator's voting round controls.
 * @csspart participants - The facilitator's "who has joined" section (count, list, revoking one).
 * @csspart group - Projector: one lane of ideas (a category, a table, or the new ideas).
 * @csspart invite - Projector: the QR code and join code.
 * @csspart qr - Projector: the QR code's SVG.
 * @csspart status - Messages (errors, confirmations).
 *
 * @cssprop [--hd-idea-wall-card-background=var(--hd-color-surface)] - Background of a card.
 * @cssprop [--hd-idea-wall-projector-font-size=max(16px, 2.6cqmin)] - Base text size in projector mode: 28 px on a 1920×1080 screen, scaling with it.
 * @cssprop [--hd-idea-wall-projector-height=100svh] - Projector: its height (it fits its lanes and pages into it).
 * @cssprop [--hd-idea-wall-columns=3] - Projector: how many groups side by side (2 below 1200 px wide; the "새 제안" lane comes beside them).
 */

export class HdIdeaWall extends LitElement implements WallSettings {
  static override styles = [baseStyles, styles];

  static override properties = {
    apiBase: { attribute: 'api-base' },
    token: { attribute: false },
    forumId: { attribute: 'forum-id' },
    mode: { reflect: true },
    joinCode: { attribute: 'join-code' },
    table: { type: Number },
    joinHref: { attribute: 'join-href' },
    groupBy: { attribute: 'group-by' },
    sort: {},
    paused: { type: Boolean },
    notice: { state: true, attribute: false },
  };

  apiBase: string | undefined;
  token: string | undefined;
  forumId = '';
  mode: IdeaWallMode = 'participant';
  joinCode = '';
  table = 0;
  joinHref = '';
  groupBy: GroupBy = 'category';
  sort: SortOrder = 'newest';
  paused = false;

  /** The status line's message. */
  private notice: { text: string; error: boolean } | undefined;

  readonly #api = new ApiController(this);
  /** Korean ships with the wall; English is a chunk fetched the first time a wall speaks it. */
  readonly #words: WallWords = words(this, this.#api, ko, () => import('./messages-en.js'));
  readonly #news = new NewIdeas(this, this.#words);
  readonly #data: WallData = new WallData(this, this.#api, {
    alongside: (signal) => this.#member.refresh(signal),
    onNew: () => this.#news.note(),
    onForum: (forum) => this.#member.forumChanged(forum),
    onSettled: () => this.#parts.writing?.flush(),
  });
  readonly #member = new Membership(this, this.#api, this.#data);
  readonly #shown = new ShownIdeas(this, this.#data);
  readonly #wall: WallContext = { host: this, data: this.#data, member: this.#member, shown: this.#shown, words: this.#words, say: (text, error) => this.#say(text, error) };
  readonly #parts = new WallParts(this, this.#wall, {
    long: () => this.#shown.list.length >= VIRTUALIZE_FROM,
    options: () => this.paused || !!this.#optionsOpen,
  });
  readonly #setStates = customStates(this);

  /** The wall has been drawn (after that, a part that loads shows its own note in its place). */
  #drawn = false;
  /** The options (filters, tallies, pause) are open: a person opened them, or a facilitator's are, until closed. */
  #optionsOpen: boolean | undefined;
  #onOnline = () => {
    this.#parts.forget(); // parts that failed offline are fetched again on the next update
    this.#parts.writing?.flush();
    this.requestUpdate();
  };

  /** The ideas the wall shows now (as last rendered), in order. */
  get shownIdeas(): readonly Idea[] {
    return this.#shown.list;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('online', this.#onOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onOnline);
  }

  protected override updated(): void {
    if (this.#screen() === 'wall' && this.mode !== 'projector') this.#drawn = true;
    const live = this.#data.live.state;
    this.#setStates(this.#data.loading && 'loading', live === 'open' && 'live', this.paused && 'paused', (live === 'reconnecting' || live === 'polling') && 'offline');
  }

  protected override getUpdateComplete(): Promise<boolean> {
    // Resolves once the wall is drawn in its language (a lazy catalog may still be on its way)
    // and with every chunk it asked for in (a writer's part, a facilitator's tools, the
    // projector, the virtualizer).
    return this.#words.updateComplete(() => this.#parts.updateComplete(() => super.getUpdateComplete()));
  }

  #toggleOptions = (ev: Event): void => {
    this.#optionsOpen = (ev.target as HTMLDetailsElement).open;
    this.requestUpdate();
  };

  #say(text: string, error = false): void {
    this.notice = text ? { text, error } : undefined;
  }

  // ---------------------------------------------------------------- render

  /** Which screen the wall shows now (render draws it; updated notes that the wall was drawn). */
  #screen(): 'words' | 'no-forum' | 'no-backend' | 'waiting' | 'failed' | 'wall' {
    if (!this.#words.ready) return 'words';
    if (!this.forumId) return 'no-forum';
    // No api-base and no provider above: say so; a provider still loading: wait.
    if (this.#api.missing) return 'no-backend';
    if (!this.#api.ready) return 'waiting';
    const data = this.#data;
    if (data.error && data.store.size === 0) return 'failed';
    // Until the data is in; and a writer sees the wall first with their composer and dots (that
    // part was fetched alongside the data), unless it could not be fetched: then the wall shows,
    // with the error and a retry in its place. (The join form does not hold the wall back: a
    // reader sees the ideas at once, the form comes into the place kept for it.)
    const writerWaits = !this.#drawn && !this.#parts.writing && this.#member.writes && !this.#parts.failed(chunks.writing);
    return (data.loading && data.store.size === 0 && !data.forum) || writerWaits ? 'waiting' : 'wall';
  }

  protected override render() {
    const words = this.#words;
    switch (this.#screen()) {
      case 'words':
      case 'waiting':
        // No words until the language is in: an English page never flashes Korean.
        return html`<div class="skeleton" aria-busy="true">${words.ready ? html`<p>${words.m.common.loading}</p>` : nothing}</div>`;
      case 'no-forum':
        return html`<p class="note top">${words.t.noForum}</p>`;
      case 'no-backend':
        return html`<p class="note error top" role="alert" part="status">${words.m.errors.noBackend}</p>`;
      case 'failed':
        return this.#failure(this.#data.error, () => this.#data.reload(), 'top');
    }
    if (this.mode !== 'projector') return this.#renderWall();
    // The projector's view (and the QR code) load only when a wall is a projector.
    const projector = this.#parts.projector;
    return projector
      ? projector.render(this.#shown.list, this.#news.announcement)
      : this.#parts.failed(chunks.projector)
        ? this.#partFailed(chunks.projector)
        : html`<div class="skeleton" aria-busy="true"><p>${words.m.common.loading}</p></div>`;
  }

  #renderWall() {
    const t = this.#words.t;
    const { writing, moderation, options } = this.#parts;
    const data = this.#data;
    const facilitator = data.facilitator;
    const list = this.#shown.list;
    const open = this.#optionsOpen ?? facilitator;
    return html`
      <section class="wall" aria-label=${data.forum ? `${data.forum.title} ${t.wallLabel}` : t.wallLabel}>
        <div class="header" part="header">
          ${writing?.budget()}
          <span class="voting-state">${votingText(t, data.forum)}</span>
          ${liveLine(this.#words, data.live.state)}
        </div>
        ${this.paused ? options?.pausedNote(this.#news.whilePaused) : nothing}
        ${data.live.state === 'reconnecting' || data.live.state === 'polling' ? html`<p class="note">${t.live.offline}</p>` : nothing}
        ${this.mode === 'facilitator' && !facilitator ? html`<p class="note">${t.needToken}</p>` : nothing}
        ${facilitator ? (moderation?.voting() ?? this.#pending(chunks.moderation, '[part~="voting"] button')) : nothing}
        ${this.mode === 'participant' && !this.#member.session ? (this.#parts.joining?.form() ?? this.#pending(chunks.joining, 'input[name=code]', 'join-slot')) : nothing}
        ${this.#member.writer() ? (writing?.composer(facilitator ? moderation : undefined) ?? this.#pending(chunks.writing, '#draft')) : nothing}
        <details class="options" ?open=${open} @toggle=${this.#toggleOptions}>
          <summary>${t.options}</summary>
          ${options ? options.panel(facilitator ? moderation?.promoteTop(this.#shown.filters.table) : nothing) : open ? this.#pending(chunks.options, '.options select') : nothing}
        </details>
        ${moderation?.mergeDialog()}
        ${writing?.aboveList()}
        ${list.length === 0 && !writing?.waiting
          ? html`<p class="empty">${data.store.size ? t.emptyFiltered : t.empty}</p>`
          : html`<div class="list" part="list" role="list" aria-label=${t.wallLabel}>${this.#list(list)}</div>`}
        <div class="visually-hidden" role="status" aria-live="polite">${this.#news.announcement}</div>
        <div class="status" role="status" part="status">
          ${this.notice ? html`<p class=${this.notice.error ? 'msg error' : 'msg'}>${this.notice.text}</p>` : nothing}
          ${moderation?.status()}
        </div>
      </section>
    `;
  }

  /**
   * Every card (a short wall: cheap, and find-in-page and print see them all), or from
   * `VIRTUALIZE_FROM` ideas on only those in view. The virtualizer is fetched when the wall first
   * grows that long; until it arrives the plain list stays (its first `VIRTUALIZE_FROM` cards, many
   * screens' worth, rather than thousands at once), so nothing goes blank or jumps. If it cannot be
   * fetched (offline), every card is rendered: slower, but no idea out of reach.
   */
  #list(list: readonly Idea[]) {
    const t = this.#words.t;
    const { writing, moderation, virtual } = this.#parts;
    const extras = { votes: writing?.votes, tools: this.#data.facilitator ? moderation?.card : undefined };
    const card = (idea: Idea) => ideaCard(t, this.#data, idea, extras);
    if (virtual) return virtual.virtualList(list, (idea) => idea.id, card);
    if (list.length >= VIRTUALIZE_FROM && !this.#parts.failed(chunks.virtual)) list = list.slice(0, VIRTUALIZE_FROM);
    return repeat(list, (idea) => idea.id, card);
  }

  /** In a part's place while its chunk loads (`focus`: what takes the keyboard after a retry; `slot`: a class that keeps the part's room). */
  #pending(chunk: Part<unknown>, focus: string, slot = '') {
    return this.#parts.failed(chunk) ? this.#partFailed(chunk, focus) : html`<p class="note ${slot}" aria-busy="true">${this.#words.m.common.loading}</p>`;
  }

  /** A part could not be fetched: say so, with a retry (`focus`: what takes the keyboard after it). */
  #partFailed(chunk: Part<unknown>, focus = '[role=alert] button') {
    return this.#failure(this.#parts.failed(chunk), () => this.#parts.retry(chunk, focus));
  }

  /** Something could not be fetched (offline): say so, with a retry. */
  #failure(error: unknown, retry: () => void, top = '') {
    return html`<div class="note error ${top}" role="alert" part="status">
      <p>${this.#words.error(error)}</p>
      <button type="button" @click=${retry}>${this.#words.m.common.retry}</button>
    </div>`;
  }
}
