/**
 * The reference server's command line: `npx tsx server/main.ts [--ready-json]`.
 *
 * Environment:
 *   PORT            8080 (0 = random)
 *   HOST            127.0.0.1
 *   HD_DATA_DIR     ./data (created)
 *   HD_DB_PATH      <data dir>/hyeondap.db (':memory:' allowed)
 *   HD_ADMIN_TOKEN  else generated once and kept in <data dir>/admin-token (mode 0600)
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
 *   HD_PURGE_INTERVAL seconds between personal-data purges (default 3600; also once at start)
 *
 * Tokens are never logged. The admin token is printed once when it was generated here; one
 * given in HD_ADMIN_TOKEN is not printed (whoever set it knows it).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { newToken } from './auth/tokens.ts';
import { startServer, type RunningServer } from './start.ts';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

function adminToken(dataDir: string): string {
  const fromEnv = process.env.HD_ADMIN_TOKEN?.trim();
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'admin-token');
  if (existsSync(file)) {
    const t = readFileSync(file, 'utf8').trim();
    if (t) return t;
  }
  const t = newToken('admin');
  writeFileSync(file, t + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return t;
}

async function main(): Promise<void> {
  const readyJson = process.argv.includes('--ready-json');
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0–65535, not "${process.env.PORT}".`);
  const host = process.env.HOST || '127.0.0.1';
  const dataDir = resolve(process.env.HD_DATA_DIR || './data');
  mkdirSync(dataDir, { recursive: true });
  const dbPath = process.env.HD_DB_PATH || join(dataDir, 'hyeondap.db');
  const seedEnv = (process.env.HD_SEED || 'demo').trim();
  if (seedEnv !== 'demo' && seedEnv !== 'none') throw new Error(`HD_SEED must be "demo" or "none", not "${seedEnv}".`);
  const rate = Number(process.env.HD_RATE_LIMIT ?? 300);
  if (!Number.isInteger(rate) || rate < 0) throw new Error(`HD_RATE_LIMIT must be a whole number, not "${process.env.HD_RATE_LIMIT}".`);
  const rateIp = Number(process.env.HD_RATE_LIMIT_IP ?? rate * 4);
  if (!Number.isInteger(rateIp) || rateIp < 0) throw new Error(`HD_RATE_LIMIT_IP must be a whole number, not "${process.env.HD_RATE_LIMIT_IP}".`);
  const trustEnv = (process.env.HD_TRUST_PROXY ?? '0').trim();
  if (trustEnv !== '0' && trustEnv !== '1' && trustEnv !== '') throw new Error(`HD_TRUST_PROXY must be 1 or 0, not "${trustEnv}".`);
  const joinLimit = Number(process.env.HD_JOIN_LIMIT ?? 500);
  if (!Number.isInteger(joinLimit) || joinLimit < 0) throw new Error(`HD_JOIN_LIMIT must be a whole number, not "${process.env.HD_JOIN_LIMIT}".`);
  const joinWindow = Number(process.env.HD_JOIN_WINDOW ?? 3600);
  if (!Number.isInteger(joinWindow) || joinWindow < 1) throw new Error(`HD_JOIN_WINDOW must be whole seconds (≥ 1), not "${process.env.HD_JOIN_WINDOW}".`);
  const purgeSeconds = Number(process.env.HD_PURGE_INTERVAL ?? 3600);
  if (!Number.isFinite(purgeSeconds) || purgeSeconds < 0) throw new Error(`HD_PURGE_INTERVAL must be seconds (0 = never), not "${process.env.HD_PURGE_INTERVAL}".`);
  const tokenFromEnv = Boolean(process.env.HD_ADMIN_TOKEN?.trim());
  const corsEnv = process.env.HD_CORS_ORIGINS?.split(',').map((s) => s.trim()).filter(Boolean);

  const opts = {
    port,
    host,
    dbPath,
    adminToken: adminToken(dataDir),
    staticRoot: PROJECT_ROOT,
    rateLimit: { perToken: rate, perIp: rateIp, trustProxy: trustEnv === '1' },
    joinLimit: { perAddress: joinLimit, windowSeconds: joinWindow },
    purgeIntervalMs: Math.round(purgeSeconds * 1000),
    purgeOnStart: purgeSeconds > 0,
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
    `  Admin token   ${tokenFromEnv ? '(from HD_ADMIN_TOKEN)' : server.adminToken}`,
    // The first thing an editor embedding the widgets on another site needs: is that site allowed?
    `  CORS origins  ${server.corsOrigins.join(', ')}`,
    `                ${corsEnv?.length ? '(from HD_CORS_ORIGINS)' : '(the defaults; a site embedding the widgets needs HD_CORS_ORIGINS=https://its.origin)'}`,
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
    // a token from HD_ADMIN_TOKEN is the parent's own: not echoed (tokens stay out of logs)
    console.log(`HD_READY ${JSON.stringify({ url: server.url, apiBase: server.apiBase, adminToken: tokenFromEnv ? undefined : server.adminToken, demo: server.demo })}`);
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
