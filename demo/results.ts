/**
 * Demo page script for the results page. The first summary shows the forum in `?forum=<id>`, or
 * else the most recently reported one; choosing a forum in the programme view below shows it up
 * there (the page takes over `hd-result-forum-select` and keeps the choice in the URL, so it can
 * be shared). An editor embedding one forum writes `forum-id="…"` instead.
 * Only the public contract and the element's public API: the element comes from the CDN script.
 */
const summary = document.getElementById('forum-summary');
const programme = document.getElementById('programme');
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function show(forumId: string): void {
  summary?.setAttribute('forum-id', forumId);
  summary?.removeAttribute('hidden'); // hidden until it has a forum: without one it would show the programme
}

async function latestReported(): Promise<string | undefined> {
  const res = await fetch('/api/forums?status=reported&order=desc&limit=1', { headers: { Accept: 'application/json' } });
  if (!res.ok) return undefined;
  const page = (await res.json()) as { items: { id: string }[] };
  return page.items[0]?.id;
}

const wanted = new URLSearchParams(location.search).get('forum') ?? '';
if (ID.test(wanted)) show(wanted);
else void latestReported().then((id) => id && show(id));

programme?.addEventListener('hd-result-forum-select', (event) => {
  const { forumId } = (event as CustomEvent<{ forumId: string }> & Event).detail;
  event.preventDefault();
  show(forumId);
  history.pushState(null, '', `?forum=${encodeURIComponent(forumId)}`);
  // Move focus (and the view) to the summary the person asked for.
  const section = document.getElementById('forum-section');
  section?.focus({ preventScroll: true });
  section?.scrollIntoView({ behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth', block: 'start' });
});

addEventListener('popstate', () => {
  const id = new URLSearchParams(location.search).get('forum') ?? '';
  if (ID.test(id)) show(id);
});
