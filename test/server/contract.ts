/** Validate response bodies against the contract's component schemas (api/openapi.yaml). */
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (a: Ajv2020) => Ajv2020;

const doc = parse(readFileSync(new URL('../../api/openapi.yaml', import.meta.url), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...doc, $id: 'contract' } as object);

/** Assert `value` matches `components/schemas/<name>` (additionalProperties taken literally). */
export function assertSchema(name: string, value: unknown): void {
  const validate = ajv.getSchema(`contract#/components/schemas/${name}`);
  assert.ok(validate, `no schema ${name}`);
  const ok = validate(value);
  assert.ok(ok, `${name}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(value).slice(0, 500)}`);
}

/** ForumAdmin = Forum + joinCode (Forum is closed, so check the parts). */
export function assertForumAdmin(value: any): void {
  assert.equal(typeof value.joinCode, 'string');
  const { joinCode: _j, ...forum } = value;
  assertSchema('Forum', forum);
}

/** Page schemas are allOf(Page, {items}) — check the items and nextCursor. */
export function assertPage(itemSchema: string, value: any, extra: string[] = []): void {
  assert.deepEqual(Object.keys(value).sort(), ['items', 'nextCursor', ...extra].sort());
  assert.ok(value.nextCursor === null || typeof value.nextCursor === 'string');
  for (const item of value.items) assertSchema(itemSchema, item);
}

export function assertProblem(r: { status: number; body: any; headers: Headers }, status: number, code?: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  assertSchema('Problem', r.body);
  assert.equal(r.body.status, status);
  if (code) assert.equal(r.body.type, `https://hyeondap.example/problems/${code}`);
}

/** The `errors[].field` names of a validation problem. */
export function fields(body: any): string[] {
  return (body.errors ?? []).map((e: any) => e.field);
}
