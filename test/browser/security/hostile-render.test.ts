/**
 * Hostile text (test/fixtures/hostile-strings.ts, plus payloads of our own that would set
 * `window.__hdXss` if they ever ran) written through the real API into every user-writable text
 * the widgets show, then rendered by every widget: no script runs, no element of a payload exists
 * in any shadow root, the text is shown as text, no link the widgets build carries `javascript:`,
 * and 1,000-character unbroken strings and bidi overrides do not push a widget wider than its box.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/hd-forum-calendar.js';
import '../../../src/define/hd-signup-form.js';
import '../../../src/define/hd-idea-wall.js';
import '../../../src/define/hd-result-summary.js';
import type { ForumAdmin, Idea } from '../../../src/api/types.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import type { HdResultSummary } from '../../../src/elements/result-summary/result-summary.js';
import { HOSTILE } from '../../fixtures/hostile-strings.js';
import { admin, demoInfo, until } from '../helpers/server.js';

declare global {
  interface Window {
    __hdXss?: boolean;
  }
}

// Payloads that mark execution (the corpus's own payloads call alert(), trapped below).
const MINE = [
  '<img src=x onerror="window.__hdXss=true">',
  '<svg onload="window.__hdXss=true"><circle r="1"/></svg>',
  'javascript:window.__hdXss=true',
  '<script>window.__hdXss=true</script>',
  '<a href="javascript:window.__hdXss=true">눌러 보세요</a>',
  '<details open ontoggle="window.__hdXss=true">',
];
const ALL = [...MINE, ...HOSTILE.map((h) => h.value)];
const LONG = 'W'.repeat(1000); // one unbroken word
const RTL = '\u202E남양주시청 관리자\u202C';
const fit = (limit: number) => ALL.filter((v) => [...v].length <= limit && v.trim().length > 0 && v === v.trim());
/** As many of `values` joined by ' | ' as fit in `limit` characters. */
function joined(values: readonly string[], limit: number): string {
  let out = '';
  for (const v of values) {
    const next = out ? `${out} | ${v}` : v;
    if (next.length > limit) continue;
    out = next;
  }
  return out;
}

const KST = '+09:00';
const MONTH = '2031-03';
let seq = 0;

async function newForum(over: Record<string, unknown>): Promise<ForumAdmin> {
  seq++;
  return admin<ForumAdmin>('POST', '/forums', {
    title: `${MINE[0]} ${seq}`,
    summary: `${LONG}\n${joined(ALL, 2000 - LONG.length - 1)}`,
    topics: fit(40).slice(0, 10),
    district: '금곡동',
    venue: { name: `${MINE[3]} ${RTL}`, address: `${MINE[2]} ${HOSTILE[3]!.value}` },
    startsAt: `${MONTH}-1${seq}T14:00:00${KST}`,
    endsAt: `${MONTH}-1${seq}T17:00:00${KST}`,
    capacity: 40,
    tables: 4,
    voteBudget: 5,
    categories: fit(40).slice(0, 30),
    ...over,
  });
}

async function as<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const { apiBase } = await demoInfo();
  const res = await fetch(apiBase + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function join(forum: ForumAdmin, table: number): Promise<string> {
  const { apiBase } = await demoInfo();
  const res = await fetch(`${apiBase}/forums/${forum.id}/participants`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ joinCode: forum.joinCode, table }),
  });
  if (!res.ok) throw new Error(`join: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Every shadow root under `root`, itself included when it is one. */
function shadowRoots(node: Element | ShadowRoot): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const walk = (n: Element | ShadowRoot) => {
    if (n instanceof ShadowRoot) out.push(n);
    for (const el of n.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
  };
  walk(node instanceof Element && node.shadowRoot ? node.shadowRoot : node);
  return out;
}
const deepText = (el: Element) => shadowRoots(el).map((r) => r.textContent ?? '').join('\n');

/** What would be there if any payload had become markup. */
const PAYLOAD_ELEMENTS = 'script, iframe, img[src="x"], [onerror], [onload], [onmouseover], [ontoggle], [srcdoc], details[open][ontoggle], a[href^="javascript" i], style:not([data-hd])';

function assertInert(el: Element, what: string) {
  expect(window.__hdXss, `${what}: a payload ran`).to.equal(undefined);
  for (const root of shadowRoots(el)) {
    const found = [...root.querySelectorAll(PAYLOAD_ELEMENTS)].filter((n) => n.tagName !== 'STYLE' || n.textContent!.includes('display:none'));
    expect(found.map((n) => n.outerHTML.slice(0, 80)), `${what}: payload elements`).to.deep.equal([]);
    for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      const href = a.getAttribute('href')!.trim().toLowerCase();
      expect(href.startsWith('javascript:') || href.startsWith('data:text/html') || href.startsWith('vbscript:'), `${what}: link ${href.slice(0, 60)}`).to.equal(false);
      expect(['http:', 'https:', 'blob:', 'data:', 'mailto:', 'tel:']).to.include(new URL(a.href).protocol, `${what}: link ${href.slice(0, 60)}`);
    }
  }
}

/** The widget stays inside its 390 px box: no horizontal overflow from long words or bidi text. */
function assertFits(el: HTMLElement, box: HTMLElement, what: string) {
  const right = box.getBoundingClientRect().right + 1;
  const over = shadowRoots(el)
    .flatMap((r) => [...r.querySelectorAll('*')])
    .filter((n) => n.getBoundingClientRect().right > right && n.getClientRects().length)
    .map((n) => `${n.tagName.toLowerCase()}.${[...n.classList].join('.')}[${n.getAttribute('part') ?? ''}] → ${Math.round(n.getBoundingClientRect().right)}`);
  expect(over.slice(0, 8), `${what}: elements past the box's right edge`).to.deep.equal([]);
  expect(el.getBoundingClientRect().width, `${what}: host width`).to.be.at.most(box.clientWidth + 1);
  expect(box.scrollWidth, `${what}: box scrollWidth`).to.be.at.most(box.clientWidth + 1);
  const base = el.shadowRoot!.querySelector<HTMLElement>('[part~="base"]') ?? el;
  expect(base.scrollWidth, `${what}: base scrollWidth`).to.be.at.most(base.clientWidth + 1);
}

/** Each string is shown as text, whole. */
function assertShown(el: Element, strings: readonly string[], what: string) {
  const text = deepText(el);
  const missing = strings.filter((s) => !text.includes(s));
  expect(missing, `${what}: not shown as text`).to.deep.equal([]);
}

async function mount<T extends HTMLElement>(template: unknown): Promise<{ el: T; box: HTMLElement }> {
  const box = await fixture<HTMLElement>(html`<div style="width:390px">${template}</div>`);
  return { el: box.firstElementChild as T, box };
}

// The corpus's payloads call alert(): any call means something ran.
const trap = () => {
  window.__hdXss = true;
};

describe('hostile text rendered by every widget', () => {
  let signupForum: ForumAdmin;
  let liveForum: ForumAdmin;
  let doneForum: ForumAdmin;
  let cancelToken: string;
  let facilitatorToken: string;
  const ideaTexts = fit(280).concat(['W'.repeat(280)]);
  const CSV_FORMULA = HOSTILE.find((h) => h.name === 'CSV formula')!.value;
  const titles = [...fit(100).slice(0, 5), CSV_FORMULA];
  const doneIdeas = [...fit(280).slice(0, 7), CSV_FORMULA];
  const usedCategories = [...new Set(ideaTexts.map((_, i) => (i % 2 === 0 ? fit(40).slice(0, 30)[i % 30]! : '')).filter(Boolean))];
  const registrant = MINE[1]!.slice(0, 50).trim();
  const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };

  before(async () => {
    window.alert = trap;
    window.confirm = () => (trap(), false);
    window.prompt = () => (trap(), null);
    // An open forum: the forum's own texts and its signup form.
    signupForum = await newForum({});
    await admin('PUT', `/forums/${signupForum.id}/signup-form`, {
      questions: [
        { id: 'q1', label: joined(ALL, 200), help: joined(ALL.slice(3), 500), kind: 'text', required: false, maxLength: 300 },
        { id: 'q2', label: MINE[0], help: MINE[4], kind: 'choice', required: false, options: fit(100).slice(0, 20) },
        { id: 'q3', label: RTL, kind: 'multi-choice', required: false, options: fit(100).slice(20, 40) },
      ],
    });
    await admin('POST', `/forums/${signupForum.id}/status`, { status: 'open' });
    const { apiBase } = await demoInfo();
    const res = await fetch(`${apiBase}/forums/${signupForum.id}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ name: registrant, contact: { kind: 'phone', value: `010-39${String(Date.now() % 100).padStart(2, '0')}-${String(1000 + (Date.now() % 9000)).slice(0, 4)}` }, district: '금곡동', ageGroup: '40s', role: 'participant', consentVersion: '2026-01', consents: { personal: true, accessibility: false, notice: false } }),
    });
    if (res.status !== 201) throw new Error(`registration: ${res.status} ${await res.text()}`);
    cancelToken = ((await res.json()) as { cancelToken: string }).cancelToken;

    // A live forum: ideas from participants and a facilitator, hostile categories.
    const start = new Date(Date.now() - 3600_000);
    liveForum = await newForum({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString() });
    await admin('POST', `/forums/${liveForum.id}/status`, { status: 'live' });
    await admin('PUT', `/forums/${liveForum.id}/voting`, { open: true });
    facilitatorToken = (await admin<{ token: string }>('POST', `/forums/${liveForum.id}/facilitators`, { name: MINE[1]!.slice(0, 50), table: null })).token;
    const tokens = await Promise.all([1, 2, 3].map((t) => join(liveForum, t)));
    const categories = fit(40).slice(0, 30);
    for (const [i, text] of ideaTexts.entries()) {
      const idea = i % 4 === 3
        ? await as<Idea>(facilitatorToken, 'POST', `/forums/${liveForum.id}/ideas`, { text, table: 4 })
        : await as<Idea>(tokens[i % 3]!, 'POST', `/forums/${liveForum.id}/ideas`, { text });
      if (i % 2 === 0) await admin('PATCH', `/forums/${liveForum.id}/ideas/${idea.id}`, { category: categories[i % categories.length] });
      if (i % 5 === 0) await as(tokens[(i / 5) % 3]!, 'POST', `/forums/${liveForum.id}/ideas/${idea.id}/votes`);
    }

    // A reported forum: results, proposals and the city's answers.
    doneForum = await newForum({ title: `${RTL} ${MINE[2]}` });
    await admin('POST', `/forums/${doneForum.id}/status`, { status: 'live' });
    const p = await join(doneForum, 1);
    const ids: string[] = [];
    for (const text of doneIdeas) ids.push((await as<Idea>(p, 'POST', `/forums/${doneForum.id}/ideas`, { text })).id);
    await admin('PUT', `/forums/${doneForum.id}/voting`, { open: true });
    await as(p, 'POST', `/forums/${doneForum.id}/ideas/${ids[0]}/votes`);
    await admin('POST', `/forums/${doneForum.id}/status`, { status: 'finished' });
    const result = await admin<{ proposals: { id: string }[] }>('PUT', `/forums/${doneForum.id}/results`, {
      attended: 12,
      summary: `${LONG}\n${joined(ALL, 2000 - LONG.length - 1)}`,
      proposals: titles.map((title, i) => ({ title, ideaIds: ids.slice(i, i + 2), category: fit(40)[i], department: fit(100)[i + 6] })),
    });
    for (const [i, proposal] of result.proposals.entries()) {
      await admin('PUT', `/forums/${doneForum.id}/proposals/${proposal.id}/response`, {
        status: i % 2 ? 'accepted' : 'reviewing',
        answer: i === 0 ? `${LONG}\n${joined(ALL, 3000)}` : ALL[i + 10],
        department: ALL[i + 1]!.slice(0, 100),
        note: joined(ALL.slice(i), 500),
      });
    }
  });

  after(() => Object.assign(window, saved));
  afterEach(() => expect(window.__hdXss, 'a payload ran').to.equal(undefined));

  it('the calendar: month and list of the hostile forums', async () => {
    for (const view of ['month', 'list'] as const) {
      const { el, box } = await mount<HTMLElement>(html`<hd-forum-calendar api-base="/api" month=${MONTH} view=${view} signup-href="/signup.html?forum={id}"></hd-forum-calendar>`);
      await until(() => deepText(el).includes(signupForum.title.slice(0, 30)), `the ${view} view with the forum`, 10_000);
      if (view === 'month') {
        // Open the day of the hostile forum to show its card.
        const chip = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="chip"]')].find((c) => c.textContent!.includes(signupForum.title.slice(0, 30)));
        chip?.click();
        await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      }
      await expect(el).to.be.accessible();
      assertInert(el, `calendar ${view}`);
      assertFits(el, box, `calendar ${view}`);
      assertShown(el, [signupForum.title, doneForum.title], `calendar ${view}`);
      if (view === 'list') {
        assertShown(el, [signupForum.venue.name, ...signupForum.topics], 'calendar list');
        // The address (it begins with `javascript:`) only goes into the map link, URL-encoded.
        const maps = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="map-link"]')].map((a) => a.getAttribute('href'));
        expect(maps).to.include(`https://map.kakao.com/link/search/${encodeURIComponent(signupForum.venue.address)}`);
      }
    }
  });

  it('the signup form and the cancel view of a hostile registrant', async () => {
    const { el, box } = await mount<HTMLElement>(html`<hd-signup-form api-base="/api" forum-id=${signupForum.id}></hd-signup-form>`);
    await until(() => el.shadowRoot!.querySelector('form'), 'the form', 10_000);
    await expect(el).to.be.accessible();
    assertInert(el, 'signup form');
    assertFits(el, box, 'signup form');
    assertShown(el, [signupForum.title, signupForum.venue.name, signupForum.venue.address, joined(ALL, 200), joined(ALL.slice(3), 500), MINE[0]!, MINE[4]!, RTL, ...fit(100).slice(0, 40)], 'signup form');

    const cancel = await mount<HTMLElement>(html`<hd-signup-form api-base="/api" cancel-token=${cancelToken}></hd-signup-form>`);
    await until(() => cancel.el.shadowRoot!.querySelector('.mine'), 'the registration', 10_000);
    await expect(cancel.el).to.be.accessible();
    assertInert(cancel.el, 'cancel view');
    assertFits(cancel.el, cancel.box, 'cancel view');
    assertShown(cancel.el, [registrant, signupForum.title], 'cancel view');
  });

  for (const mode of ['participant', 'facilitator', 'projector'] as const) {
    it(`the idea wall in ${mode} mode`, async () => {
      const { el, box } = await mount<HdIdeaWall>(
        mode === 'participant'
          ? html`<hd-idea-wall api-base="/api" forum-id=${liveForum.id} join-code=${liveForum.joinCode} table="2"></hd-idea-wall>`
          : mode === 'facilitator'
            ? html`<hd-idea-wall api-base="/api" forum-id=${liveForum.id} mode="facilitator" .token=${facilitatorToken}></hd-idea-wall>`
            : html`<hd-idea-wall api-base="/api" forum-id=${liveForum.id} mode="projector" join-code=${liveForum.joinCode} join-href="/venue.html?code={code}&table={table}"></hd-idea-wall>`,
      );
      await until(() => el.shownIdeas.length === ideaTexts.length, `all ${ideaTexts.length} ideas`, 10_000);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 300)); // the virtualizer lays out the first cards
      await expect(el).to.be.accessible();
      assertInert(el, `wall ${mode}`);
      assertFits(el, box, `wall ${mode}`);
      // Every idea arrived byte for byte; every card drawn shows its text as text.
      expect([...el.shownIdeas].map((i) => i.text).sort()).to.deep.equal([...ideaTexts].sort());
      const cards = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="item"] .text')];
      expect(cards.length, 'cards drawn').to.be.greaterThan(0);
      for (const card of cards) expect(ideaTexts, 'a card shows an idea\'s text as it was written').to.include(card.textContent);
      if (mode !== 'participant') assertShown(el, usedCategories, `wall ${mode} categories`);
    });
  }

  it('the result summary, and its CSV', async () => {
    const { el, box } = await mount<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${doneForum.id}></hd-result-summary>`);
    await until(() => el.shadowRoot!.querySelector('[part~="proposal"]'), 'the proposals', 10_000);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    assertInert(el, 'result summary');
    assertFits(el, box, 'result summary');
    assertShown(el, [doneForum.title, doneForum.summary, ...titles, ...fit(100).slice(6, 12), ...fit(40).slice(0, 6), ...doneIdeas, `${LONG}\n${joined(ALL, 3000)}`, ...[1, 2, 3, 4, 5].map((i) => ALL[i + 10]!), ...[0, 1, 2, 3, 4, 5].map((i) => ALL[i + 1]!.slice(0, 100)), ...[0, 1, 2, 3, 4, 5].map((i) => joined(ALL.slice(i), 500))], 'result summary');
    const csv = await el.csv(); // the CSV code is a chunk fetched on first use
    const cell = (v: string) => {
      const text = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    };
    for (const title of titles) expect(csv, `the CSV holds ${JSON.stringify(title)} as one cell`).to.include(cell(title));
    // The formula is there, as text a spreadsheet will not run.
    expect(csv).to.include(`"'=HYPERLINK(""http://evil.example"",""클릭"")"`);
    expect(csv).to.not.match(/(^|,|\r\n)"?=HYPERLINK/);
  });
});
