// What every hostile-host-page test needs: the reference server (the API, origin A) with the demo
// seed, and a small static server (the host page, origin B, another port) that serves the pages
// in test/hostile/pages and the built CDN files exactly as a city's web server would — with the
// page's own strict Content-Security-Policy header. A third origin (C) serves the same pages but is
// not in the API's CORS allow-list. Pages get the API base and the demo forum ids by server-side
// substitution of `{{NAME}}` placeholders in the HTML (no inline script anywhere).
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { launchChromium, root, startMain, stop, type Started } from '../e2e/helpers.ts';

export const PAGES = join(import.meta.dirname, 'pages');
export const CDN = join(root, 'dist', 'cdn');
/** Where the screenshots go (look at them). */
export const SHOTS = process.env.HD_HOSTILE_SHOTS || '/tmp/hostile-shots';
export const WAIT = { timeout: 30_000 };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/**
 * The host page's policy. The issue's strict policy word for word, plus `connect-src` for the API
 * origin: `default-src 'self'` alone would also block the widgets' fetch and EventSource to the
 * API on its own origin, which is the one thing an embedding page must allow. No `img-src`,
 * `font-src` or `'unsafe-inline'` anywhere: the widgets need none of them. A page that uses the
 * `{{NONCE}}` placeholder (the `window.litNonce` path for browsers without constructable
 * stylesheets) also gets that response's fresh nonce in `style-src`.
 */
export const hostCsp = (apiOrigin: string, styleNonce?: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self'${styleNonce ? ` 'nonce-${styleNonce}'` : ''}; require-trusted-types-for 'script'; connect-src 'self' ${apiOrigin}`;

/** The values the pages' `{{NAME}}` placeholders are replaced with. */
export interface Vars {
  API_BASE: string;
  LIVE: string;
  CODE: string;
  OPEN: string;
  OPEN_MONTH: string;
  REPORTED: string;
}

const attr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A static host site: pages (with the CSP header) and `/cdn/**` (and a second copy, `/cdn2/**`) from dist/cdn. */
async function startSite(vars: () => Vars): Promise<{ server: Server; origin: string }> {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      // `/cdn2/` is a second copy of the same files at other URLs: to the browser a separate bundle
      // (its own Lit, its own element classes), like a partner's copy of another version.
      const cdn = /^\/cdn2?\//.exec(path)?.[0];
      const [base, rel] = cdn ? [CDN, path.slice(cdn.length)] : [PAGES, path.slice(1)];
      const file = resolve(base, rel);
      if (!file.startsWith(base + sep) || rel.includes('\0') || !(await stat(file)).isFile()) throw new Error('not found');
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' };
      let body: Buffer | string = await readFile(file);
      if (type.startsWith('text/html')) {
        const v = vars();
        const nonce = randomBytes(16).toString('base64');
        let nonceUsed = false;
        body = body.toString('utf8').replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
          if (name === 'NONCE') nonceUsed = true;
          const value = name === 'NONCE' ? nonce : (v as unknown as Record<string, string>)[name];
          if (value === undefined) throw new Error(`unknown placeholder {{${name}}}`);
          return attr(value);
        });
        headers['Content-Security-Policy'] = hostCsp(new URL(v.API_BASE).origin, nonceUsed ? nonce : undefined);
      }
      res.writeHead(200, headers).end(body);
    } catch (err) {
      const missing = err instanceof Error && (err.message === 'not found' || (err as NodeJS.ErrnoException).code === 'ENOENT');
      res.writeHead(missing ? 404 : 500, { 'Content-Type': 'text/plain' }).end(missing ? 'not found' : String(err));
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export interface Hostile {
  api: Started;
  /** The API's origin (A). */
  apiOrigin: string;
  /** The host site the API allows (B). */
  host: string;
  /** A host site the API does not allow (C). */
  stranger: string;
  vars: Vars;
  browser: Browser;
  /** GET a JSON resource from the API (from node: no CORS). */
  get: <T>(path: string) => Promise<T>;
  close: () => Promise<void>;
}

/** Starts origin A (API, demo seed, no rate limits, CORS for B only), B and C, and Chromium. */
export async function startHostile(label: string): Promise<Hostile> {
  assert.ok((await stat(join(CDN, 'hyeondap.js')).catch(() => null))?.isFile(), 'the build is missing: run node scripts/build.mjs first');
  const dataDir = mkdtempSync(join(tmpdir(), `hd-hostile-${label}-`));
  let vars: Vars | undefined;
  const current = () => {
    if (!vars) throw new Error('not ready');
    return vars;
  };
  const b = await startSite(current);
  const c = await startSite(current);
  const api = await startMain(dataDir, { env: { HD_RATE_LIMIT: '0', HD_CORS_ORIGINS: b.origin } });
  const apiBase = api.ready.apiBase;
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(apiBase + path);
    assert.equal(res.status, 200, path);
    return (await res.json()) as T;
  };
  const demo = api.ready.demo;
  assert.ok(demo, 'the demo seed did not load');
  const open = await get<{ startsAt: string }>(`/forums/${demo.openForumId}`);
  const reported = (await get<{ items: { id: string }[] }>('/forums?status=reported&order=desc&limit=1')).items[0];
  assert.ok(reported, 'the seed has no reported forum');
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul', year: 'numeric', month: '2-digit' }).format(new Date(open.startsAt));
  vars = {
    API_BASE: apiBase,
    LIVE: demo.liveForumId,
    CODE: demo.joinCode,
    OPEN: demo.openForumId,
    OPEN_MONTH: month,
    REPORTED: reported.id,
  };
  const browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
  return {
    api,
    apiOrigin: new URL(apiBase).origin,
    host: b.origin,
    stranger: c.origin,
    vars,
    browser,
    get,
    close: async () => {
      await browser.close().catch(() => {});
      await stop(api.child);
      for (const s of [b.server, c.server]) {
        s.closeAllConnections();
        await new Promise((ok) => s.close(ok));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A CSP or Trusted Types violation as the page's first script (probe.js) saw it. */
export interface Violation {
  directive: string;
  blocked: string;
  source: string;
  line: number;
  column: number;
  sample: string;
}

/**
 * Everything that went wrong on a page: uncaught errors, console errors (minus `expected`), and
 * the CSP/Trusted Types violations probe.js recorded (read with `violations()`).
 */
export function watch(page: Page, expected: RegExp[] = []): { problems: string[]; violations: () => Promise<Violation[]> } {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (expected.some((re) => re.test(text))) return;
    problems.push(`console: ${text} (${m.location().url}:${m.location().lineNumber})`);
  });
  return {
    problems,
    violations: () => page.evaluate(() => (window as unknown as { hostileProbe?: { violations: Violation[] } }).hostileProbe?.violations ?? []),
  };
}

/**
 * Screenshots at a phone and a desktop size: the full page (`<SHOTS>/<name>-390.png`, `-1920.png`)
 * and the viewport scrolled to each element of `ids` (`<name>-390-<id>.png`): what a reader sees there.
 */
export async function shoot(page: Page, name: string, ids: string[] = [], ready: () => Promise<void> = async () => {}): Promise<void> {
  for (const [w, h] of [
    [390, 844],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await ready();
    await page.screenshot({ path: join(SHOTS, `${name}-${w}.png`), fullPage: true, animations: 'disabled' });
    for (const id of ids) {
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView({ block: 'start' }), id);
      await ready();
      await page.screenshot({ path: join(SHOTS, `${name}-${w}-${id}.png`), animations: 'disabled' });
    }
    await page.evaluate(() => window.scrollTo(0, 0));
  }
}

/** What a person sees of an element's text and box, as computed. */
const PROPS = [
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'line-height',
  'letter-spacing',
  'word-spacing',
  'text-transform',
  'text-shadow',
  'text-align',
  'color',
  'background-color',
  'box-sizing',
  'margin-top',
  'margin-right',
  'margin-bottom',
  'margin-left',
  'padding-top',
  'padding-right',
  'padding-bottom',
  'padding-left',
  'border-top-width',
  'border-top-style',
  'border-left-width',
  'border-left-style',
  'border-top-left-radius',
  'fill',
  'stroke',
] as const;

export type Sample = Record<string, Record<string, string>>;

/**
 * Computed styles of what is inside each widget's shadow root: the first few elements of each kind
 * (controls, headings, text, links, list items, SVG shapes), keyed `<widget> <tag>#<n>`; controls
 * also with their rendered height.
 */
export function sampleInside(page: Page, widgets: readonly string[]): Promise<Sample> {
  return page.evaluate(
    ({ widgets, props }) => {
      const out: Record<string, Record<string, string>> = {};
      for (const id of widgets) {
        const root = document.getElementById(id)!.shadowRoot!;
        for (const tag of ['button', 'input', 'select', 'textarea', 'label', 'h2', 'h3', 'h4', 'p', 'a', 'li', 'dd', 'rect', 'text', 'path']) {
          Array.from(root.querySelectorAll(tag)).slice(0, 6).forEach((el, i) => {
            const cs = getComputedStyle(el);
            const s: Record<string, string> = {};
            for (const p of props) s[p] = cs.getPropertyValue(p);
            if (['button', 'input', 'select', 'textarea'].includes(tag)) s.height = `${Math.round(el.getBoundingClientRect().height)}px`;
            out[`${id} ${tag}#${i} “${(el.textContent ?? '').trim().slice(0, 20)}”`] = s;
          });
        }
      }
      return out;
    },
    { widgets: [...widgets], props: [...PROPS] },
  );
}

/**
 * The differences between two samples, one line per widget (or host element kind) and property:
 * how many elements differ and one example, e.g. `calendar font-style: 12 × (button#0 normal → italic)`.
 */
export function diff(a: Sample, b: Sample): string[] {
  const groups = new Map<string, { n: number; example: string }>();
  for (const key of Object.keys(a)) {
    if (!b[key]) continue;
    const [group, ...rest] = key.split(' ');
    for (const [p, v] of Object.entries(a[key]!)) {
      if (b[key]![p] === v) continue;
      const g = groups.get(`${group} ${p}`) ?? { n: 0, example: `${rest.join(' ')} ${v.slice(0, 40)} → ${b[key]![p]!.slice(0, 40)}` };
      g.n++;
      groups.set(`${group} ${p}`, g);
    }
  }
  return [...groups].map(([k, g]) => `${k}: ${g.n} × (${g.example})`);
}

/**
 * Follows a page's requests (live streams aside, they never end); `quiet()` resolves once none has
 * been in flight for `ms` (bounded by WAIT). Unlike Playwright's 'networkidle', which fires once
 * per page load, this also settles what a click started later.
 */
export function network(page: Page, ms = 1000): { quiet: () => Promise<void> } {
  const inflight = new Set<unknown>();
  let last = Date.now();
  const done = (r: import('playwright-core').Request) => {
    if (inflight.delete(r)) last = Date.now();
  };
  page.on('request', (r) => {
    if (r.resourceType() === 'eventsource') return;
    inflight.add(r);
    last = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    quiet: async () => {
      const until = Date.now() + WAIT.timeout;
      while (inflight.size > 0 || Date.now() - last < ms) {
        if (Date.now() > until) throw new Error(`the network did not settle: ${[...inflight].map((r) => (r as { url(): string }).url()).join(', ')}`);
        await new Promise((ok) => setTimeout(ok, 100));
      }
    },
  };
}

/** Scrolls through an element as a reader does (the loader and lazy charts wait for the viewport), then back to the top. */
export async function readThrough(page: Page, id: string): Promise<void> {
  const steps = await page.evaluate((id) => {
    const el = document.getElementById(id)!;
    const top = el.getBoundingClientRect().top + window.scrollY;
    return { top, height: el.getBoundingClientRect().height, screen: window.innerHeight };
  }, id);
  for (let y = steps.top; y < steps.top + steps.height; y += steps.screen / 2) {
    await page.evaluate((y) => window.scrollTo(0, y), y);
    await page.waitForTimeout(150);
  }
}
