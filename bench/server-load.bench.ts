// The reference server under load, on this machine (loopback only, bounded, stops by itself):
//   1. signups per second sustained (a fixed number in flight, for a fixed time), with latency;
//   2. delivery latency of a new idea (post → `idea.created` on every stream) at 2,000 and at
//      10,000 concurrent SSE clients on ONE server process; the clients live in another process.
// Both processes raise their open-file limit as a real deployment would (`ulimit -n`).
// Prints a table; never fails on a figure. `npm run bench -- server-load` runs just this.
//
//   node --import tsx bench/server-load.bench.ts [--quick]
//   (internal) … --clients <n> --url <events url> --ideas <k>
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const QUICK = args.includes('--quick');
const SIGNUP_SECONDS = QUICK ? 3 : 8;
const SIGNUP_IN_FLIGHT = 32;
const CLIENT_COUNTS = QUICK ? [200, 1000] : [2000, 10000];
const IDEAS_PER_RUN = 10;
const IDEA_GAP_MS = 400;
const HARD_STOP_MS = 6 * 60 * 1000;

/** Run node with a raised open-file limit (soft limit up to 65536, or the hard limit if lower). */
function nodeWithFiles(nodeArgs: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const quoted = nodeArgs.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; exec '${process.execPath}' ${quoted}`;
  return spawn('bash', ['-c', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

// ───────────────────────────── the client process ─────────────────────────────
async function clientMain(): Promise<void> {
  const n = Number(arg('--clients'));
  const url = new URL(arg('--url')!);
  const ideas = Number(arg('--ideas'));
  const latencies: number[] = [];
  const got = new Uint16Array(n);
  let complete = 0;
  let open = 0;
  let failed = 0;
  const reqs: http.ClientRequest[] = [];
  const t0 = performance.now();

  const connect = (i: number) =>
    new Promise<void>((resolve) => {
      const req = http.get({ host: url.hostname, port: url.port, path: url.pathname, agent: false, headers: { Accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          failed++;
          res.resume();
          resolve();
          return;
        }
        res.setEncoding('utf8');
        let buf = '';
        let first = true;
        res.on('data', (chunk: string) => {
          if (first) {
            first = false;
            open++;
            resolve();
          }
          buf += chunk;
          let k: number;
          while ((k = buf.indexOf('\n\n')) >= 0) {
            const block = buf.slice(0, k);
            buf = buf.slice(k + 2);
            if (!block.includes('event: idea.created')) continue;
            const m = /"text":"bench \d+ (\d+)"/.exec(block);
            if (!m) continue;
            latencies.push(Date.now() - Number(m[1]));
            if (++got[i]! === ideas) complete++;
          }
        });
        res.on('error', () => {});
      });
      req.on('error', () => {
        failed++;
        resolve();
      });
      reqs.push(req);
    });

  // open in batches so the listen backlog is never the bottleneck
  for (let i = 0; i < n; i += 250) {
    await Promise.all(Array.from({ length: Math.min(250, n - i) }, (_, j) => connect(i + j)));
  }
  const connectMs = performance.now() - t0;
  process.stdout.write(`OPEN ${JSON.stringify({ open, failed, connectMs })}\n`);

  const deadline = Date.now() + 60_000;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      if (complete >= open || Date.now() > deadline) {
        clearInterval(tick);
        resolve();
      }
    }, 50);
  });
  latencies.sort((a, b) => a - b);
  const result = {
    clients: open,
    failed,
    connectMs,
    delivered: latencies.length,
    expected: open * ideas,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
  };
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  for (const r of reqs) r.destroy();
  process.exit(0);
}

// ───────────────────────────── the driver ─────────────────────────────
async function lines(child: ChildProcess, prefix: string, ms: number): Promise<string> {
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${prefix} within ${ms} ms: ${out.slice(-500)}`)), ms);
    const on = (d: Buffer) => {
      out += d.toString();
      const m = new RegExp(`^${prefix} (.+)$`, 'm').exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', on);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code} before ${prefix}: ${out.slice(-500)}`));
    });
  });
}

async function main(): Promise<void> {
  const children: ChildProcess[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'hd-bench-'));
  const stop = setTimeout(() => {
    console.error('server-load: hard time limit reached; stopping');
    for (const c of children) c.kill('SIGKILL');
    process.exit(1);
  }, HARD_STOP_MS);
  stop.unref();
  try {
    const adminToken = 'hda_' + randomBytes(24).toString('base64url');
    const server = nodeWithFiles(['--import', 'tsx', 'server/main.ts', '--ready-json'], {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      HD_DATA_DIR: dataDir,
      HD_SEED: 'none',
      HD_ADMIN_TOKEN: adminToken,
      HD_RATE_LIMIT: '0',
      HD_RATE_LIMIT_IP: '0',
      HD_PURGE_INTERVAL: '0',
      // every client here is 127.0.0.1: the stream caps are measured in server-hostile.bench.ts
      HD_STREAMS_PER_IP: '0',
      HD_MAX_STREAMS: '0',
    });
    children.push(server);
    const ready = JSON.parse(await lines(server, 'HD_READY', 30_000)) as { apiBase: string };
    const base = ready.apiBase;
    const agent = new http.Agent({ keepAlive: true, maxSockets: SIGNUP_IN_FLIGHT * 2 });
    const call = (method: string, path: string, body?: unknown, token?: string) =>
      new Promise<{ status: number; body: any }>((resolve, reject) => {
        const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
        const u = new URL(base + path);
        const req = http.request(
          {
            host: u.hostname,
            port: u.port,
            path: u.pathname,
            method,
            agent,
            headers: {
              'Content-Type': 'application/json',
              'Idempotency-Key': randomUUID(),
              ...(token ? { Authorization: `Bearer ${token}` } : {}),
              ...(data ? { 'Content-Length': String(data.length) } : {}),
            },
          },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
          },
        );
        req.on('error', reject);
        req.end(data);
      });
    const forumBody = (title: string, capacity: number) => ({
      title,
      summary: '',
      district: '화도읍',
      venue: { name: '벤치마크', address: '127.0.0.1' },
      startsAt: '2030-01-01T10:00:00+09:00',
      endsAt: '2030-01-01T12:00:00+09:00',
      capacity,
      tables: 10,
    });

    // 1. signups per second
    const signupForum = (await call('POST', '/forums', forumBody('신청 부하', 10000), adminToken)).body;
    await call('POST', `/forums/${signupForum.id}/status`, { status: 'open' }, adminToken);
    let seq = 0;
    let ok = 0;
    let refused = 0;
    const lat: number[] = [];
    const until = performance.now() + SIGNUP_SECONDS * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: SIGNUP_IN_FLIGHT }, async () => {
        while (performance.now() < until) {
          const i = seq++;
          const started = performance.now();
          const r = await call('POST', `/forums/${signupForum.id}/registrations`, {
            name: `부하${i}`,
            contact: { kind: 'email', value: `load${i}@bench.example` },
            district: '화도읍',
            ageGroup: '30s',
            role: 'participant',
            consentVersion: '2026-01',
            consents: { personal: true, accessibility: false, notice: false },
          });
          lat.push(performance.now() - started);
          if (r.status === 201) ok++;
          else refused++;
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    lat.sort((a, b) => a - b);
    agent.destroy();

    // 2. SSE delivery latency
    const live = (await call('POST', '/forums', forumBody('현장 부하', 100), adminToken)).body;
    await call('POST', `/forums/${live.id}/status`, { status: 'live' }, adminToken);
    const participant = (await call('POST', `/forums/${live.id}/participants`, { joinCode: live.joinCode, table: 1 })).body.token as string;
    const sse: Record<string, number>[] = [];
    let ideaSeq = 0;
    for (const n of CLIENT_COUNTS) {
      const client = nodeWithFiles(['--import', 'tsx', SELF, '--clients', String(n), '--url', `${base}/forums/${live.id}/events`, '--ideas', String(IDEAS_PER_RUN)], process.env);
      children.push(client);
      const resultLine = lines(client, 'RESULT', 180_000);
      const opened = JSON.parse(await lines(client, 'OPEN', 120_000)) as { open: number; failed: number; connectMs: number };
      await new Promise((r) => setTimeout(r, 500)); // let the last streams settle into their replay-free live state
      for (let k = 0; k < IDEAS_PER_RUN; k++) {
        await call('POST', `/forums/${live.id}/ideas`, { text: `bench ${ideaSeq++} ${Date.now()}` }, participant);
        await new Promise((r) => setTimeout(r, IDEA_GAP_MS));
      }
      const result = JSON.parse(await resultLine) as Record<string, number>;
      sse.push({ ...result, asked: n, failedOpen: opened.failed });
      await new Promise<void>((r) => (client.exitCode !== null ? r() : client.once('exit', () => r())));
      await new Promise((r) => setTimeout(r, 1000)); // the server drops the closed streams
    }

    const fmt = (ms: number) => (Number.isFinite(ms) ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : '–');
    console.log(`\nReference server on this machine (${process.platform}, node ${process.version}), loopback, one server process, file database (WAL).`);
    console.log('\n| signups | figure |\n|---|---|');
    console.log(`| sustained rate (${SIGNUP_IN_FLIGHT} in flight, ${SIGNUP_SECONDS} s) | ${(ok / elapsed).toFixed(0)} signups/s |`);
    console.log(`| accepted / refused | ${ok} / ${refused} |`);
    console.log(`| latency p50 / p95 | ${fmt(percentile(lat, 50))} / ${fmt(percentile(lat, 95))} |`);
    console.log('\n| SSE clients | connected in | new idea → every client: p50 | p95 | p99 | max | delivered |\n|---|---|---|---|---|---|---|');
    for (const r of sse) {
      console.log(
        `| ${r.clients!.toLocaleString('en')} of ${r.asked!.toLocaleString('en')} | ${(r.connectMs! / 1000).toFixed(1)} s | ${fmt(r.p50!)} | ${fmt(r.p95!)} | ${fmt(r.p99!)} | ${fmt(r.max!)} | ${r.delivered!.toLocaleString('en')} / ${r.expected!.toLocaleString('en')} |`,
      );
    }
    console.log(`\n(${IDEAS_PER_RUN} ideas per run, ${IDEA_GAP_MS} ms apart; latency = the client's receive time − the poster's send time, same clock.)`);
    server.kill('SIGTERM');
    await new Promise<void>((r) => (server.exitCode !== null ? r() : server.once('exit', () => r())));
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    clearTimeout(stop);
  }
}

if (arg('--clients')) await clientMain();
else await main();
