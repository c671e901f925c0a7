/**
 * Demo page script. The forum schedule is `<hd-forum-calendar>` (from the CDN bundle); this
 * script points the menu's signup link at the next open forum and fills the "live now" panel with the live forum's latest ideas through the data
 * layer (ApiClient, LiveStream from src/api). Plain DOM with textContent/createElement only — no
 * innerHTML with data — so it runs under a strict CSP.
 */
import {
  getApi,
  getLiveStream,
  type Forum,
  type Idea,
  type LiveMessage,
  type LiveStreamState,
} from '../src/api/index.js';
import { errorMessage, formatRelative, ko } from '../src/i18n/index.js';

const API_BASE = '/api';
const LOCALE = 'ko';
const m = ko;
const api = getApi(API_BASE);

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
}

// ------------------------------------------------------------------ live ideas

const MAX_IDEAS = 8;

function ideaItem(idea: Idea, fresh = false): HTMLLIElement {
  const item = el('li', fresh ? 'idea idea--new' : 'idea');
  item.dataset['ideaId'] = idea.id;
  item.append(
    el('span', 'idea__text', idea.text),
    el('span', 'idea__meta', `${m.forum.table(idea.table)} · ${m.forum.votes(idea.votes)} · ${formatRelative(idea.createdAt, LOCALE)}`),
  );
  return item;
}

async function startLive(): Promise<void> {
  const section = byId<HTMLElement>('live-section');
  const list = byId<HTMLOListElement>('live-ideas');
  const state = byId<HTMLParagraphElement>('live-state');
  let forum: Forum | undefined;
  try {
    forum = (await api.listForums({ status: 'live', limit: 1 })).items[0];
  } catch {
    return; // The schedule shows the error; the live panel simply stays hidden.
  }
  if (!forum) return;
  const forumId = forum.id;
  section.hidden = false;
  byId('live-forum').textContent = `${forum.title} (${forum.district} · ${forum.venue.name})`;

  const stream = getLiveStream(API_BASE, forumId);
  const showState = (s: LiveStreamState) => {
    state.dataset['state'] = s;
    state.textContent = m.live[s];
  };
  showState(stream.state);
  stream.onStateChange(showState);

  let shownUpTo = -1;
  const refetch = async () => {
    const page = await api.listIdeas(forumId, { sort: 'newest', limit: MAX_IDEAS }, { cache: 'no-cache' });
    list.replaceChildren(...page.items.map((idea) => ideaItem(idea)));
    shownUpTo = Math.max(shownUpTo, Number(page.lastEventId));
  };

  const onMessage = (message: LiveMessage) => {
    switch (message.type) {
      case 'idea.created': {
        if (Number(message.id) <= shownUpTo || message.data.status !== 'visible') return;
        list.prepend(ideaItem(message.data, true));
        while (list.children.length > MAX_IDEAS) list.lastElementChild?.remove();
        return;
      }
      case 'idea.updated':
      case 'vote.changed':
      case 'idea.merged': {
        const id = message.type === 'vote.changed' ? message.data.ideaId : message.type === 'idea.merged' ? message.data.from.id : message.data.id;
        if ([...list.children].some((li) => (li as HTMLElement).dataset['ideaId'] === id)) void refetch().catch(() => {});
        return;
      }
      case 'reset':
      case 'poll':
        void refetch().catch(() => {});
        return;
      default:
        return;
    }
  };
  // Subscribe first, then fetch: events newer than the page are applied, older ones skipped.
  stream.subscribe(onMessage);
  try {
    await refetch();
  } catch (error) {
    list.replaceChildren(el('li', 'notice is-error', errorMessage(error, m)));
  }
}

// ------------------------------------------------------------------ the menu's signup link

/**
 * The menu's "참가 신청" leads to the signup form of the next forum that takes signups (without
 * one, the signup page lists the forums open for signup; that is where the link goes until this
 * has run, or if it cannot).
 */
async function linkNextSignup(): Promise<void> {
  const link = document.querySelector<HTMLAnchorElement>('nav.section-nav a[href="/demo/signup.html"]');
  if (!link) return;
  try {
    const open = (await api.listForums({ status: 'open', limit: 50 })).items;
    const next = [...open].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    if (next) link.href = `/demo/signup.html?forum=${encodeURIComponent(next.id)}`;
  } catch {
    // The signup page's own list of open forums is still there.
  }
}

void startLive();
void linkNextSignup();
