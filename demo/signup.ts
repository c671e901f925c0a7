/**
 * Demo page script: the signup page reads the forum from `?forum=<id>` (the calendar's signup
 * links) and hands it to the element. An editor embedding the form on a real page writes
 * `forum-id="…"` instead. A `#cancel=<token>` fragment is read by the element itself.
 *
 * Without a forum (the page opened from a menu, say) it lists the forums open for signup, each a
 * link to this page with its `?forum=`. This is a classic script in the `<head>`: it marks the
 * page (`<html class="no-forum">`) before the first paint, so the stylesheet shows the list's
 * space instead of the form's from the start and nothing moves when the list arrives.
 * No imports: the element comes from the CDN script, as on any host page. (One function scope: a
 * classic script's top-level names would be the page's globals.)
 */
(() => {
  const ID = /^[A-Za-z0-9_-]{1,64}$/;
  const wanted = new URLSearchParams(location.search).get('forum') ?? '';
  const hasForum = ID.test(wanted);
  const cancelling = /^#cancel=/.test(location.hash);
  if (!hasForum && !cancelling) document.documentElement.classList.add('no-forum');

  interface OpenForum {
    id: string;
    title: string;
    district: string;
    startsAt: string;
    status: string;
    venue: { name: string };
  }

  const STATUS: Record<string, string> = { open: '모집 중', full: '대기 접수' };
  const when = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', month: 'long', day: 'numeric', weekday: 'short', hour: 'numeric', minute: '2-digit' });

  function item(forum: OpenForum): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'forum-pick__item';
    const link = document.createElement('a');
    link.href = `?forum=${encodeURIComponent(forum.id)}`;
    link.textContent = forum.title;
    const meta = document.createElement('span');
    meta.className = 'forum-pick__meta';
    const place = forum.venue.name.startsWith(forum.district) ? forum.venue.name : `${forum.district} ${forum.venue.name}`;
    meta.textContent = `${when.format(new Date(forum.startsAt))} · ${place} · ${STATUS[forum.status] ?? forum.status}`;
    li.append(link, meta);
    return li;
  }

  async function listOpenForums(list: HTMLElement): Promise<void> {
    let items: OpenForum[] = [];
    try {
      const res = await fetch('/api/forums?status=open,full&limit=50', { headers: { Accept: 'application/json' } });
      if (!res.ok) throw new Error(String(res.status));
      items = ((await res.json()) as { items: OpenForum[] }).items;
    } catch {
      const li = document.createElement('li');
      li.className = 'forum-pick__note';
      li.textContent = '토론회 목록을 불러오지 못했습니다. 아래 토론회 일정에서 골라 주세요.';
      list.replaceChildren(li);
      list.setAttribute('aria-busy', 'false');
      return;
    }
    const upcoming = items.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    if (upcoming.length) list.replaceChildren(...upcoming.map(item));
    else {
      const li = document.createElement('li');
      li.className = 'forum-pick__note';
      li.textContent = '지금 참가 신청을 받는 토론회가 없습니다. 토론회 일정에서 다음 토론회를 확인해 주세요.';
      list.replaceChildren(li);
    }
    list.setAttribute('aria-busy', 'false');
  }

  document.addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('signup');
    if (hasForum) form?.setAttribute('forum-id', wanted);
    else if (!cancelling) {
      form?.remove(); // not needed on this page: its code is never fetched
      const list = document.getElementById('pick-list');
      if (list) void listOpenForums(list);
    }
  });
})();
