/**
 * A forum's life cycle as the contract allows an operator to move it (`setForumStatus`):
 * announced → open; open | full → closed; closed → open; announced | open | full | closed → live;
 * live → finished. `full` is the server's (seats gone), and `reported` comes with publishing the
 * results (the results editor). Starting and ending the forum cannot be undone, so they ask first.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Forum, ForumStatus } from '../../api/types.js';
import type { StatusMove } from '../../operator/admin.js';
import type { ForumEditorMessages } from './messages.js';

const MOVES: Record<ForumStatus, readonly StatusMove[]> = {
  announced: ['open', 'live'],
  open: ['closed', 'live'],
  full: ['closed', 'live'],
  closed: ['open', 'live'],
  live: ['finished'],
  finished: [],
  reported: [],
};

/** Moves that cannot be undone: the operator confirms them. */
export const ONE_WAY: readonly StatusMove[] = ['live', 'finished'];

export interface StatusView {
  forum: Forum;
  joinCode: string | undefined;
  /** The move waiting for the operator's yes, if any. */
  confirming: StatusMove | '';
  busy: boolean;
  /** What the last move did (or why it could not), announced. */
  note: string;
  statusName: (status: ForumStatus) => string;
  num: (n: number) => string;
  move: (to: StatusMove) => void;
  cancel: () => void;
}

export function renderStatus(t: ForumEditorMessages, v: StatusView): TemplateResult {
  const f = v.forum;
  const moves = MOVES[f.status];
  const label = (to: StatusMove) => (to === 'open' && f.status === 'closed' ? t.status.moves.reopen : t.status.moves[to]);
  return html`<section class="group status" aria-labelledby="status-title">
    <h3 id="status-title" tabindex="-1">${t.section.status}</h3>
    <dl class="facts">
      <div><dt>${t.status.now}</dt><dd><span class="badge s-${f.status}">${v.statusName(f.status)}</span></dd></div>
      <div><dt>${t.section.signup}</dt><dd>${t.seats(v.num(f.registered), v.num(f.capacity), v.num(f.waitlisted))}</dd></div>
      ${v.joinCode ? html`<div><dt>${t.joinCodeIs}</dt><dd><code>${v.joinCode}</code></dd></div>` : nothing}
    </dl>
    ${v.confirming
      ? html`<div class="banner warning confirm" role="alert">
          <p>${t.status.confirm[v.confirming as 'live' | 'finished']}</p>
          <div class="actions">
            <button type="button" class="primary warning" ?disabled=${v.busy} @click=${() => v.move(v.confirming as StatusMove)}>${t.status.yes}</button>
            <button type="button" class="secondary" @click=${v.cancel}>${t.status.no}</button>
          </div>
        </div>`
      : moves.length
        ? html`<div class="actions">
            ${moves.map(
              (to) => html`<button type="button" class=${ONE_WAY.includes(to) ? 'secondary warning' : 'secondary'} data-move=${to} ?disabled=${v.busy}
                @click=${() => v.move(to)}>${label(to)}</button>`,
            )}
          </div>`
        : f.status === 'finished'
          ? html`<p>${t.status.results}</p>`
          : nothing}
    <p class="status-note" role="status">${v.note}</p>
  </section>`;
}
