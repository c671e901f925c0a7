// <hd-forum-calendar> on the demo home page in headless Chromium against the reference server
// (in-process, demo seed, plus a crowded month): time to the first calendar with forums, time
// per month switch, and time to render a month with 150 forums. Figures only; never fails on
// a timing.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../server/start.ts';

const root = join(import.meta.dirname, '..');
const server = await startServer({ seed: 'demo', staticRoot: root });
const admin = async (path: string, body: unknown) => {
  const res = await fetch(`${server.apiBase}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
};
// A crowded month far ahead: 150 forums, five a day.
const CROWDED = '2031-03';
for (let i = 0; i < 150; i++) {
  const day = String(1 + (i % 30)).padStart(2, '0');
  const hour = String(9 + Math.floor(i / 30) * 2).padStart(2, '0');
  await admin('/forums', {
    title: `벤치마크 토론회 ${i + 1}`,
    summary: '',
    district: '금곡동',
    venue: { name: '남양주시청', address: '경기도 남양주시 경춘로 1037' },
    startsAt: `${CROWDED}-${day}T${hour}:00:00+09:00`,
    endsAt: `${CROWDED}-${day}T${hour}:59:00+09:00`,
    capacity: 30,
  });
}

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions'],
});
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const firstPaint: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.goto(`${server.url}/`);
    await page.waitForFunction(() => document.querySelector('hd-forum-calendar')?.shadowRoot?.querySelector('[role="grid"][aria-busy="false"]'));
    firstPaint.push(Date.now() - t0);
  }
  const switches: number[] = await page.evaluate(async () => {
    const cal = document.querySelector('hd-forum-calendar')!;
    const out: number[] = [];
    for (let i = 0; i < 12; i++) {
      const t0 = performance.now();
      cal.shadowRoot!.querySelectorAll<HTMLButtonElement>('.nav button')[1]!.click();
      await (cal as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      while (!cal.shadowRoot!.querySelector('[role="grid"][aria-busy="false"]')) await new Promise((r) => setTimeout(r, 1));
      out.push(performance.now() - t0);
    }
    return out;
  });
  const crowded: number[] = await page.evaluate(async (month) => {
    const cal = document.querySelector('hd-forum-calendar')!;
    const out: number[] = [];
    for (let i = 0; i < 5; i++) {
      cal.setAttribute('month', '2031-01');
      await (cal as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      const t0 = performance.now();
      cal.setAttribute('month', month);
      while (cal.shadowRoot!.querySelectorAll('.chip').length < 60 || cal.shadowRoot!.querySelector('[role="grid"][aria-busy="true"]')) {
        await new Promise((r) => setTimeout(r, 1));
      }
      out.push(performance.now() - t0);
    }
    return out;
  }, CROWDED);
  console.log('\n<hd-forum-calendar> on the demo page (median)');
  console.log(`  page load → calendar with forums     ${median(firstPaint)} ms  (5 loads)`);
  console.log(`  next month, fetch + render            ${median(switches).toFixed(1)} ms  (12 months, each fetched for the first time)`);
  console.log(`  month with 150 forums, fetch + render ${median(crowded).toFixed(1)} ms  (5 runs; second and later from the shared cache)`);
} finally {
  await browser.close();
  await server.close();
}
