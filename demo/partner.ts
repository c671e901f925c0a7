/**
 * Demo script of the partner site (호평동 주민자치회). The widgets themselves are plain tags from the
 * city's script; this only does what a partner's editor would otherwise type by hand, because the
 * demo data is generated around today and its ids change with every fresh database:
 *
 * - the signup form gets `forum-id`: the forum in `?forum=<id>` (the calendar's signup links come
 *   back here), else the district's next forum that takes signups;
 * - the calendar opens on that forum's month (`month="YYYY-MM"`), so it never opens on an empty one.
 *
 * Only the public contract (`GET /forums`, `GET /forums/{id}`) and the elements' attributes. No
 * innerHTML: it runs under the server's strict CSP.
 */
const API = '/api';
const ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Statuses whose forum takes (or will soon take) signups — the ones the calendar links to. */
const SIGNUP_STATUSES = 'open,full,announced';

interface ForumLite {
  id: string;
  startsAt: string;
}

const calendar = document.getElementById('partner-calendar');
const form = document.getElementById('partner-signup');
const none = document.getElementById('signup-none');
const district = calendar?.getAttribute('district') ?? '';

/** `YYYY-MM` of a time, in Seoul (where the forums are held). */
function seoulMonth(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}`;
}

async function getJson<T>(path: string): Promise<T | undefined> {
  const res = await fetch(API + path, { headers: { Accept: 'application/json' } });
  return res.ok ? ((await res.json()) as T) : undefined;
}

async function chooseForum(): Promise<ForumLite | undefined> {
  const wanted = new URLSearchParams(location.search).get('forum') ?? '';
  if (ID.test(wanted)) {
    const forum = await getJson<ForumLite>(`/forums/${encodeURIComponent(wanted)}`);
    if (forum) return forum;
  }
  const query = new URLSearchParams({ status: SIGNUP_STATUSES, limit: '1', from: new Date().toISOString() });
  if (district) query.set('district', district);
  const page = await getJson<{ items: ForumLite[] }>(`/forums?${query}`);
  return page?.items[0];
}

async function start(): Promise<void> {
  let forum: ForumLite | undefined;
  try {
    forum = await chooseForum();
  } catch {
    forum = undefined; // offline: the widgets show their own error and retry
  }
  if (!forum) {
    none?.removeAttribute('hidden');
    return;
  }
  form?.setAttribute('forum-id', forum.id);
  form?.removeAttribute('hidden');
  calendar?.setAttribute('month', seoulMonth(forum.startsAt));
  // Arriving from a calendar link (…#signup): the form is what the person came for.
  if (location.hash === '#signup') document.getElementById('signup')?.focus();
}

void start();
