// Browser tests: @open-wc/testing in headless Chromium, run against `src` through esbuild (no
// build first), with the REAL reference server (in-memory SQLite, demo seed) started once for
// the run and reached same-origin under /api through a streaming proxy (SSE passes unbuffered).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { countReporter } from './scripts/wtr-count-reporter.mjs';

// Chromium runs in UTC so the tests prove that dates are shown in Asia/Seoul regardless.
process.env.TZ = 'UTC';

const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-extensions',
  // Two test files run side by side in one browser: keep the background tab's timers and
  // animation frames running.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * Starts `server/main.ts` once, proxies `api` (/api) to it and serves `demoJson` (/__hd/demo.json).
 * `env` adds to the server's environment; `lazy` starts it on the first request instead of with
 * the test run.
 */
function referenceServer({ api = '/api', demoJson = '/__hd/demo.json', env = {}, lazy = false } = {}) {
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  /** @type {{ url: string, apiBase: string, adminToken: string, demo: Record<string, unknown> } | undefined} */
  let info;
  let failure;
  let resolveReady;
  const ready = new Promise((resolve) => (resolveReady = resolve));

  function start() {
    const adminToken = randomBytes(24).toString('hex');
    child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'server/main.ts', '--ready-json'], {
      // No rate limit: every test file talks to this one server from 127.0.0.1.
      env: { ...process.env, PORT: '0', HD_DB_PATH: ':memory:', HD_SEED: 'demo', HD_ADMIN_TOKEN: adminToken, HD_RATE_LIMIT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    const timer = setTimeout(() => {
      failure = new Error('The reference server did not print HD_READY within 60 s');
      resolveReady();
    }, 60_000);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      if (info) return;
      buffer += chunk;
      const line = buffer.split('\n').find((l) => l.startsWith('HD_READY '));
      if (!line) return;
      clearTimeout(timer);
      info = JSON.parse(line.slice('HD_READY '.length));
      info.adminToken ??= adminToken;
      resolveReady();
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      if (process.env.HD_SERVER_LOGS) process.stderr.write(`[server] ${chunk}`);
    });
    child.on('exit', (code) => {
      if (!info) {
        failure = new Error(`The reference server exited (${code}) before it was ready`);
        clearTimeout(timer);
        resolveReady();
      }
    });
  }

  /** Koa middleware: /__hd/demo.json and a streaming proxy for /api/*. */
  async function middleware(ctx, next) {
    if (ctx.path !== demoJson && ctx.path !== api && !ctx.path.startsWith(`${api}/`)) return next();
    if (!child) start();
    await ready;
    if (!info) {
      ctx.status = 503;
      ctx.body = String(failure?.message ?? 'reference server not running');
      return;
    }
    if (ctx.path === demoJson) {
      ctx.type = 'application/json';
      ctx.set('Cache-Control', 'no-store');
      ctx.body = JSON.stringify({ apiBase: api, adminToken: info.adminToken, demo: info.demo });
      return;
    }
    const upstreamBase = new URL(info.apiBase, info.url);
    const target = new URL(upstreamBase.pathname.replace(/\/$/, '') + ctx.url.slice(api.length), upstreamBase);
    ctx.respond = false; // we write the raw response ourselves, chunk by chunk
    const headers = { ...ctx.req.headers, host: target.host };
    delete headers['accept-encoding']; // keep SSE uncompressed and unbuffered
    await new Promise((resolve) => {
      const upstream = http.request(target, { method: ctx.method, headers }, (res) => {
        ctx.res.writeHead(res.statusCode ?? 502, res.headers);
        ctx.res.flushHeaders();
        res.on('data', (chunk) => ctx.res.write(chunk));
        res.on('end', () => {
          ctx.res.end();
          resolve();
        });
        res.on('error', () => {
          ctx.res.destroy();
          resolve();
        });
      });
      upstream.on('error', () => {
        if (!ctx.res.headersSent) ctx.res.writeHead(502, { 'content-type': 'text/plain' });
        ctx.res.end('bad gateway');
        resolve();
      });
      // When the browser goes away (EventSource.close), drop the upstream stream too.
      ctx.res.on('close', () => {
        upstream.destroy();
        resolve();
      });
      ctx.req.pipe(upstream);
    });
  }

  return {
    middleware,
    plugin: {
      name: `hd-reference-server${api}`,
      serverStart() {
        if (!lazy) start();
      },
      async serverStop() {
        if (child && child.exitCode === null) {
          child.kill('SIGTERM');
          await new Promise((resolve) => {
            const t = setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, 3_000);
            child.once('exit', () => {
              clearTimeout(t);
              resolve();
            });
          });
        }
      },
    },
  };
}

const server = referenceServer();
// A second server that takes one event stream per address: the tests of a refused stream (429)
// open two. Started when a test first asks for it.
const tight = referenceServer({ api: '/api-tight', demoJson: '/__hd/tight.json', env: { HD_STREAMS_PER_IP: '1' }, lazy: true });

/**
 * sql.js (SQLite in WebAssembly, the Storybook fake's database: stories/fake/sqlite.ts) ships its
 * browser build as a UMD script; Vite picks it by the `browser` condition and converts it, this
 * dev server does neither. Point `sql.js` at that build and give it the ES default export it
 * lacks (its `initSqlJs` is a top-level declaration) and the `module` variable it assigns.
 */
const sqlJsAsModule = {
  name: 'sql.js-as-module',
  resolveImport({ source }) {
    if (source === 'sql.js') return '/node_modules/sql.js/dist/sql-wasm-browser.js';
  },
  transform(context) {
    if (context.path.endsWith('/node_modules/sql.js/dist/sql-wasm-browser.js')) return { body: `var module;\n${context.body}\nexport default initSqlJs;\n` };
  },
};

export default {
  files: ['test/browser/**/*.test.ts'],
  nodeResolve: { exportConditions: ['development'] },
  // One test file at a time: a second file would run in a background tab, where Chromium
  // pauses layout, ResizeObserver and animation frames and reports the page as hidden, which the
  // widgets honour (the calendar refetches only while visible; the wall batches by frame).
  concurrency: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 15_000 } },
  middleware: [server.middleware, tight.middleware],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), sqlJsAsModule, server.plugin, tight.plugin],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  ],
  reporters: [defaultReporter(), countReporter({ file: '.test-results/browser.json' })],
};
