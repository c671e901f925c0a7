/**
 * Two tiny elements for the "Guides/Fake backend" story: they use the real data layer (the
 * registry's `ApiClient` and `LiveStream`) exactly as a widget does, so the guide shows — and the
 * browser tests prove — that the installed fake answers it. Not widgets: no styling contract,
 * no i18n; they exist only in Storybook.
 */
import { LitElement, css, html, nothing } from 'lit';
import { getApi } from '../../src/api/registry.js';
import type { Forum, Idea } from '../../src/api/types.js';
import type { LiveMessage } from '../../src/api/live-stream.js';
import { ApiController } from '../../src/controllers/api-controller.js';
import { LiveController } from '../../src/controllers/live-controller.js';
import { FAKE_API } from './index.ts';

const shared = css`
  :host {
    display: block;
    font: 16px/1.5 system-ui, sans-serif;
    color: CanvasText;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 6px;
  }
  li {
    padding: 8px 12px;
    border: 1px solid GrayText;
    border-radius: 6px;
  }
  .muted {
    color: color-mix(in srgb, CanvasText 72%, Canvas);
  }
  [role='alert'] {
    color: #b42318;
  }
`;

/** Upcoming and live forums of a backend, through `getApi(apiBase).listForums()`. */
/** `kind` of an ApiError (class names do not survive minification), and its message. */
function describeError(err: unknown): string {
  const kind = (err as { kind?: string }).kind ?? 'error';
  return `${kind} error: ${(err as Error).message}`;
}

export class FakeGuideForums extends LitElement {
  static override styles = shared;
  static override properties = { apiBase: { attribute: 'api-base' }, forums: { state: true }, error: { state: true } };
  declare apiBase: string;
  declare forums: Forum[] | undefined;
  declare error: string | undefined;
  #abort: AbortController | undefined;

  constructor() {
    super();
    this.apiBase = FAKE_API;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#abort?.abort();
  }

  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    this.forums = undefined;
    this.error = undefined;
    try {
      const page = await getApi(this.apiBase).listForums({ status: 'announced,open,full,closed,live', limit: 10 }, { signal: abort.signal, cache: 'no-cache', retries: 0 });
      if (abort.signal.aborted) return;
      this.forums = page.items;
    } catch (err) {
      if (abort.signal.aborted) return;
      this.error = describeError(err);
    }
  }

  override render() {
    if (this.error) return html`<p role="alert">${this.error}</p><button @click=${() => this.load()}>Retry</button>`;
    if (!this.forums) return html`<p class="muted" aria-busy="true">Loading forums…</p>`;
    if (this.forums.length === 0) return html`<p class="muted">No forums.</p>`;
    return html`<ul>
      ${this.forums.map(
        (f) => html`<li data-forum=${f.id}>
          <strong>${f.title}</strong><br />
          <span class="muted">${f.status} · ${f.registered}/${f.capacity} seats${f.waitlisted ? ` · ${f.waitlisted} waiting` : ''}</span>
        </li>`,
      )}
    </ul>`;
  }
}

/**
 * The newest ideas of a forum, kept live: subscribe first, fetch the page, then apply the
 * `idea.created` events newer than the page's `lastEventId` — the pattern every widget follows.
 */
export class FakeGuideFeed extends LitElement {
  static override styles = shared;
  static override properties = { apiBase: { attribute: 'api-base' }, forumId: { attribute: 'forum-id' }, ideas: { state: true }, error: { state: true } };
  declare apiBase: string;
  declare forumId: string;
  declare ideas: Idea[] | undefined;
  declare error: string | undefined;
  #since = 0;
  #pending: Idea[] = [];

  readonly api = new ApiController(this);
  readonly live = new LiveController(this, {
    api: this.api,
    forumId: () => this.forumId,
    onMessage: (m) => this.#apply(m),
  });

  constructor() {
    super();
    this.apiBase = FAKE_API;
    this.forumId = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  async load(): Promise<void> {
    this.error = undefined;
    try {
      const page = await getApi(this.apiBase).listIdeas(this.forumId, { limit: 5 }, { cache: 'no-cache', retries: 0 });
      this.#since = Number(page.lastEventId);
      this.ideas = [...this.#pending.filter((i) => !page.items.some((p) => p.id === i.id)), ...page.items].slice(0, 8);
      this.#pending = [];
    } catch (err) {
      this.error = describeError(err);
    }
  }

  #apply(m: LiveMessage): void {
    if (m.type === 'reset' || m.type === 'poll') {
      void this.load();
      return;
    }
    if (m.type !== 'idea.created' || Number(m.id) <= this.#since) return;
    if (!this.ideas) this.#pending.unshift(m.data);
    else this.ideas = [m.data, ...this.ideas].slice(0, 8);
  }

  override render() {
    return html`<p class="muted">stream: <output data-state>${this.live.state}</output></p>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${this.ideas
        ? html`<ul aria-live="polite">
            ${this.ideas.map((i) => html`<li data-idea=${i.id}>${i.text} <span class="muted">(table ${i.table}, ${i.votes} dots)</span></li>`)}
          </ul>`
        : html`<p class="muted" aria-busy="true">Loading ideas…</p>`}`;
  }
}

/**
 * Registers the two guide elements. A function, not a module side effect: the package declares
 * which files have side effects (package.json `sideEffects`), and the bundler drops a bare
 * `import './guide.ts'` of any other file.
 */
export function defineGuideElements(): void {
  for (const [tag, ctor] of [
    ['hd-fake-guide-forums', FakeGuideForums],
    ['hd-fake-guide-feed', FakeGuideFeed],
  ] as const) {
    if (!customElements.get(tag)) customElements.define(tag, ctor);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hd-fake-guide-forums': FakeGuideForums;
    'hd-fake-guide-feed': FakeGuideFeed;
  }
}
