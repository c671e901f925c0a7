/**
 * `ProjectorView`: the projector's view of the wall, loaded with a dynamic `import()` only by a wall in projector mode (phones
 * and tablets never download it), with the QR code helpers it uses and its words (both languages).
 */
import { css, html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Idea } from '../../api/types.js';
import { formatNumber } from '../../i18n/format.js';
import { joinUrl, qrMatrix, qrSvg } from './qr.js';
import type { WallContext } from './wall-context.js';
import { liveLine, tableName, votingText } from './wall-view.js';

/** The projector's own styles (adopted by the wall's shadow root when this module loads). */
export const styles = css`
  .projector {
    --_cols: var(--hd-idea-wall-columns, 3);
    display: flex;
    flex-direction: column;
    gap: var(--_hd-space-s);
    font-size: max(16px, var(--hd-idea-wall-projector-font-size, 28px));
    line-height: var(--_hd-line-height);
  }
  .projector .header h2 {
    font-size: 1.2em;
    margin-inline-end: auto;
  }
  .counter {
    font-weight: 700;
  }
  .stage {
    display: flex;
    gap: var(--_hd-space-m);
    align-items: flex-start;
    padding: var(--_hd-space-s);
  }
  .groups {
    flex: 1;
    display: grid;
    grid-template-columns: repeat(var(--_cols), minmax(0, 1fr));
    gap: var(--_hd-space-m);
  }
  .group h3 {
    font-size: 1em;
    border-bottom: 3px solid var(--_hd-color-accent);
    margin: 0 0 var(--_hd-space-s);
  }
  .group .n {
    font-weight: 400;
    color: var(--_hd-color-muted);
    font-size: 0.75em;
  }
  .group ol {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .group .card {
    width: auto;
    margin: 0 0 var(--_hd-space-s);
    font-size: 0.9em;
    line-height: 1.35;
  }
  .invite {
    flex: 0 0 min(22vw, 12em);
    display: grid;
    gap: var(--_hd-space-s);
    text-align: center;
    font-size: 0.75em;
  }
  .qr {
    width: 100%;
    height: auto;
    background: #fff;
  }
  .more {
    color: var(--_hd-color-muted);
  }
  .code strong {
    display: block;
    font-size: 1.8em;
    letter-spacing: 0.1em;
  }
  @media (max-width: 600px) {
    .stage {
      flex-direction: column;
    }
    .groups {
      grid-template-columns: 1fr;
    }
  }
`;

/** How many cards each group shows (the rest are counted): a room reads a few, large. */
const PER_GROUP = 8;

const n = (value: number) => formatNumber(value, 'ko');
const ne = (value: number) => formatNumber(value, 'en');

export const ko = {
  invite: '휴대전화로 QR 코드를 찍어 참여하세요',
  code: '참여 코드',
  ideas: (count: number) => `제안 ${n(count)}건`,
  people: (count: number) => `참여 ${n(count)}명`,
  qr: '참여 페이지로 가는 QR 코드',
  more: (count: number) => `외 ${n(count)}건`,
};

export const en: typeof ko = {
  invite: 'Scan the QR code with your phone to take part',
  code: 'Join code',
  ideas: (count: number) => `${ne(count)} ideas`,
  people: (count: number) => `${ne(count)} people`,
  qr: 'QR code to the join page',
  more: (count: number) => `${ne(count)} more`,
};

export class ProjectorView implements ReactiveController {
  readonly #wall: WallContext;
  /** The QR code of the join URL it encodes (computed once per URL, off the render). */
  #qr: { url: string; matrix?: boolean[][] } = { url: '' };

  constructor(wall: WallContext) {
    this.#wall = wall;
    wall.host.addController(this);
  }

  hostUpdate(): void {
    const { joinCode, joinHref, table } = this.#wall.host;
    const url = joinCode && joinHref ? joinUrl(joinHref, joinCode, table) : '';
    if (url === this.#qr.url) return;
    const qr: { url: string; matrix?: boolean[][] } = { url };
    this.#qr = qr;
    if (url) {
      qrMatrix(url).then(
        (matrix) => {
          qr.matrix = matrix;
          if (this.#qr === qr) this.#wall.host.requestUpdate();
        },
        () => undefined, // no QR code: the join code stays readable beside it
      );
    }
  }

  /** The view of `shown` (the ideas the wall shows, in order); `announcement`: the live region's words. */
  render(shown: readonly Idea[], announcement: string): TemplateResult {
    const { host, data, words } = this.#wall;
    const { groupBy: by, joinCode } = host;
    const forum = data.forum;
    const t = words.t;
    const p = words.locale === 'en' ? en : ko;
    const total = data.store.view({ sort: 'newest', includeHidden: false, table: 0, category: null, promotedOnly: false }).length;
    const groups = new Map<string, Idea[]>();
    if (by === 'category') for (const c of forum?.categories ?? []) groups.set(c, []);
    if (by === 'table') for (let n = 1; n <= (forum?.tables ?? 0); n++) groups.set(String(n), []);
    for (const idea of shown) {
      const key = by === 'table' ? String(idea.table) : by === 'category' ? (idea.category ?? '') : '';
      let group = groups.get(key);
      if (!group) groups.set(key, (group = []));
      group.push(idea);
    }
    const title = (key: string) => (by === 'table' ? tableName(t, data.tables, Number(key)) : by === 'category' ? key || t.filter.uncategorised : t.wallLabel);
    const qr = this.#qr.matrix;
    return html`<section class="projector" aria-label=${forum ? `${forum.title} ${t.wallLabel}` : t.wallLabel}>
      <div class="header" part="header">
        <h2>${forum?.title ?? ''}</h2>
        <span class="counter">${p.ideas(total)}</span>
        <span class="counter">${p.people(forum?.participants ?? 0)}</span>
        <span class="voting-state">${votingText(t, forum)}</span>
        ${liveLine(words, data.live.state)}
      </div>
      <div class="stage">
        <div class="groups">
          ${repeat(
            [...groups].filter(([k, g]) => g.length || k),
            ([k]) => k,
            ([k, g]) => html`<section class="group" part="group">
              <h3>${title(k)} <span class="n">${p.ideas(g.length)}</span></h3>
              <ol role="list">
                ${repeat(
                  g.slice(0, PER_GROUP),
                  (i) => i.id,
                  (i) => html`<li part="item" class="card ${data.isFresh(i.id) ? 'fresh' : ''}">
                    <p class="text">${i.text}</p>
                    <div class="meta">
                      <span class="badge">${t.idea.table(i.table)}</span>
                      ${keyed(i.votes, html`<strong part="votes" class="votes ${data.isBumped(i.id) ? 'bump' : ''}">${t.votes.count(i.votes)}</strong>`)}
                    </div>
                  </li>`,
                )}
              </ol>
              ${g.length > PER_GROUP ? html`<p class="more">${p.more(g.length - PER_GROUP)}</p>` : nothing}
            </section>`,
          )}
        </div>
        ${joinCode
          ? html`<aside class="invite" part="invite">
              ${qr ? qrSvg(qr, p.qr) : nothing}
              <p>${p.invite}</p>
              <p class="code">${p.code} <strong>${joinCode}</strong></p>
            </aside>`
          : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${announcement}</div>
    </section>`;
  }
}
