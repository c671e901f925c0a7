// One hostile client against the reference server as `npm start` runs it (default caps, loopback,
// bounded, stops by itself), and how an ordinary reader fares meanwhile:
//   1. 2,000 event-stream connections from one address: how many are let in, how many refused
//      (429 / 503, with Retry-After), and GET /forums latency while they pile up and hold;
//   2. a 200 MiB chunked upload with no length to a public write endpoint: the answer, how much
//      the client got to send, the server's RSS before and after;
//   3. four clients looping signups nested 4,500 deep (27 KB each): what they get, and GET /forums
//      latency meanwhile.
// Prints figures; never fails on one. `npm run bench -- server-hostile` runs just this.
//
//   node --import tsx bench/server-hostile.bench.ts [--quick]
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const QUICK = process.argv.includes('--quick');
const STREAMS = QUICK ? 800 : 2000;
const UPLOAD = (QUICK ? 50 : 200) * 1024 * 1024;
const DEEP_SECONDS = QUICK ? 2 : 5;
const HARD_STOP_MS = 4 * 60 * 1000;

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : '—');
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `median ${ms(percentile(s, 50))}, p95 ${ms(percentile(s, 95))}, max ${ms(s[s.length - 1] ?? NaN)} (${s.length} requests)`;
};

/** The server's resident memory in MB (Linux), or NaN. */
function rssMb(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function ready(child: ChildProcess): Promise<{ url: string; apiBase: string }> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no HD_READY: ${out.slice(-400)}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^HD_READY (.+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(JSON.parse(m[1]!));
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out.slice(-400)}`)));
  });
}

function request(url: string, opts: http.RequestOptions = {}, body?: string): Promise<{ status: number; text: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { agent: false, ...opts }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** GET /forums every `gapMs` until `stop()`; the latencies. */
function reader(apiBase: string, gapMs: number) {
  const latencies: number[] = [];
  let errors = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const t = performance.now();
      try {
        const r = await request(`${apiBase}/forums?limit=20`);
        if (r.status === 200) latencies.push(performance.now() - t);
        else errors++;
      } catch {
        errors++;
      }
      await new Promise((r) => setTimeout(r, gapMs));
    }
  })();
  return {
    latencies,
    get errors() {
      return errors;
    },
    async stop() {
      running = false;
      await done;
    },
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-bench-hostile-'));
  const adminToken = 'hda_' + randomBytes(24).toString('base64url');
  // the caps are the defaults; only the write rate limit is off (the bench creates forums)
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--ready-json'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', HD_DATA_DIR: dataDir, HD_SEED: 'demo', HD_ADMIN_TOKEN: adminToken, HD_RATE_LIMIT: '0', HD_PURGE_INTERVAL: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const hard = setTimeout(() => {
    console.error('server-hostile: hard time limit reached; stopping');
    server.kill('SIGKILL');
    process.exit(1);
  }, HARD_STOP_MS);
  hard.unref();
  const rows: [string, string][] = [];
  try {
    const { apiBase } = await ready(server);
    const pid = server.pid!;
    const forums = JSON.parse((await request(`${apiBase}/forums?status=live&limit=1`)).text) as { items: { id: string }[] };
    const forumId = forums.items[0]!.id;

    // warm-up and the baseline
    const base = reader(apiBase, 20);
    await new Promise((r) => setTimeout(r, QUICK ? 1000 : 2000));
    await base.stop();
    rows.push(['GET /forums, nobody else', summary(base.latencies)]);

    // 1. many streams from one address
    const rssBeforeStreams = rssMb(pid);
    const during = reader(apiBase, 20);
    const statuses = new Map<string, number>();
    let withRetryAfter = 0;
    const held: http.ClientRequest[] = [];
    const connect = () =>
      new Promise<void>((resolve) => {
        const req = http.get(`${apiBase}/forums/${forumId}/events`, { agent: false, headers: { Accept: 'text/event-stream' } }, (res) => {
          const key = String(res.statusCode);
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (res.statusCode !== 200) {
            if (res.headers['retry-after']) withRetryAfter++;
            res.resume();
          }
          resolve();
        });
        req.on('error', () => {
          statuses.set('error', (statuses.get('error') ?? 0) + 1);
          resolve();
        });
        held.push(req);
      });
    const t0 = performance.now();
    for (let i = 0; i < STREAMS; i += 100) await Promise.all(Array.from({ length: Math.min(100, STREAMS - i) }, connect));
    const openedIn = performance.now() - t0;
    await new Promise((r) => setTimeout(r, QUICK ? 1000 : 3000)); // held open, heartbeats flowing
    await during.stop();
    const rssStreams = rssMb(pid);
    for (const req of held) req.destroy();
    const counts = [...statuses.entries()].sort().map(([k, v]) => `${v} × ${k}`).join(', ');
    rows.push([`${STREAMS} stream connections from one address`, `${counts}; ${withRetryAfter} refusals with Retry-After; all asked in ${(openedIn / 1000).toFixed(1)} s`]);
    rows.push(['GET /forums meanwhile', `${summary(during.latencies)}, ${during.errors} errors`]);
    rows.push(['server RSS with them held', `${rssBeforeStreams.toFixed(0)} → ${rssStreams.toFixed(0)} MB`]);
    await new Promise((r) => setTimeout(r, 500));

    // 2. a chunked upload with no length
    const rssBeforeUpload = rssMb(pid);
    let peak = rssBeforeUpload;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
    const up = await new Promise<{ status: string; sent: number; ms: number }>((resolve) => {
      const u = new URL(`${apiBase}/forums/${forumId}/participants`);
      const socket = net.connect(Number(u.port), u.hostname);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const frame = Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from('\r\n')]);
      let sent = 0;
      let answer = '';
      let done = false;
      const t = performance.now();
      const finish = () => {
        if (done) return;
        done = true;
        socket.destroy();
        resolve({ status: answer.split('\r\n')[0] ?? '(none)', sent, ms: performance.now() - t });
      };
      socket.on('data', (d) => (answer += d.toString('latin1')));
      socket.on('close', finish);
      socket.on('error', finish);
      socket.write(`POST ${u.pathname} HTTP/1.1\r\nHost: ${u.host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`);
      const pump = () => {
        while (!done && sent < UPLOAD) {
          sent += chunk.length;
          if (!socket.write(frame)) return void socket.once('drain', pump);
        }
        if (!done) socket.end('0\r\n\r\n');
      };
      pump();
    });
    clearInterval(sampler);
    rows.push([
      `${UPLOAD / 1024 / 1024} MiB chunked upload, no length`,
      `${up.status}; the client got ${(up.sent / 1024 / 1024).toFixed(1)} MiB out before the server closed (${ms(up.ms)}); server RSS ${rssBeforeUpload.toFixed(0)} → peak ${peak.toFixed(0)} MB`,
    ]);

    // 3. deep JSON in a loop
    const deep = '{"a":'.repeat(4500) + '1' + '}'.repeat(4500);
    const open = JSON.parse((await request(`${apiBase}/forums?status=open&limit=1`)).text) as { items: { id: string }[] };
    const deepReader = reader(apiBase, 20);
    const deepStatuses = new Map<number, number>();
    const until = performance.now() + DEEP_SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (performance.now() < until) {
          const r = await request(`${apiBase}/forums/${open.items[0]!.id}/registrations`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomBytes(8).toString('hex') } }, deep);
          deepStatuses.set(r.status, (deepStatuses.get(r.status) ?? 0) + 1);
        }
      }),
    );
    await deepReader.stop();
    rows.push([
      `4 clients looping ${(deep.length / 1024).toFixed(0)} KB bodies 4,500 deep for ${DEEP_SECONDS} s`,
      [...deepStatuses.entries()].map(([s, n]) => `${n} × ${s}`).join(', '),
    ]);
    rows.push(['GET /forums meanwhile', `${summary(deepReader.latencies)}, ${deepReader.errors} errors`]);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log('\nOne hostile client, the reference server with its default caps (loopback, this machine)\n');
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

void main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
