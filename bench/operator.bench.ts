// The operator API through HTTP (issue #16): a check-in at the desk, the desk's search, and a
// seating of 120 checked-in people at 12 tables (and 300 at 30) through POST /seating — the
// engine plus reading and storing every seat, in one transaction, on the reference server
// (in-process, in-memory SQLite). Wall clock per request (median, p95); on a shared machine
// that includes waiting for a core, so the load average is printed too. Figures only.
//
//   node --import tsx bench/operator.bench.ts
import { loadavg } from 'node:os';
import { randomUUID } from 'node:crypto';
import { startServer } from '../server/start.ts';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
const DISTRICTS = ['화도읍', '진접읍', '오남읍', '와부읍', '별내동', '다산1동', '호평동', '평내동'];
const AGES = ['20s', '30s', '40s', '50s', '60s', '70plus'];

const server = await startServer({});
const admin = server.adminToken;
async function call(method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: any; ms: number }> {
  const headers: Record<string, string> = { 'idempotency-key': randomUUID() };
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const t0 = performance.now();
  const res = await fetch(server.apiBase + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  return { status: res.status, body: json, ms: performance.now() - t0 };
}

const staff = (await call('POST', '/admin/staff', admin, { name: '벤치 직원' })).body.token as string;

async function room(people: number, tables: number) {
  const forum = (await call('POST', '/forums', admin, {
    title: `벤치 ${people}/${tables}`, summary: '', district: '화도읍', venue: { name: '회관', address: '주소' },
    startsAt: '2030-01-01T10:00:00+09:00', endsAt: '2030-01-01T12:00:00+09:00', capacity: people, tables,
  })).body;
  await call('PUT', `/forums/${forum.id}/tables`, staff, { tables: Array.from({ length: tables }, (_, t) => ({ number: t + 1, seats: Math.ceil(people / tables), accessible: t % 4 === 0 })) });
  await call('POST', `/forums/${forum.id}/status`, admin, { status: 'open' });
  const codes: string[] = [];
  for (let i = 0; i < people; i++) {
    const r = await call('POST', `/forums/${forum.id}/registrations`, null, {
      name: `참가자${i}`, contact: { kind: 'phone', value: `010-${String(1000 + Math.floor(i / 10000)).slice(-4)}-${String(i).padStart(4, '0')}` },
      district: DISTRICTS[(i * 7) % DISTRICTS.length], ageGroup: AGES[(i * 5) % AGES.length], role: 'participant',
      consentVersion: '2026-01', consents: { personal: true, accessibility: i % 20 === 0 }, ...(i % 20 === 0 ? { accessibility: ['wheelchair'] } : {}),
    });
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
    codes.push(r.body.code);
  }
  await call('POST', `/forums/${forum.id}/status`, admin, { status: 'live' });
  return { forum, codes };
}

console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
console.log(`  ${''.padEnd(44)}${'median'.padStart(10)}${'p95'.padStart(10)}`);
for (const [people, tables] of [[120, 12], [300, 30]] as const) {
  const { forum, codes } = await room(people, tables);
  const checkins: number[] = [];
  for (const code of codes) checkins.push((await call('POST', `/forums/${forum.id}/registrations/${code}/check-in`, staff)).ms);
  const searches: number[] = [];
  for (let i = 0; i < 50; i++) searches.push((await call('GET', `/forums/${forum.id}/desk?q=${encodeURIComponent(`참가자${i}`)}`, staff)).ms);
  const fresh: number[] = [];
  let last: any;
  for (let i = 0; i < 10; i++) {
    const r = await call('POST', `/forums/${forum.id}/seating`, staff, { mode: 'fresh' });
    fresh.push(r.ms);
    last = r.body;
  }
  const keep: number[] = [];
  for (let i = 0; i < 10; i++) keep.push((await call('POST', `/forums/${forum.id}/seating`, staff, { mode: 'keep' })).ms);
  const row = (label: string, xs: number[]) => console.log(`  ${label.padEnd(44)}${ms(quantile(xs, 0.5))}${ms(quantile(xs, 0.95))}   (${xs.length} requests)`);
  console.log(`  ${people} people, ${tables} tables`);
  row('  check-in (POST …/check-in)', checkins);
  row('  desk search by name (GET …/desk?q=)', searches);
  row('  seating, fresh draw (POST …/seating)', fresh);
  row('  seating, keep (nobody moves)', keep);
  console.log(`    seated ${last.seated}, cannot be seated ${last.cannotBeSeated}, worst deviation ${last.balance.worstDeviation}, out of band ${last.balance.outOfBand}`);
}
await server.close();
