/**
 * The city's personal-data desk (PIPA arts. 35–36): export everything stored about one person,
 * or erase it. The person is named by their contact in the request BODY (never in a URL, where
 * it would end up in logs and browser history). Admin token only.
 */
import { Hono } from 'hono';
import type { Env } from '../context.ts';
import { requireAuth } from '../http/auth.ts';
import { validationError } from '../http/problem.ts';
import { checkBody, readRawBody, type RawBody } from '../http/validate.ts';
import { json, write } from '../http/write.ts';
import { recordAudit } from '../model/audit.ts';
import { contactKey, erasePersonalData, exportPersonalData } from '../model/personal-data.ts';
import { personalDataRequestSchema } from '../model/schemas.ts';

function parse(raw: RawBody): string {
  const input = checkBody(personalDataRequestSchema, raw);
  const key = contactKey(input.contact.kind, input.contact.value);
  if (key === null) {
    throw validationError([
      { field: 'contact.value', code: 'invalid_format', message: input.contact.kind === 'phone' ? 'Not a Korean phone number.' : 'Not an e-mail address.' },
    ]);
  }
  return key;
}

export const admin = new Hono<Env>();

admin.post('/admin/personal-data/export', async (c) => {
  const deps = c.get('deps');
  const who = await requireAuth(c, ['admin']);
  const key = parse(await readRawBody(c));
  const now = deps.now();
  const body = await exportPersonalData(deps.db, key, now);
  // a read, but of personal data: the audit log keeps that it happened (never whose contact)
  const request = { method: c.req.method, routePath: c.req.routePath, path: c.req.path, params: {} };
  await recordAudit(deps.db, { who, request, input: null, status: 200, body, at: now });
  return json(200, body);
});

admin.post('/admin/personal-data/erase', async (c) => {
  const who = await requireAuth(c, ['admin']);
  return write(c, { who, idempotency: 'optional', parse }, async (tx, key) => ({ status: 200, body: await erasePersonalData(tx, key) }));
});
