/**
 * The embed builder for web editors (`/demo/embed.html`): the form's choices become a live preview
 * (the real element, from the CDN bundle, against this server) and the exact snippet to paste on
 * another site, with the one server setting that site needs (`HD_CORS_ORIGINS`). Plain DOM with
 * textContent only (the snippet is text, never HTML), so it runs under the demo's strict CSP.
 */
import { getApi, type Forum } from '../src/api/index.js';

type Widget = 'hd-forum-calendar' | 'hd-signup-form' | 'hd-idea-wall' | 'hd-result-summary';

const api = getApi('/api');
/** Where the editor's site will load the widgets from: this server. */
const SERVER = location.origin;
const DEFAULT_ACCENT = '#1d5fbf';
const SITE_PLACEHOLDER = 'https://www.우리-사이트.example';

const $ = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} is missing from the page`);
  return node as T;
};

const form = $<HTMLFormElement>('builder');
const forumSelect = $<HTMLSelectElement>('forum');
const districtSelect = $<HTMLSelectElement>('district');
const viewSelect = $<HTMLSelectElement>('view');

/** Per widget: which forums it can show, the forum field's hint, and its views. */
const WIDGETS: Record<Widget, { statuses?: string; all?: string; hint?: string; views?: [string, string][]; district?: boolean }> = {
  'hd-forum-calendar': {
    district: true,
    views: [
      ['', '화면 너비에 맞춤 · By width'],
      ['month', '달력 · Month grid'],
      ['list', '목록 · List'],
    ],
  },
  'hd-signup-form': { statuses: 'open,full,announced', hint: '참가 신청을 받는(곧 받을) 토론회 · Forums taking signups' },
  'hd-idea-wall': {
    statuses: 'live,announced,open,full,closed',
    hint: '진행 중이거나 열릴 토론회 · Live or upcoming forums',
    views: [
      ['participant', '참가자 휴대전화 · Participants’ phones'],
      ['projector', '프로젝터 화면 · Projector'],
    ],
  },
  'hd-result-summary': {
    statuses: 'reported,finished',
    all: '전체 결과 (모든 토론회) · All forums',
    hint: '토론회를 고르지 않으면 전체 결과를 보여 줍니다 · Without a forum: the whole programme',
    district: true,
  },
};

const forumsByStatus = new Map<string, Promise<Forum[]>>();
function forums(statuses: string): Promise<Forum[]> {
  let pending = forumsByStatus.get(statuses);
  if (!pending) {
    pending = api.listForums({ status: statuses, limit: 100, order: 'desc' }).then((p) => p.items);
    forumsByStatus.set(statuses, pending);
  }
  return pending;
}

function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  o.selected = selected;
  return o;
}

const day = new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', year: 'numeric', month: 'long', day: 'numeric' });

function widget(): Widget {
  return (new FormData(form).get('widget') as Widget | null) ?? 'hd-forum-calendar';
}
const value = (name: string) => String(new FormData(form).get(name) ?? '').trim();

/** The editor's site as an origin (`https://host[:port]`), or '' when it is not a web address. */
function siteOrigin(): string {
  const raw = value('site');
  if (!raw) return '';
  try {
    const url = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
    return /^https?:$/.test(url.protocol) ? url.origin : '';
  } catch {
    return '';
  }
}

/** Fills the forum and view fields for the chosen widget (keeps the choice when it still fits). */
async function fitFields(): Promise<void> {
  const w = WIDGETS[widget()];
  $('district-field').hidden = !w.district;
  $('view-field').hidden = !w.views;
  const view = viewSelect.value;
  viewSelect.replaceChildren(...(w.views ?? []).map(([v, text]) => option(v, text, v === view)));
  $('forum-field').hidden = !w.statuses;
  if (!w.statuses) return;
  $('forum-hint').textContent = w.hint ?? '';
  const chosen = forumSelect.value;
  forumSelect.disabled = true;
  try {
    // The forums to show first: in the order of the statuses (a live wall, an open signup), then the soonest;
    // results: the latest first.
    const rank = w.statuses.split(',');
    const list = [...(await forums(w.statuses))].sort((x, y) =>
      w.all ? y.startsAt.localeCompare(x.startsAt) : rank.indexOf(x.status) - rank.indexOf(y.status) || x.startsAt.localeCompare(y.startsAt),
    );
    forumSelect.replaceChildren(
      ...(w.all ? [option('', w.all)] : []),
      ...list.map((f) => option(f.id, `${f.title} (${day.format(new Date(f.startsAt))})`, f.id === chosen)),
    );
  } catch {
    forumSelect.replaceChildren(option('', '토론회 목록을 불러오지 못했습니다 · Could not load the forums'));
  }
  forumSelect.disabled = false;
}

async function fillDistricts(): Promise<void> {
  try {
    const all = await forums('announced,open,full,closed,live,finished,reported');
    const names = [...new Set(all.map((f) => f.district))].sort((a, b) => a.localeCompare(b, 'ko'));
    districtSelect.append(...names.map((d) => option(d, d)));
  } catch {
    // The field keeps "all districts".
  }
}

/** The element's attributes for the current choices (without `api-base`), in a stable order. */
function attributes(): [string, string][] {
  const tag = widget();
  const w = WIDGETS[tag];
  const out: [string, string][] = [];
  if (w.statuses && forumSelect.value) out.push(['forum-id', forumSelect.value]);
  if (w.district && value('district')) out.push(['district', value('district')]);
  if (w.views && viewSelect.value) out.push([tag === 'hd-idea-wall' ? 'mode' : 'view', viewSelect.value]);
  if (value('lang') === 'en') out.push(['lang', 'en']);
  return out;
}

/** Custom properties for the theme; none when it is the default. */
function theme(): [string, string][] {
  const out: [string, string][] = [];
  const accent = value('accent').toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(accent) && accent !== DEFAULT_ACCENT) out.push(['--hd-color-accent', accent]);
  const scheme = value('scheme');
  if (scheme === 'light' || scheme === 'dark') out.push(['color-scheme', scheme]);
  return out;
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The exact HTML to paste on the editor's site. */
function snippet(): string {
  const tag = widget();
  const attrs = [['api-base', `${SERVER}/api`], ...attributes()].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  const styles = theme();
  const lines = [
    `<link rel="stylesheet" href="${SERVER}/dist/cdn/hyeondap.css" />`,
    `<script type="module" src="${SERVER}/dist/cdn/hyeondap.js"></script>`,
  ];
  if (styles.length) lines.push(`<style>\n  ${tag} {\n${styles.map(([k, v]) => `    ${k}: ${v};`).join('\n')}\n  }\n</style>`);
  lines.push(`<${tag}${attrs}></${tag}>`);
  return lines.join('\n');
}

function serverLine(): string {
  return `HD_CORS_ORIGINS=${siteOrigin() || SITE_PLACEHOLDER}`;
}

/** The preview: the real element with the same attributes and theme, against this server. */
let shown = '';
function preview(): void {
  const box = $('preview');
  const tag = widget();
  const attrs = attributes();
  const key = JSON.stringify([tag, attrs]);
  const width = $<HTMLSelectElement>('width').value;
  box.style.maxWidth = width ? `${width}px` : '';
  // A changed theme only restyles the element; other changes make a new one.
  let el = box.firstElementChild as HTMLElement | null;
  if (key !== shown || !el) {
    shown = key;
    el = document.createElement(tag);
    el.setAttribute('api-base', '/api');
    for (const [k, v] of attrs) el.setAttribute(k, v);
    box.replaceChildren(el);
  }
  el.style.removeProperty('--hd-color-accent');
  el.style.removeProperty('color-scheme');
  for (const [k, v] of theme()) el.style.setProperty(k, v);
  box.classList.toggle('preview--dark', value('scheme') === 'dark');
}

function update(): void {
  $('snippet').textContent = snippet();
  $('server-line').textContent = serverLine();
  preview();
}

async function copy(button: HTMLButtonElement): Promise<void> {
  const source = $(button.dataset['copy']!);
  const text = source.textContent ?? '';
  const status = $('copied');
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = button.id === 'copy-server' ? '서버 설정을 복사했습니다. · Setting copied.' : '코드를 복사했습니다. · Code copied.';
  } catch {
    // No clipboard (an insecure page, or refused): select the text so Ctrl+C copies it.
    const range = document.createRange();
    range.selectNodeContents(source);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    status.textContent = '복사하지 못했습니다. 선택된 코드를 Ctrl+C로 복사해 주세요. · Could not copy: press Ctrl+C to copy the selected text.';
  }
}

form.addEventListener('submit', (e) => e.preventDefault());
form.addEventListener('change', (e) => {
  if ((e.target as HTMLInputElement).name === 'widget') void fitFields().then(update);
  else update();
});
form.addEventListener('input', (e) => {
  const name = (e.target as HTMLInputElement).name;
  if (name === 'site' || name === 'accent') update();
});
$('width').addEventListener('change', update);
for (const button of document.querySelectorAll<HTMLButtonElement>('button.copy')) button.addEventListener('click', () => void copy(button));

update();
void fillDistricts();
void fitFields().then(update);
