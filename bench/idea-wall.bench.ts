// <hd-idea-wall> at venue scale, against the real reference server (startServer, in-memory
// SQLite) and the built CDN bundle in headless Chromium (playwright-core, /usr/bin/chromium).
// Prints figures; never fails on a timing.
//
//  1. First render of a 5 000-idea wall: from creating the element to the first painted frame
//     that shows cards (the wall draws its first screen from a first page of the newest ideas and
//     loads the rest behind it); then when all 5 000 are loaded and shown (five 1 000-idea pages
//     over HTTP included), and when the virtualizer's chunk is in.
//  2. A burst of 1 000 vote.changed events, each dispatched in its own task on the wall's real
//     EventSource (as a busy network delivers them): scripting time (CDP Performance.getMetrics
//     ScriptDuration, whole page), the number of wall renders, and wall time until the last
//     vote is on screen.
//  3. Server-to-screen latency of posted ideas with 200 walls connected: 197 EventSource-like
//     SSE clients in a Node worker thread (a full parse of every event) plus 3 real walls in
//     Chromium pages. Latency = the moment a wall's frame shows the card (requestAnimationFrame
//     after the card is in the DOM) minus the idea's createdAt stamped by the server.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../server/start.ts';

const root = join(import.meta.dirname, '..');
const IDEAS = 5_000;
const BURST = 1_000;
const SSE_CLIENTS = 197;
const WALL_PAGES = 3;
const LATENCY_IDEAS = 40;

const ms = (n: number) => `${n.toFixed(0)} ms`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

const server = await startServer({ seed: 'none', staticRoot: root });
const api = server.apiBase;

/** A call with the admin's token, another token, or none (`null`: a phone joining). */
async function call<T>(method: string, path: string, body?: unknown, token: string | null = server.adminToken): Promise<T> {
  const res = await fetch(api + path, {
    method,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

// ------------------------------------------------------------------ a forum with 5 000 ideas
const start = new Date(Date.now() - 3600_000);
const forum = await call<{ id: string; joinCode: string }>('POST', '/forums', {
  title: '벤치마크 토론회',
  summary: '5천 건의 제안',
  district: '금곡동',
  venue: { name: '남양주시청', address: '경춘로 1037' },
  startsAt: start.toISOString(),
  endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(),
  capacity: 1000,
  tables: 20,
  voteBudget: 20,
  categories: ['교통', '환경', '복지', '안전', '문화'],
});
await call('POST', `/forums/${forum.id}/status`, { status: 'live' });
await call('PUT', `/forums/${forum.id}/voting`, { open: true });
const tokens: string[] = [];
for (let t = 1; t <= 20; t++) {
  // Twenty phones: no token, and no install key (each join is a new participant).
  tokens.push((await call<{ token: string }>('POST', `/forums/${forum.id}/participants`, { joinCode: forum.joinCode, table: t }, null)).token);
}
let t0 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (next < IDEAS) {
      const i = next++;
      await call('POST', `/forums/${forum.id}/ideas`, { text: `제안 ${i}: 우리 동네 ${['버스', '공원', '주차', '도서관', '가로등'][i % 5]} 문제를 이렇게 풀어 봅시다` }, tokens[i % 20]);
    }
  }),
);
console.log(`Seeded ${IDEAS} ideas over HTTP in ${ms(performance.now() - t0)} (16 concurrent writers).`);

// ------------------------------------------------------------------ the browser
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions'],
});
const BENCH_PAGE = `${server.url}/__bench.html`;
async function wallPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route(BENCH_PAGE, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="ko"><body style="margin:0"><script type="module" src="/dist/cdn/hyeondap.js"></script></body></html>' }),
  );
  // tsx names the functions it compiles (`__name(fn, "fn")`); the page needs the helper too.
  await page.addInitScript('window.__name = (f) => f;');
  // Keep the page's EventSources reachable so the burst can be delivered on the real one.
  await page.addInitScript(() => {
    const Native = window.EventSource;
    const w = window as unknown as { __sources: EventSource[] };
    w.__sources = [];
    window.EventSource = class extends Native {
      constructor(url: string | URL, init?: EventSourceInit) {
        super(url, init);
        w.__sources.push(this);
      }
    };
  });
  await page.goto(BENCH_PAGE);
  // The CDN entry is a lazy loader: with no <hd-idea-wall> on the page yet, ask it for the element.
  await page.evaluate(async (entry) => {
    const loader = (await import(entry)) as { load(tag: string): Promise<unknown> };
    await loader.load('hd-idea-wall');
  }, '/dist/cdn/hyeondap.js');
  return page;
}

/**
 * Mounts a wall and resolves once it is complete: `first` is the first painted frame that shows
 * cards (the first screen), `total` the first painted frame that shows cards with `expected` ideas
 * loaded, `complete` its `updateComplete` (the virtualizer in, only the cards in view rendered).
 */
interface Mounted {
  first: number;
  firstCards: number;
  firstIdeas: number;
  total: number;
  lastPage: number;
  cards: number;
  complete: number;
  completeCards: number;
}
function mount(page: Page, expected: number): Promise<Mounted> {
  return page.evaluate(
    ([forumId, expected]) =>
      new Promise<Mounted>((resolve) => {
        const t0 = performance.now();
        const el = document.createElement('hd-idea-wall') as HTMLElement & { shownIdeas: unknown[]; updateComplete: Promise<unknown> };
        el.setAttribute('api-base', '/api');
        el.setAttribute('forum-id', forumId);
        document.body.append(el);
        const count = () => el.shadowRoot?.querySelectorAll('[part~="item"]').length ?? 0;
        let first: { first: number; firstCards: number; firstIdeas: number } | undefined;
        const check = () => {
          const cards = count();
          if (cards > 0 && !first) {
            const firstCards = cards;
            const firstIdeas = el.shownIdeas.length;
            // The frame that paints them.
            requestAnimationFrame(() => (first = { first: performance.now() - t0, firstCards, firstIdeas }));
          }
          if (el.shownIdeas.length === expected && cards > 0) {
            requestAnimationFrame(async () => {
              const total = performance.now() - t0;
              const pages = performance.getEntriesByType('resource').filter((e) => e.name.includes('/ideas?'));
              const lastPage = Math.max(...pages.map((e) => (e as PerformanceResourceTiming).responseEnd)) - t0;
              await el.updateComplete;
              // The virtualizer lays out in the frame after the wall's update: count once that frame is painted.
              requestAnimationFrame(() =>
                setTimeout(() => resolve({ ...(first ?? { first: total, firstCards: cards, firstIdeas: expected }), total, lastPage, cards, complete: performance.now() - t0, completeCards: count() })),
              );
            });
          } else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    [forum.id, expected] as const,
  );
}

// 1. first render ----------------------------------------------------------------
const RUNS = 5;
const first: number[] = [];
const whole: number[] = [];
let detail: Mounted | undefined;
for (let run = 0; run < RUNS; run++) {
  const page = await wallPage();
  const r = await mount(page, IDEAS);
  first.push(r.first);
  whole.push(r.total);
  detail = r;
  if (run < RUNS - 1) await page.context().close();
}
console.log(`\n1. First render of a ${IDEAS}-idea wall (${RUNS} runs, fresh page each): ${first.map(ms).join(', ')} (median ${ms(pct(first, 50))}; goal ≤ 150 ms)`);
console.log(`   the first screen: ${detail!.firstCards} cards from the first ${detail!.firstIdeas} ideas (the newest page), the rest loading behind it`);
console.log(`   all ${IDEAS} ideas loaded and shown: ${whole.map(ms).join(', ')} (median ${ms(pct(whole, 50))}); their five 1 000-idea pages arrive by ${ms(detail!.lastPage)}`);
console.log(`   virtualized (its chunk in) after ${ms(detail!.complete)}: ${detail!.completeCards} of ${IDEAS} cards in the DOM`);

// 2. burst of 1 000 vote events -----------------------------------------------------
const burstPage = browser.contexts().at(-1)!.pages()[0]!;
await burstPage.waitForFunction(() => (window as unknown as { __sources: EventSource[] }).__sources.some((s) => s.readyState === 1));
const cdp = await burstPage.context().newCDPSession(burstPage);
await cdp.send('Performance.enable');
const scriptTime = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ScriptDuration')!.value * 1000;
const before = await scriptTime();
const burst = await burstPage.evaluate(async (n) => {
  const el = document.querySelector('hd-idea-wall') as HTMLElement & { shownIdeas: { id: string; votes: number }[]; update: (c: unknown) => void };
  let renders = 0;
  const update = el.update;
  el.update = function (c: unknown) {
    renders++;
    return update.call(this, c);
  };
  const source = (window as unknown as { __sources: EventSource[] }).__sources.filter((s) => s.readyState === 1).at(-1)!;
  const ideas = el.shownIdeas.slice(0, 200).map((i) => i.id);
  const final = new Map<string, number>();
  const channel = new MessageChannel();
  const t0 = performance.now();
  await new Promise<void>((done) => {
    let i = 0;
    channel.port1.onmessage = () => {
      const ideaId = ideas[i % ideas.length]!;
      const votes = 1 + i;
      final.set(ideaId, votes);
      const id = String(1e12 + i);
      source.dispatchEvent(
        new MessageEvent('vote.changed', { data: JSON.stringify({ id, type: 'vote.changed', forumId: 'f', at: new Date().toISOString(), data: { ideaId, votes } }), lastEventId: id }),
      );
      if (++i < n) channel.port2.postMessage(0);
      else done();
    };
    channel.port2.postMessage(0);
  });
  const dispatched = performance.now() - t0;
  await new Promise<void>((done) => {
    const check = () => {
      const shown = new Map(el.shownIdeas.map((x) => [x.id, x.votes]));
      if ([...final].every(([id, v]) => shown.get(id) === v)) requestAnimationFrame(() => done());
      else requestAnimationFrame(check);
    };
    check();
  });
  return { dispatched, onScreen: performance.now() - t0, renders };
}, BURST);
const scripting = (await scriptTime()) - before;
console.log(`\n2. Burst of ${BURST} vote.changed events (one task each, on the wall's EventSource; 5 000 ideas shown):`);
console.log(`   scripting ${ms(scripting)} (CDP ScriptDuration, whole page, incl. the dispatch loop) = ${(scripting / BURST).toFixed(3)} ms per event`);
console.log(`   ${burst.renders} wall renders for ${BURST} events; delivered in ${ms(burst.dispatched)}, last vote on screen after ${ms(burst.onScreen)}`);
await browser.contexts().at(-1)!.close();

// 3. server-to-screen latency with 200 walls ----------------------------------------
const worker = new Worker(
  `
  const { parentPort, workerData } = require('node:worker_threads');
  const { url, clients } = workerData;
  const lat = [];
  let received = 0;
  let open = 0;
  for (let c = 0; c < clients; c++) {
    (async () => {
      const res = await fetch(url, { headers: { Accept: 'text/event-stream' } });
      open++;
      if (open === clients) parentPort.postMessage({ ready: true });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buf += value;
        let at;
        while ((at = buf.indexOf('\\n\\n')) >= 0) {
          const block = buf.slice(0, at);
          buf = buf.slice(at + 2);
          const data = block.split('\\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\\n');
          if (!data) continue;
          const e = JSON.parse(data);
          if (e.type === 'idea.created') { received++; lat.push(Date.now() - Date.parse(e.data.createdAt)); }
        }
      }
    })().catch(() => {});
  }
  parentPort.on('message', () => parentPort.postMessage({ received, lat }));
  `,
  { eval: true, workerData: { url: `${api}/forums/${forum.id}/events`, clients: SSE_CLIENTS } },
);
await new Promise<void>((resolve) => worker.once('message', () => resolve()));
const walls: Page[] = [];
for (let i = 0; i < WALL_PAGES; i++) {
  const page = await wallPage();
  await mount(page, IDEAS);
  await page.evaluate(() => {
    const el = document.querySelector('hd-idea-wall') as HTMLElement & { shownIdeas: { id: string; createdAt: string }[] };
    const w = window as unknown as { __lat: number[]; __seen: Set<string> };
    w.__lat = [];
    w.__seen = new Set(el.shownIdeas.map((i) => i.id));
    const tick = () => {
      const top = el.shownIdeas[0];
      if (top && !w.__seen.has(top.id) && el.shadowRoot!.querySelector(`[data-id="${top.id}"]`)) {
        w.__seen.add(top.id);
        w.__lat.push(Date.now() - Date.parse(top.createdAt));
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  walls.push(page);
}
const visibility = await Promise.all(walls.map((p) => p.evaluate(() => document.visibilityState)));
for (let i = 0; i < LATENCY_IDEAS; i++) {
  await call('POST', `/forums/${forum.id}/ideas`, { text: `지연 측정 제안 ${i}` }, tokens[i % 20]);
  await new Promise((r) => setTimeout(r, 250));
}
await new Promise((r) => setTimeout(r, 1_500));
const screen = (await Promise.all(walls.map((p) => p.evaluate(() => (window as unknown as { __lat: number[] }).__lat)))).flat();
const nodeSide = await new Promise<{ received: number; lat: number[] }>((resolve) => {
  worker.once('message', resolve);
  worker.postMessage('report');
});
console.log(`\n3. Server-to-screen latency, ${SSE_CLIENTS} Node SSE clients + ${WALL_PAGES} Chromium walls (${SSE_CLIENTS + WALL_PAGES} connections), ${LATENCY_IDEAS} ideas posted 250 ms apart:`);
console.log(`   on screen in the walls (${screen.length} of ${WALL_PAGES * LATENCY_IDEAS} idea×wall; pages ${visibility.join('/')}): p50 ${ms(pct(screen, 50))}, p95 ${ms(pct(screen, 95))}, max ${ms(Math.max(...screen))}`);
console.log(`   parsed by the Node clients (${nodeSide.received} of ${SSE_CLIENTS * LATENCY_IDEAS} deliveries): p50 ${ms(pct(nodeSide.lat, 50))}, p95 ${ms(pct(nodeSide.lat, 95))}`);
console.log('   (latency is from the idea\'s server createdAt to the frame that shows it; one machine, one clock, 2 cores shared by server, clients and Chromium)');

await worker.terminate();
await browser.close();
await server.close();
process.exit(0);
