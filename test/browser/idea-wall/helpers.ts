/** A fresh live forum per test file (the admin API of the reference server), and small waits. */
import { virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';
import type { ForumAdmin, Idea, ParticipantSession } from '../../../src/api/types.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { admin, demoInfo, until } from '../helpers/server.js';

export interface LiveForum {
  apiBase: string;
  forum: ForumAdmin;
  facilitatorToken: string;
}

let n = 0;

export async function liveForum(opts: { voteBudget?: number; tables?: number; categories?: string[] } = {}): Promise<LiveForum> {
  const { apiBase } = await demoInfo();
  n++;
  const start = new Date(Date.now() - 3600_000);
  const forum = await admin<ForumAdmin>('POST', '/forums', {
    title: `벽 시험 토론회 ${n} ${Date.now()}`,
    summary: '제안 게시판 시험',
    district: '금곡동',
    venue: { name: '남양주시청', address: '경춘로 1037' },
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(),
    capacity: 80,
    tables: opts.tables ?? 4,
    voteBudget: opts.voteBudget ?? 3,
    categories: opts.categories ?? ['교통', '환경', '복지'],
  });
  await admin('POST', `/forums/${forum.id}/status`, { status: 'live' });
  await admin('PUT', `/forums/${forum.id}/voting`, { open: true });
  const f = await admin<{ token: string }>('POST', `/forums/${forum.id}/facilitators`, { name: '김진행', table: null });
  return { apiBase, forum, facilitatorToken: f.token };
}

/** A participant acting from elsewhere (another phone), straight over HTTP. */
export async function participant(lf: LiveForum, table = 1) {
  const res = await fetch(`${lf.apiBase}/forums/${lf.forum.id}/participants`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ joinCode: lf.forum.joinCode, table }),
  });
  if (!res.ok) throw new Error(`join: ${res.status}`);
  const session = (await res.json()) as ParticipantSession;
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${lf.apiBase}/forums/${lf.forum.id}${path}`, {
      method,
      headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: body === undefined ? null : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status}`);
    return (await r.json()) as T;
  };
  return {
    session,
    post: (text: string) => call<Idea>('POST', '/ideas', { text }),
    vote: (ideaId: string) => call('POST', `/ideas/${ideaId}/votes`),
  };
}

/** Every rendered card's text, in order (what a person sees in the wall's shadow DOM). */
export function cardTexts(el: HdIdeaWall): string[] {
  return [...el.shadowRoot!.querySelectorAll('[part~="item"] .text')].map((p) => p.textContent ?? '');
}

export function shadow<T extends Element = HTMLElement>(el: HdIdeaWall, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function text(el: HdIdeaWall): string {
  return el.shadowRoot!.textContent?.replace(/\s+/g, ' ') ?? '';
}

export function shows(el: HdIdeaWall, what: string) {
  return () => cardTexts(el).includes(what);
}

export { until };

/** Waits until the wall has loaded (`:state(loading)` gone, the header drawn). */
export async function loaded(el: HdIdeaWall): Promise<void> {
  await until(() => !el.matches(':state(loading)') && el.shadowRoot!.querySelector('.header'), 'the wall to load', 10_000);
  await el.updateComplete;
}

// The virtualizer measures cards with a ResizeObserver; when a card's size changes while it is
// being laid out, Chromium reports the benign "ResizeObserver loop completed with undelivered
// notifications" as a window error (the notifications are delivered in the next frame). Mocha
// would count it as a failure; every other error still fails the test.
before(() => {
  const mochaOnError = window.onerror;
  window.onerror = function (message, ...rest) {
    if (String(message).includes('ResizeObserver loop')) return true;
    return mochaOnError ? mochaOnError.call(window, message, ...rest) : false;
  };
});

/** Whether the wall shows an idea (it may be scrolled out of the viewport: the list is virtualized). */
export const has = (el: HdIdeaWall, id: string) => el.shownIdeas.some((i) => i.id === id);

/** Scrolls an idea's card into view (the virtualizer renders only what is visible) and returns it. */
export async function reveal(el: HdIdeaWall, id: string): Promise<HTMLElement> {
  await el.updateComplete;
  const index = el.shownIdeas.findIndex((i) => i.id === id);
  if (index < 0) throw new Error(`the wall does not show ${id}`);
  const list = el.shadowRoot!.querySelector('.list') as (HTMLElement & { [virtualizerRef]?: { element(i: number): { scrollIntoView(o?: ScrollIntoViewOptions): void } | undefined } }) | null;
  const found = () => el.shadowRoot!.querySelector<HTMLElement>(`[data-id="${id}"]`);
  if (!found()) {
    list!.scrollIntoView({ block: 'start' });
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!found() && list?.[virtualizerRef]) try {
    list[virtualizerRef].element(index)?.scrollIntoView({ block: 'center' });
  } catch {
    // Not laid out yet: the card may already be in view.
  }
  return until(found, `the card of ${id} in view`);
}

/** Waits until an idea's card, scrolled into view, reads `text`. */
export async function cardReads(el: HdIdeaWall, id: string, text: string): Promise<void> {
  const end = Date.now() + 8_000;
  for (;;) {
    const card = await reveal(el, id);
    if (card.textContent!.replace(/\s+/g, ' ').includes(text)) return;
    if (Date.now() > end) throw new Error(`the card of ${id} does not read "${text}": ${card.textContent}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Forgets what the walls kept on this device for the forum (session, outbox, and the install key
 * that makes a join from this browser the same participant): the next join is a new person. Never
 * `localStorage.clear()`: test files run side by side on one origin and share the storage.
 */
export function forget(lf: LiveForum): void {
  for (const key of Object.keys(localStorage)) if (/^hd-(idea-wall|install-key):/.test(key) && key.endsWith(`|${lf.forum.id}`)) localStorage.removeItem(key);
}

/**
 * Ends the wall's running animations (a card fading in) before a check of what is on screen:
 * a background tab (two test files share the browser) gets no frames to finish them itself.
 */
export async function settled(el: HdIdeaWall): Promise<void> {
  await el.updateComplete;
  for (const animation of el.shadowRoot!.getAnimations()) animation.finish();
}

/**
 * Opens the wall's options (filters, sort, tallies, the pause control) as a person would, by
 * their disclosure, and waits until their part is in.
 */
export async function openOptions(el: HdIdeaWall): Promise<void> {
  const details = el.shadowRoot!.querySelector<HTMLDetailsElement>('details.options')!;
  if (!details.open) details.querySelector('summary')!.click();
  await until(() => el.shadowRoot!.querySelector('.options .toolbar'), 'the options open');
  await el.updateComplete;
}
