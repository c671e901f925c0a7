/** Helpers for the operator side's server tests (#16): staff tokens, the desk, seating. */
import assert from 'node:assert/strict';
import { createForum, openSignup, register, type Api } from './helpers.ts';

export async function staffToken(api: Api, name = '김민지'): Promise<{ id: string; token: string; name: string }> {
  const r = await api.call('POST', '/admin/staff', { token: api.server.adminToken, body: { name } });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

/** A call that must succeed; returns the body. */
export async function ok(api: Api, method: string, path: string, token: string, body?: unknown, key?: string): Promise<any> {
  const r = await api.call(method, path, { token, body, ...(key ? { key } : {}) });
  assert.ok(r.status < 300, `${method} ${path} → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** A forum open for signup with `n` registrations (phones 010-0000-000i); returns the forum and their codes. */
export async function forumWithRegistrations(api: Api, n: number, over: Record<string, unknown> = {}, regOver: (i: number) => Record<string, unknown> = () => ({})) {
  const forum = await createForum(api, over);
  await openSignup(api, forum.id);
  const codes: string[] = [];
  for (let i = 1; i <= n; i++) {
    const r = await register(api, forum.id, i, regOver(i));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    codes.push(r.body.code);
  }
  return { forum, codes };
}

export function walkInBody(name: string, over: Record<string, unknown> = {}) {
  return {
    name,
    district: '진접읍',
    ageGroup: '20s',
    consentVersion: '2026-01',
    consents: { personal: true, accessibility: false, notice: false },
    ...over,
  };
}

export const checkInPath = (forumId: string, code: string) => `/forums/${forumId}/registrations/${code}/check-in`;
