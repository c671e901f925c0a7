/**
 * Demo page script: lists the forums and the live forum's latest ideas THROUGH THE DATA LAYER
 * (ApiClient, LiveStream from src/api). Plain DOM with textContent/createElement only — no
 * innerHTML with data — so it runs under a strict CSP. The widgets will replace these lists.
 */
import {
  displayStatus,
  getApi,
  getLiveStream,
  seatsLeft,
  type Forum,
  type ForumListQuery,
  type Idea,
  type LiveMessage,
  type LiveStreamState,
} from '../src/api/index.js';
import { errorMessage, formatDateRange, formatRelative, ko } from '../src/i18n/index.js';

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

// ------------------------------------------------------------------ forum list

function forumItem(forum: Forum): HTMLLIElement {
  const item = el('li', 'forum');
  item.dataset['forumId'] = forum.id;
  const title = el('h3', 'forum__title', forum.title);
  const row = el('div', 'forum__row');
  const status = displayStatus(forum);
  row.append(el('span', `badge badge--${status}`, m.forumStatus[status]));
  if (status === 'open' || status === 'closing' || status === 'announced') {
    const left = seatsLeft(forum);
    row.append(el('span', 'seats', left > 0 ? m.forum.seatsLeft(left) : m.forum.noSeatsLeft));
  } else if (status === 'full') {
    row.append(el('span', 'seats', m.forum.waitlisted(forum.waitlisted)));
  }
  const when = el('p', 'forum__meta');
  when.append(el('span', 'visually-hidden', `${m.forum.date}: `), formatDateRange(forum.startsAt, forum.endsAt, LOCALE));
  const where = el('p', 'forum__meta', `${forum.district} · ${forum.venue.name}`);
  const ics = el('a', 'ics', '내 캘린더에 추가');
  ics.href = api.icsUrl(forum.id);
  ics.setAttribute('aria-label', `${forum.title} 일정을 내 캘린더에 추가`);
  item.append(title, row, when, where, ics);
  return item;
}

/** One list of forums with its status line and "more" button, page by page. */
async function loadForums(prefix: string, query: ForumListQuery, countText: (n: number) => string): Promise<void> {
  const list = byId<HTMLUListElement>(`${prefix}-list`);
  const status = byId<HTMLParagraphElement>(`${prefix}-status`);
  const more = byId<HTMLButtonElement>(`${prefix}-more`);
  let cursor: string | null = null;

  const loadPage = async () => {
    more.disabled = true;
    try {
      const page = await api.listForums(cursor ? { ...query, cursor } : query);
      list.append(...page.items.map(forumItem));
      cursor = page.nextCursor;
      more.hidden = cursor === null;
      status.classList.remove('is-error');
      status.textContent = list.children.length === 0 ? m.common.empty : countText(list.children.length);
    } catch (error) {
      status.classList.add('is-error');
      status.textContent = errorMessage(error, m);
    } finally {
      more.disabled = false;
    }
  };
  more.addEventListener('click', () => void loadPage());
  await loadPage();
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

const now = new Date().toISOString();
byId<HTMLAnchorElement>('feed-link').href = api.feedUrl();
void loadForums('upcoming', { from: now, limit: 10 }, (n) => `다가오는 토론회 ${n}건을 보여 드립니다.`);
void loadForums('past', { to: now, order: 'desc', status: 'finished,reported', limit: 5 }, (n) => `지난 토론회 ${n}건을 보여 드립니다.`);
void startLive();
