/**
 * Start the reference server in-process: `startServer()` is what the CLI (main.ts), the
 * server tests, the conformance tests and the browser-test config use.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import type { Kysely } from 'kysely';
import { createApp } from './app.ts';
import { serveFiles } from './http/static.ts';
import { compressed } from './http/compress.ts';
import type { Deps } from './context.ts';
import { openDatabase } from './db/database.ts';
import type { DB } from './db/schema.ts';
import { hashToken, newToken } from './auth/tokens.ts';
import { purgeIdempotencyKeys } from './http/idempotency.ts';
import { WriteLimits } from './http/ratelimit.ts';
import { JoinQuota } from './http/join-quota.ts';
import { purgeExpiredPersonalData, PURGE_INTERVAL_MS } from './model/personal-data.ts';
import { EventLog } from './live/eventlog.ts';
import { InProcessFanout } from './live/fanout.ts';
import { SseHub } from './live/sse.ts';
import { DEFAULT_STREAMS_PER_ADDRESS, defaultCaps, StreamCaps } from './live/caps.ts';
import { closeExpiredRounds } from './model/voting.ts';
import { hiddenIdeaIds } from './model/idea.ts';

import type { DemoInfo } from './seed/types.ts';

export type { DemoInfo };

export interface RunningServer {
  /** http://127.0.0.1:PORT */
  url: string;
  /** url + '/api' */
  apiBase: string;
  adminToken: string;
  demo: DemoInfo | null;
  /** The server's database (tests inspect what was stored). */
  db: Kysely<DB>;
  /** The origins whose pages may call the API (CORS): `corsOrigins`, else the defaults. */
  readonly corsOrigins: string[];
  /** The Node HTTP server (tests watch its sockets). */
  httpServer: Server;
  close(): Promise<void>;
}

export interface StartOptions {
  /** 0 = a random free port (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default ':memory:'. */
  dbPath?: string;
  /** 'demo' loads the demo seed into an empty database. Default 'none'. */
  seed?: 'demo' | 'none';
  /** Default: a fresh random admin token. */
  adminToken?: string;
  /** Default: the server's own origin (localhost and 127.0.0.1) and http://localhost:6006 (Storybook). */
  corsOrigins?: string[];
  /** Project root to serve demo/ and dist/ from; null (default) = API only. */
  staticRoot?: string | null;
  /**
   * The server's public base URL (`https://forum.example.kr`), for absolute links it writes;
   * default its own listening URL. Never taken from a request's `Host`.
   */
  publicUrl?: string;
  /**
   * The page that shows one forum to a person, `{id}` standing for its id (calendar files link
   * there); default `<publicUrl>/demo/signup.html?forum={id}`, the demo's page for one forum.
   */
  forumPageUrl?: string;
  /** SSE heartbeat interval, default 15000 ms. */
  heartbeatMs?: number;
  /**
   * Concurrent event streams per client address (429 beyond) and in all (503 beyond); 0 = no cap.
   * Defaults: 600 per address (300 people behind one NAT, two tabs each), and half the process's
   * open-file limit, at most 10,000, in all.
   */
  streams?: { perAddress?: number; total?: number };
  /** Connections of any kind; past it new ones are closed at once. Default: the open-file limit − 256. */
  maxConnections?: number;
  /**
   * The HTTP server's timeouts, ms: the request head (default 20 s), the whole request (30 s; an
   * event stream is a request long received, so it is not cut), an idle keep-alive connection
   * (5 s), a connection with no traffic at all (120 s; streams send a heartbeat every 15 s), and how
   * often the first two are checked (default 5 s).
   */
  timeouts?: { headersMs?: number; requestMs?: number; keepAliveMs?: number; idleMs?: number; checkEveryMs?: number };
  /** The clock (tests, the demo seed). */
  now?: () => Date;
  /** Live events kept per forum for resume (default 5000). */
  eventRetainPerForum?: number;
  /**
   * Signups, joins, ideas and votes per minute, per IP and per token alike (the short form of
   * `rateLimit`); 0/undefined = no limit.
   */
  rateLimitPerMinute?: number;
  /**
   * Separate limits per bearer token and per client IP, join attempts per client IP and forum, and
   * whether to trust X-Forwarded-For. Overrides rateLimitPerMinute (which leaves joins unlimited).
   */
  rateLimit?: { perToken?: number; perIp?: number; joinsPerIp?: number; trustProxy?: boolean };
  /**
   * New participants one address may create per forum (`perAddress`, refilled per
   * `windowSeconds`, default 3600); beyond it a join is 429. Absent or 0 = no limit (the CLI's
   * default is HD_JOIN_LIMIT=500). The address follows `rateLimit.trustProxy`.
   */
  joinLimit?: { perAddress: number; windowSeconds?: number };
  /**
   * How often the personal-data purge runs (anonymises registrations past the consent's
   * retention period); default hourly, 0 = never (tests call purgeExpiredPersonalData themselves).
   */
  purgeIntervalMs?: number;
  /** Also purge once right after start (the CLI does). Default false. */
  purgeOnStart?: boolean;
}

/** `meta` key holding the demo's DemoInfo (JSON). */
export const DEMO_META_KEY = 'demo';

const MAINTENANCE_MS = 10 * 60 * 1000;

async function readDemo(db: Kysely<DB>): Promise<DemoInfo | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', DEMO_META_KEY).executeTakeFirst();
  return row ? (JSON.parse(row.value) as DemoInfo) : null;
}

async function loadDemo(db: Kysely<DB>, now: Date): Promise<DemoInfo> {
  const gen = new URL('./seed/generate.ts', import.meta.url);
  const load = new URL('./seed/load.ts', import.meta.url);
  if (!existsSync(gen) || !existsSync(load)) {
    throw new Error('The demo seed is not available (server/seed/generate.ts and server/seed/load.ts are missing); start with seed "none".');
  }
  const { generateDemoSeed } = (await import(gen.href)) as { generateDemoSeed: (now: Date) => unknown };
  const { loadSeed } = (await import(load.href)) as { loadSeed: (db: Kysely<DB>, data: unknown) => Promise<DemoInfo> };
  const demo = await loadSeed(db, generateDemoSeed(now));
  // NOTE: the demo facilitator token is kept in plaintext here — for the demo seed ONLY,
  // so that a restarted demo server can print it again (a hash cannot be reversed).
  await db
    .insertInto('meta')
    .values({ key: DEMO_META_KEY, value: JSON.stringify(demo) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(demo) }))
    .execute();
  return demo;
}

function writeLimits(opts: StartOptions): WriteLimits | null {
  const short = opts.rateLimitPerMinute ?? 0;
  const perToken = opts.rateLimit?.perToken ?? short;
  const perIp = opts.rateLimit?.perIp ?? short;
  const limits = new WriteLimits({ perToken, perIp, joinsPerIp: opts.rateLimit?.joinsPerIp ?? 0, trustProxy: opts.rateLimit?.trustProxy ?? false });
  return limits.active ? limits : null;
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const now = opts.now ?? (() => new Date());
  const host = opts.host ?? '127.0.0.1';
  const database = await openDatabase(opts.dbPath ?? ':memory:');
  const { db } = database;

  let demo: DemoInfo | null = null;
  try {
    if (opts.seed === 'demo') {
      const any = await db.selectFrom('forums').select('id').limit(1).executeTakeFirst();
      demo = any ? await readDemo(db) : await loadDemo(db, now());
    } else {
      demo = await readDemo(db);
    }
  } catch (err) {
    await database.close();
    throw err;
  }

  const adminToken = opts.adminToken ?? newToken('admin');
  const fanout = new InProcessFanout();
  const events = new EventLog(db, fanout, opts.eventRetainPerForum !== undefined ? { retainPerForum: opts.eventRetainPerForum } : {});
  const sse = new SseHub(fanout, events, opts.heartbeatMs ?? 15000, now, (forumId) => hiddenIdeaIds(db, forumId));
  const caps = defaultCaps();
  const corsOrigins = new Set(opts.corsOrigins ?? []);
  const deps: Deps = {
    db,
    fanout,
    events,
    sse,
    now,
    adminTokenHash: hashToken(adminToken),
    corsOrigins,
    links: { publicUrl: '', forumPage: '' },
    inFlight: new Map(),
    rateLimits: writeLimits(opts),
    joinQuota: opts.joinLimit?.perAddress
      ? new JoinQuota({ ...opts.joinLimit, trustProxy: opts.rateLimit?.trustProxy ?? false })
      : null,
    streamCaps: new StreamCaps({ perAddress: opts.streams?.perAddress ?? DEFAULT_STREAMS_PER_ADDRESS, total: opts.streams?.total ?? caps.streams }),
    trustProxy: opts.rateLimit?.trustProxy ?? false,
  };
  const app = createApp(deps);
  serveFiles(app, opts.staticRoot ?? null);

  const t = opts.timeouts ?? {};
  const serverOptions = {
    // a slow client (or one that never finishes) cannot hold a connection for ever
    headersTimeout: t.headersMs ?? 20_000,
    requestTimeout: t.requestMs ?? 30_000,
    connectionsCheckingInterval: t.checkEveryMs ?? 5_000,
  };
  const server = await new Promise<Server>((resolve, reject) => {
    // text answers go out compressed (Node's zlib: outside the app, which also runs in browsers)
    const fetch = async (req: Request, env: unknown) => compressed(req, await app.fetch(req, env));
    const s = serve({ fetch, port: opts.port ?? 0, hostname: host, serverOptions }, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  });
  server.keepAliveTimeout = t.keepAliveMs ?? 5000;
  server.timeout = t.idleMs ?? 120_000;
  server.maxConnections = opts.maxConnections ?? caps.connections;
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const url = `http://${urlHost}:${port}`;
  deps.links.publicUrl = (opts.publicUrl ?? url).replace(/\/+$/, '');
  deps.links.forumPage = opts.forumPageUrl ?? `${deps.links.publicUrl}/demo/signup.html?forum={id}`;
  if (!opts.corsOrigins) {
    corsOrigins.add(`http://127.0.0.1:${port}`);
    corsOrigins.add(`http://localhost:${port}`);
    corsOrigins.add('http://localhost:6006');
  }

  const maintenance = setInterval(() => {
    void purgeIdempotencyKeys(db, now()).catch(() => {});
    void events.pruneAll().catch(() => {});
    deps.rateLimits?.sweep();
    deps.joinQuota?.sweep();
  }, MAINTENANCE_MS);
  maintenance.unref();

  // time-boxed voting rounds: close them (and tell live clients) once their time is up
  let sweeping = false;
  const votingTimer = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    closeExpiredRounds(deps)
      .catch(() => {})
      .finally(() => {
        sweeping = false;
      });
  }, 1000);
  votingTimer.unref();

  // personal data past its retention period: anonymised by a scheduled job (with purgeOnStart,
  // also right after start, so a server restarted more often than the interval still purges)
  const purgeEvery = opts.purgeIntervalMs ?? PURGE_INTERVAL_MS;
  let purge: Promise<void> | null = null;
  let stopped = false;
  const runPurge = () => {
    if (purge || stopped) return;
    purge = purgeExpiredPersonalData(db, now())
      .then(() => {}, (err: unknown) => console.error(`[hyeondap] personal-data purge failed: ${err instanceof Error ? err.message : 'unknown'}`))
      .finally(() => {
        purge = null;
      });
  };
  const purgeTimer = purgeEvery > 0 ? setInterval(runPurge, purgeEvery) : null;
  purgeTimer?.unref();
  const firstPurge = purgeEvery > 0 && opts.purgeOnStart ? setTimeout(runPurge, 0) : null;
  firstPurge?.unref();

  let closing: Promise<void> | null = null;
  return {
    url,
    apiBase: `${url}/api`,
    adminToken,
    demo,
    db,
    get corsOrigins() {
      return [...corsOrigins];
    },
    httpServer: server,
    close() {
      closing ??= (async () => {
        clearInterval(maintenance);
        clearInterval(votingTimer);
        stopped = true;
        if (purgeTimer) clearInterval(purgeTimer);
        if (firstPurge) clearTimeout(firstPurge);
        await purge;
        sse.closeAll();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await database.close();
      })();
      return closing;
    },
  };
}
