/**
 * The reference server's command line: `npx tsx server/main.ts [--ready-json]`.
 *
 * Environment:
 *   PORT            8080 (0 = random)
 *   HOST            127.0.0.1
 *   HD_DATA_DIR     ./data (created 0700; the database, its -wal and -shm, and admin-token 0600)
 *   HD_DB_PATH      <data dir>/hyeondap.db (':memory:' allowed)
 *   HD_ADMIN_TOKEN  else generated once and kept in <data dir>/admin-token (mode 0600), printed
 *                   on the start that generates it only
 *   HD_CORS_ORIGINS comma-separated allow-list (default: this server's own origin on
 *                   localhost and 127.0.0.1, and http://localhost:6006 for Storybook)
 *   HD_SEED         demo (default: load the demo into an empty database) | none
 *   HD_RATE_LIMIT   signups, joins, ideas and votes per minute per token (default 300; 0 = off)
 *   HD_RATE_LIMIT_IP the same per client IP, with or without a token (default 4 × HD_RATE_LIMIT:
 *                   a venue's phones share one address; 0 = off)
 *   HD_TRUST_PROXY  1 = take the client IP from X-Forwarded-For (only behind your own proxy)
 *   HD_JOIN_LIMIT   new participants per client address per forum (default 500: a venue's 300+
 *                   phones behind one NAT address; 0 = off); a browser joining again is not new
 *   HD_JOIN_WINDOW  seconds in which that allowance refills (default 3600)
 *   HD_JOIN_ATTEMPTS join attempts per minute per client address per forum, right code or wrong
 *                   (default 600; 0 = off)
 *   HD_STREAMS_PER_IP concurrent event streams per client address (default 600: a 300-person venue
 *                   behind one NAT, two tabs each; 429 + Retry-After beyond; 0 = no cap)
 *   HD_MAX_STREAMS  concurrent event streams in all (default half the open-file limit, at most
 *                   10,000; 503 + Retry-After beyond; 0 = no cap)
 *   HD_MAX_CONNECTIONS connections of any kind (default the open-file limit − 256; new ones past it
 *                   are closed at once)
 *   HD_PUBLIC_URL   public base URL for the absolute links the server writes (default its own
 *                   URL; never the request's Host)
 *   HD_FORUM_PAGE_URL the page that shows one forum, {id} for its id (calendar files link there;
 *                   default <public URL>/demo/signup.html?forum={id})
 *   HD_PURGE_INTERVAL seconds between personal-data purges (default 3600; also once at start)
 *
 * Fixed: bodies 64 KB (counted as they stream), JSON only (415), 16 deep, dates 2000–2100; HTTP
 * timeouts head 20 s, request 30 s (event streams are not cut), keep-alive 5 s, idle 120 s.
 *
 * Tokens are never logged. The admin token is printed once when it was generated here; one
 * given in HD_ADMIN_TOKEN is not printed (whoever set it knows it).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newToken } from './auth/tokens.ts';
import { DEFAULT_STREAMS_PER_ADDRESS, defaultCaps } from './live/caps.ts';
import { startServer, type RunningServer } from './start.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The admin token: from HD_ADMIN_TOKEN, else kept in the data dir (generated on first start). */
function adminToken(dataDir: string): { token: string; created: boolean } {
  const fromEnv = process.env.HD_ADMIN_TOKEN?.trim();
  if (fromEnv) return { token: fromEnv, created: false };
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    const t = readFileSync(file, 'utf8').trim();
    if (t) return { token: t, created: false };
  }
  const t = newToken('admin');
  writeFileSync(file, t + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token: t, created: true };
}

/**
 * The data folder 0700 and the database files in it 0600 (SQLite gives its -wal and -shm files
 * the database file's mode). A folder we did not create is left as it is, with a warning when
 * others may read it: HD_DATA_DIR may name a folder that holds more than ours.
 */
function protectData(dataDir: string, dbPath: string): void {
  const created = mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (created !== undefined) chmodSync(dataDir, 0o700);
  else if ((statSync(dataDir).mode & 0o077) !== 0) console.warn(`[hyeondap] ${dataDir} can be read by other users; chmod 700 it.`);
  if (dbPath === ':memory:') return;
  for (const file of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}-journal`]) if (existsSync(file)) chmodSync(file, 0o600);
}

/** An absolute http(s) URL from the environment, or undefined when unset. */
function httpUrl(name: string, value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v.replaceAll('{id}', 'id'));
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, not "${v}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an absolute http(s) URL, not "${v}".`);
  return v;
}

async function main(): Promise<void> {
  const readyJson = process.argv.includes('--ready-json');
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, not "${process.env.PORT}".`);
  const host = process.env.HOST || '127.0.0.1';
  const dataDir = resolve(process.env.HD_DATA_DIR || './data');
  const dbPath = process.env.HD_DB_PATH || join(dataDir, 'hyeondap.db');
  // files this process creates (the database, its -wal and -shm) are for its own user only
  process.umask(0o077);
  protectData(dataDir, dbPath);
  const seedEnv = (process.env.HD_SEED || 'demo').trim();
  if (seedEnv !== 'demo' && seedEnv !== 'none') throw new Error(`HD_SEED must be "demo" or "none", not "${seedEnv}".`);
  const rate = Number(process.env.HD_RATE_LIMIT ?? 300);
  if (!Number.isInteger(rate) || rate < 0) throw new Error(`HD_RATE_LIMIT must be a whole number, not "${process.env.HD_RATE_LIMIT}".`);
  const rateIp = Number(process.env.HD_RATE_LIMIT_IP ?? rate * 4);
  if (!Number.isInteger(rateIp) || rateIp < 0) throw new Error(`HD_RATE_LIMIT_IP must be a whole number, not "${process.env.HD_RATE_LIMIT_IP}".`);
  const count = (name: string, fallback: number) => {
    const raw = process.env[name]?.trim();
    const n = raw ? Number(raw) : fallback;
    if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number, not "${raw}".`);
    return n;
  };
  const joinAttempts = count('HD_JOIN_ATTEMPTS', 600);
  const caps = defaultCaps();
  const streams = { perAddress: count('HD_STREAMS_PER_IP', DEFAULT_STREAMS_PER_ADDRESS), total: count('HD_MAX_STREAMS', caps.streams) };
  const maxConnections = count('HD_MAX_CONNECTIONS', caps.connections);
  const trustEnv = (process.env.HD_TRUST_PROXY ?? '0').trim();
  if (trustEnv !== '0' && trustEnv !== '1' && trustEnv !== '') throw new Error(`HD_TRUST_PROXY must be 1 or 0, not "${trustEnv}".`);
  const joinLimit = Number(process.env.HD_JOIN_LIMIT ?? 500);
  if (!Number.isInteger(joinLimit) || joinLimit < 0) throw new Error(`HD_JOIN_LIMIT must be a whole number, not "${process.env.HD_JOIN_LIMIT}".`);
  const joinWindow = Number(process.env.HD_JOIN_WINDOW ?? 3600);
  if (!Number.isInteger(joinWindow) || joinWindow < 1) throw new Error(`HD_JOIN_WINDOW must be whole seconds (≥ 1), not "${process.env.HD_JOIN_WINDOW}".`);
  const purgeSeconds = Number(process.env.HD_PURGE_INTERVAL ?? 3600);
  if (!Number.isFinite(purgeSeconds) || purgeSeconds < 0) throw new Error(`HD_PURGE_INTERVAL must be seconds (0 = never), not "${process.env.HD_PURGE_INTERVAL}".`);
  const publicUrl = httpUrl('HD_PUBLIC_URL', process.env.HD_PUBLIC_URL);
  const forumPageUrl = httpUrl('HD_FORUM_PAGE_URL', process.env.HD_FORUM_PAGE_URL);
  if (forumPageUrl && !forumPageUrl.includes('{id}')) throw new Error('HD_FORUM_PAGE_URL must contain {id} where the forum id goes.');
  const tokenFromEnv = Boolean(process.env.HD_ADMIN_TOKEN?.trim());
  const admin = adminToken(dataDir);
  const corsEnv = process.env.HD_CORS_ORIGINS?.split(',').map((s) => s.trim()).filter(Boolean);

  const opts = {
    port,
    host,
    dbPath,
    adminToken: admin.token,
    staticRoot: PROJECT_ROOT,
    rateLimit: { perToken: rate, perIp: rateIp, joinsPerIp: joinAttempts, trustProxy: trustEnv === '1' },
    joinLimit: { perAddress: joinLimit, windowSeconds: joinWindow },
    streams,
    maxConnections,
    purgeIntervalMs: Math.round(purgeSeconds * 1000),
    purgeOnStart: purgeSeconds > 0,
    ...(publicUrl ? { publicUrl } : {}),
    ...(forumPageUrl ? { forumPageUrl } : {}),
    ...(corsEnv?.length ? { corsOrigins: corsEnv } : {}),
  };
  let server: RunningServer;
  try {
    server = await startServer({ ...opts, seed: seedEnv });
  } catch (err) {
    if (seedEnv === 'demo' && !process.env.HD_SEED && /demo seed is not available/.test(String(err))) {
      console.warn('[hyeondap] demo seed not available; starting with an empty database.');
      server = await startServer({ ...opts, seed: 'none' });
    } else {
      throw err;
    }
  }

  const lines = [
    '',
    '  Hyeondap reference server',
    `  URL           ${server.url}/`,
    `  API           ${server.apiBase}`,
    // printed once, when it is made; after that it is in the file (tokens stay out of logs)
    `  Admin token   ${tokenFromEnv ? '(from HD_ADMIN_TOKEN)' : admin.created ? `${server.adminToken}  (new; shown only now, kept in ${join(dataDir, 'admin-token')})` : `(in ${join(dataDir, 'admin-token')})`}`,
    // The first thing an editor embedding the widgets on another site needs: is that site allowed?
    `  CORS origins  ${server.corsOrigins.join(', ')}`,
    `                ${corsEnv?.length ? '(from HD_CORS_ORIGINS)' : '(the defaults; a site embedding the widgets needs HD_CORS_ORIGINS=https://its.origin)'}`,
    `  Console       ${server.url}/demo/console.html  (operators sign in there with a token)`,
  ];
  if (server.demo) {
    const code = encodeURIComponent(server.demo.joinCode);
    lines.push(
      `  Live forum    ${server.demo.liveForumId}  (join code ${server.demo.joinCode})`,
      `  Facilitator   ${server.demo.facilitatorToken}`,
      `  Open forum    ${server.demo.openForumId}`,
      '',
      '  The venue, one page per screen (the facilitator page asks for the token above):',
      `  Choose        ${server.url}/demo/venue.html?code=${code}`,
      `  Phone         ${server.url}/demo/venue-participant.html?code=${code}&table=1`,
      `  Tablet        ${server.url}/demo/venue-facilitator.html`,
      `  Big screen    ${server.url}/demo/venue-projector.html?code=${code}`,
    );
  }
  lines.push('');
  console.log(lines.join('\n'));
  if (readyJson) {
    // the admin token only when it was made now: one from HD_ADMIN_TOKEN is the parent's own,
    // one from an earlier start is in the data dir (tokens stay out of logs)
    console.log(`HD_READY ${JSON.stringify({ url: server.url, apiBase: server.apiBase, adminToken: admin.created ? server.adminToken : undefined, demo: server.demo })}`);
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[hyeondap] ${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 5000);
    force.unref();
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(`[hyeondap] could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
