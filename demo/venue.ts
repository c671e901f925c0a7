/**
 * The venue demo: finds the live forum and points the three walls at it. The join code and table
 * come from the QR code's URL (`?code=HYEON24&table=3`) or are typed; the facilitator token is
 * pasted by the organiser (printed by the server at start), kept in this tab's sessionStorage and
 * handed to the facilitator wall's provider as a property — never put in a URL.
 */
import type { HdIdeaWall } from '../src/elements/idea-wall/idea-wall.js';
import type { HdProvider } from '../src/elements/provider/provider.js';

const TOKEN_KEY = 'hd-venue-demo:facilitator-token';
const CODE_KEY = 'hd-venue-demo:join-code';
const params = new URLSearchParams(location.search);
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const participant = $<HdIdeaWall>('participant');
const facilitator = $<HdIdeaWall>('facilitator');
const projector = $<HdIdeaWall>('projector');
const provider = $<HdProvider>('facilitator-provider');
const codeInput = $<HTMLInputElement>('code');
const tokenInput = $<HTMLInputElement>('token');

function session(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}
function keep(key: string, value: string): void {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {
    // No storage: it lasts until the page closes.
  }
}

const validCode = (v: string | null) => (v && /^[A-Za-z0-9]{4,12}$/.test(v) ? v.toUpperCase() : '');
const validTable = (v: string | null) => (v && /^\d{1,3}$/.test(v) && Number(v) >= 1 && Number(v) <= 200 ? v : '');

function apply(): void {
  const code = validCode(codeInput.value.trim());
  const token = tokenInput.value.trim();
  keep(CODE_KEY, code);
  keep(TOKEN_KEY, token);
  for (const wall of [projector, participant]) {
    if (code) wall.setAttribute('join-code', code);
    else if (wall === projector || !urlCode) wall.removeAttribute('join-code');
  }
  provider.token = token || undefined;
}

// The QR code's parameters join the participant at once.
const urlCode = validCode(params.get('code'));
const urlTable = validTable(params.get('table'));
if (urlCode) participant.setAttribute('join-code', urlCode);
if (urlTable) participant.setAttribute('table', urlTable);
codeInput.value = urlCode || session(CODE_KEY);
tokenInput.value = session(TOKEN_KEY);
projector.setAttribute('join-href', `${location.origin}/demo/venue.html?code={code}&table={table}`);
apply();

$<HTMLFormElement>('setup').addEventListener('submit', (ev) => {
  ev.preventDefault();
  apply();
});
$<HTMLButtonElement>('forget').addEventListener('click', () => {
  tokenInput.value = '';
  apply();
});

async function findLiveForum(): Promise<void> {
  const line = $<HTMLParagraphElement>('forum-line');
  try {
    const res = await fetch('/api/forums?status=live&limit=1', { headers: { Accept: 'application/json' } });
    if (!res.ok) throw new Error(String(res.status));
    const page = (await res.json()) as { items: { id: string; title: string; venue: { name: string } }[] };
    const forum = page.items[0];
    if (!forum) {
      line.textContent = '지금 진행 중인 토론회가 없습니다.';
      return;
    }
    line.textContent = `${forum.title} · ${forum.venue.name}`;
    for (const wall of [participant, facilitator, projector]) wall.forumId = forum.id;
  } catch {
    line.textContent = '토론회 정보를 불러오지 못했습니다. 잠시 후 새로 고침해 주세요.';
  }
}
void findLiveForum();
