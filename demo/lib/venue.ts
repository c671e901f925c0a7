/**
 * What the venue demo pages share: the live forum they show, the join code and table a QR code's
 * URL carries (`?code=HYEON24&table=3`), and the addresses of the role pages. A module of its own
 * folder: vite builds only `demo/*.ts` as pages (vite.config.ts), this is bundled into each.
 */

export interface LiveForumInfo {
  id: string;
  title: string;
  venue: { name: string };
}

/** The role pages (the chooser is /demo/venue.html). */
export const PAGES = {
  participant: '/demo/venue-participant.html',
  facilitator: '/demo/venue-facilitator.html',
  projector: '/demo/venue-projector.html',
} as const;

/** A join code as a QR code's URL may carry it (upper-cased), or '' when it is not one. */
export const validCode = (v: string | null): string => (v && /^[A-Za-z0-9]{4,12}$/.test(v) ? v.toUpperCase() : '');
/** A table number from a URL, or '' when it is not one. */
export const validTable = (v: string | null): string => (v && /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 200 ? v : '');

export const params = new URLSearchParams(location.search);

/** The participant page's address for a join code and table (what the projector's QR code opens). */
export function participantHref(code: string, table = ''): string {
  const q = new URLSearchParams();
  if (code) q.set('code', code);
  if (table) q.set('table', table);
  const search = q.toString();
  return `${PAGES.participant}${search ? `?${search}` : ''}`;
}

/**
 * The forum that is live now (the demo has one), with a line saying which it is; null (and the
 * line says why) when there is none or the server cannot be reached.
 */
export async function findLiveForum(line: HTMLElement | null): Promise<LiveForumInfo | null> {
  try {
    const res = await fetch('/api/forums?status=live&limit=1', { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(String(res.status));
    const page = (await res.json()) as { items: LiveForumInfo[] };
    const forum = page.items[0];
    if (line) line.textContent = forum ? `${forum.title} · ${forum.venue.name}` : '지금 진행 중인 토론회가 없습니다.';
    return forum ?? null;
  } catch {
    if (line) line.textContent = '토론회 정보를 불러오지 못했습니다. 잠시 후 새로 고침해 주세요.';
    return null;
  }
}
