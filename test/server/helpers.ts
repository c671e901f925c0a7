/** Helpers for server tests: a real server (in-memory SQLite) driven over HTTP. */
import { randomUUID } from 'node:crypto';
import { startServer, type RunningServer, type StartOptions } from '../../server/start.ts';

export type { RunningServer };

export interface Api {
  server: RunningServer;
  call(method: string, path: string, opts?: { body?: unknown; token?: string | null; key?: string | null; headers?: Record<string, string>; raw?: string }): Promise<{ status: number; body: any; headers: Headers }>;
  admin(method: string, path: string, body?: unknown): Promise<any>;
}

export async function start(opts: StartOptions = {}): Promise<Api> {
  const server = await startServer(opts);
  const call: Api['call'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.body !== undefined || o.raw !== undefined) headers['Content-Type'] = 'application/json';
    if (o.token) headers.Authorization = `Bearer ${o.token}`;
    if (o.key !== null && method !== 'GET') headers['Idempotency-Key'] = o.key ?? randomUUID();
    const res = await fetch(server.apiBase + path, { method, headers, body: o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body)) });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body, headers: res.headers };
  };
  const admin: Api['admin'] = async (method, path, body) => {
    const r = await call(method, path, { body, token: server.adminToken });
    if (r.status >= 300) throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return { server, call, admin };
}

export function forumInput(over: Record<string, unknown> = {}) {
  return {
    title: '테스트 토론회',
    summary: '테스트용 토론회입니다.',
    topics: ['교통'],
    district: '화도읍',
    venue: { name: '화도읍 행정복지센터', address: '경기도 남양주시 화도읍 마석로 1' },
    startsAt: '2030-05-14T14:00:00+09:00',
    endsAt: '2030-05-14T17:00:00+09:00',
    capacity: 30,
    tables: 4,
    voteBudget: 3,
    ...over,
  };
}

export async function createForum(api: Api, over: Record<string, unknown> = {}): Promise<any> {
  return api.admin('POST', '/forums', forumInput(over));
}

export async function openSignup(api: Api, forumId: string) {
  return api.admin('POST', `/forums/${forumId}/status`, { status: 'open' });
}

export async function goLive(api: Api, forumId: string) {
  return api.admin('POST', `/forums/${forumId}/status`, { status: 'live' });
}

export function registration(i: number, over: Record<string, unknown> = {}) {
  return {
    name: `참가자${i}`,
    contact: { kind: 'phone', value: `010-0000-${String(i).padStart(4, '0')}` },
    district: '화도읍',
    ageGroup: '40s',
    role: 'participant',
    consentVersion: '2026-01',
    consents: { personal: true, accessibility: false, notice: false },
    ...over,
  };
}

export async function register(api: Api, forumId: string, i: number, over: Record<string, unknown> = {}) {
  return api.call('POST', `/forums/${forumId}/registrations`, { body: registration(i, over) });
}

/** A live forum with a participant token (and the forum). */
export async function liveForum(api: Api, over: Record<string, unknown> = {}) {
  const forum = await createForum(api, over);
  await goLive(api, forum.id);
  return forum;
}

export async function join(api: Api, forum: { id: string; joinCode: string }, table = 1): Promise<any> {
  const r = await api.call('POST', `/forums/${forum.id}/participants`, { body: { joinCode: forum.joinCode, table } });
  if (r.status !== 201) throw new Error(`join → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function facilitator(api: Api, forumId: string, table: number | null = 1): Promise<any> {
  return api.admin('POST', `/forums/${forumId}/facilitators`, { name: '김진행', table });
}

export async function postIdea(api: Api, forumId: string, token: string, text: string): Promise<any> {
  const r = await api.call('POST', `/forums/${forumId}/ideas`, { body: { text }, token });
  if (r.status !== 201) throw new Error(`post idea → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function openVoting(api: Api, forumId: string) {
  return api.admin('PUT', `/forums/${forumId}/voting`, { open: true });
}

export interface SseMessage {
  id?: string;
  event?: string;
  data?: string;
  comment?: string;
  retry?: string;
}

/** A minimal SSE reader over fetch: collects messages (and comments) as they arrive. */
export class SseReader {
  readonly messages: SseMessage[] = [];
  readonly #ctrl = new AbortController();
  #waiters: (() => void)[] = [];
  status = 0;
  headers: Headers | null = null;

  static async open(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
    const r = new SseReader();
    const res = await fetch(url, { headers: { Accept: 'text/event-stream', ...headers }, signal: r.#ctrl.signal });
    r.status = res.status;
    r.headers = res.headers;
    if (res.body) void r.#pump(res.body);
    return r;
  }

  async #pump(body: ReadableStream<Uint8Array>) {
    const dec = new TextDecoder();
    let buf = '';
    try {
      const reader = body.getReader();
      for (;;) {
        const { value: chunk, done } = await reader.read();
        if (done) break;
        buf += dec.decode(chunk, { stream: true });
        let i: number;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const m: SseMessage = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) m.comment = line.slice(1).trim();
            else {
              const j = line.indexOf(':');
              const k = line.slice(0, j);
              const v = line.slice(j + 1).replace(/^ /, '');
              if (k === 'data') m.data = m.data === undefined ? v : m.data + '\n' + v;
              else if (k === 'id' || k === 'event' || k === 'retry') m[k] = v;
            }
          }
          this.messages.push(m);
          for (const w of this.#waiters.splice(0)) w();
        }
      }
    } catch {
      /* aborted */
    }
  }

  events(): (SseMessage & { json: any })[] {
    return this.messages.filter((m) => m.event).map((m) => ({ ...m, json: m.data ? JSON.parse(m.data) : null }));
  }

  /** Wait until `pred` holds over the messages (bounded: rejects after `ms`). */
  async until(pred: (r: SseReader) => boolean, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!pred(this)) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`SSE wait timed out; got ${JSON.stringify(this.messages)}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.#waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  close() {
    this.#ctrl.abort();
  }
}
