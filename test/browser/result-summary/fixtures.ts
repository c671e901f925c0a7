/** Forums made through the admin API for the result-summary tests (each test file its own). */
import { admin, demoInfo } from '../helpers/server.js';
import type { ForumAdmin, ForumResult, Proposal } from '../../../src/api/types.js';

let n = 0;

export async function api<T>(path: string): Promise<T> {
  const { apiBase } = await demoInfo();
  const res = await fetch(apiBase + path);
  if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
  return (await res.json()) as T;
}

/** A finished forum with ideas (one per entry, each at table 1 with `votes` dots), not yet reported. */
export async function finishedForum(ideas: { text: string; votes: number }[], over: Record<string, unknown> = {}) {
  n++;
  const forum = await admin<ForumAdmin>('POST', '/forums', {
    title: `결과 요약 시험 ${Date.now()}-${n}`,
    summary: '시험용 토론회입니다.',
    district: '금곡동',
    venue: { name: '남양주시청', address: '경기도 남양주시 경춘로 1037' },
    startsAt: '2031-05-10T14:00:00+09:00',
    endsAt: '2031-05-10T17:00:00+09:00',
    capacity: 50,
    tables: 2,
    voteBudget: 20,
    ...over,
  });
  await admin('POST', `/forums/${forum.id}/status`, { status: 'live' });
  const { apiBase } = await demoInfo();
  const joined = await fetch(`${apiBase}/forums/${forum.id}/participants`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ joinCode: forum.joinCode, table: 1 }),
  });
  const { token } = (await joined.json()) as { token: string };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(apiBase + path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: body === undefined ? null : JSON.stringify(body),
    }).then(async (r) => {
      if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<{ id: string }>;
    });
  const ids: string[] = [];
  for (const idea of ideas) ids.push((await call('POST', `/forums/${forum.id}/ideas`, { text: idea.text })).id);
  await admin('PUT', `/forums/${forum.id}/voting`, { open: true });
  for (const [i, idea] of ideas.entries()) for (let v = 0; v < idea.votes; v++) await call('POST', `/forums/${forum.id}/ideas/${ids[i]}/votes`);
  await admin('POST', `/forums/${forum.id}/status`, { status: 'finished' });
  return { forum, ideaIds: ids };
}

export function publish(forumId: string, proposals: { title: string; ideaIds: string[]; category?: string | null; department?: string | null }[], attended = 7) {
  return admin<ForumResult>('PUT', `/forums/${forumId}/results`, { attended, proposals });
}

export function respond(forumId: string, proposalId: string, body: Record<string, unknown>) {
  return admin<Proposal>('PUT', `/forums/${forumId}/proposals/${proposalId}/response`, body);
}

/** RFC 4180 parser (for checking what the widget writes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell || row.length) throw new Error('the CSV does not end with CRLF');
  return rows;
}
