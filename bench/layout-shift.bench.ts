// Does the host page jump while the widgets load? Cumulative Layout Shift on the demo pages in
// headless Chromium against the reference server (in-process, demo seed), measured with a
// `layout-shift` PerformanceObserver registered before any script runs, on a phone and a
// projector-sized screen, with a slow network for the widgets' code and data (so the gap between
// "tag on the page" and "data shown" is long, as on a slow phone), and after scrolling to the
// bottom so widgets below the fold load too. Each shift is attributed: a shift counts as the
// widgets' when the nodes that moved are our elements or follow one of them in the page.
// Figures only; this never fails on a number.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../server/start.ts';

const root = join(import.meta.dirname, '..');
const server = await startServer({ seed: 'demo', staticRoot: root });
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions'],
});

interface Shift {
  value: number;
  byWidgets: boolean;
  nodes: string[];
}

/**
 * Registered before the page's own scripts: every layout shift with what moved. Plain JavaScript
 * text, not a function: tsx would wrap a function's inner names in helpers the page lacks.
 */
const observe = `(() => {
  const shifts = (window.__shifts = []);
  const describe = (node) =>
    node instanceof Element
      ? node.localName + (node.id ? '#' + node.id : '') + (typeof node.className === 'string' && node.className ? '.' + node.className.split(' ')[0] : '')
      : String(node && node.nodeName);
  // A node moved because of a widget when it is a widget, is inside one, or comes after one.
  const byWidgets = (node) =>
    !!node &&
    [...document.querySelectorAll('hd-forum-calendar, hd-signup-form, hd-idea-wall, hd-result-summary')].some(
      (w) => w === node || w.contains(node) || !!(w.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING),
    );
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      const nodes = (entry.sources || []).map((s) => s.node);
      shifts.push({ value: entry.value, byWidgets: nodes.some(byWidgets), nodes: nodes.map(describe) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
})();`;

// the signup page as the calendar's link opens it (with a forum); without one it asks to pick a forum
// the venue: each screen's own page (the chooser, /demo/venue.html, has no widget)
const pages = ['/', `/demo/signup.html?forum=${server.demo!.openForumId}`, '/demo/results.html', '/demo/venue-participant.html', '/demo/venue-facilitator.html', '/demo/venue-projector.html', '/demo/partner.html'];
const screens = [
  { name: 'phone 390×844', width: 390, height: 844 },
  { name: 'projector 1920×1080', width: 1920, height: 1080 },
];

console.log('\nLayout shift while the widgets load (CLS; 0.00 means nothing on the page moved)');
console.log('page                      screen               CLS total  from widgets  shifts');
for (const path of pages) {
  for (const screen of screens) {
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, locale: 'ko-KR' });
    const page = await context.newPage();
    await page.addInitScript({ content: observe });
    // A slow network for the widgets: their code and data arrive 600 ms after they are asked
    // for, well after the host page itself has painted (which is when a jump would show).
    await page.route(/\/(dist\/cdn\/chunks|api)\//, async (route) => {
      if (route.request().url().includes('/events')) return route.continue(); // the live stream stays open
      await new Promise((r) => setTimeout(r, 600));
      await route.continue();
    });
    const res = await page.goto(server.url + path, { waitUntil: 'load' });
    if (!res || res.status() !== 200) {
      console.log(`${path.split('?')[0]!.padEnd(25)} ${screen.name.padEnd(20)} (no such page)`);
      await context.close();
      continue;
    }
    await page.waitForTimeout(3000);
    // scroll down a screen at a time, so widgets below the fold load as a reader reaches them
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += screen.height / 2) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(300);
    }
    await page.waitForTimeout(2500);
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: Shift[] }).__shifts);
    const total = shifts.reduce((n, s) => n + s.value, 0);
    const ours = shifts.filter((s) => s.byWidgets).reduce((n, s) => n + s.value, 0);
    const detail = shifts.map((s) => `${s.value.toFixed(3)}${s.byWidgets ? '*' : ''} [${s.nodes.join(', ')}]`).join('; ');
    console.log(`${path.split('?')[0]!.padEnd(25)} ${screen.name.padEnd(20)} ${total.toFixed(2).padStart(9)}  ${ours.toFixed(2).padStart(12)}  ${detail || '-'}`);
    await context.close();
  }
}
console.log('(* = a shift attributed to the widgets)');
await browser.close();
await server.close();
