/** Assertions shared by the checks; each failure names the endpoint and the field. */
import { fail, problemCode, problemSummary, type Problem, type Res } from '../http.ts';

export { fail };

export function check(cond: unknown, endpoint: string, where: string, message: string): asserts cond {
  if (!cond) fail(endpoint, where, message);
}

/** The response is the problem the contract names (`vote-budget-exhausted`), as problem+json. */
export function expectProblem(res: Res, status: number | number[], code?: string): Problem {
  const statuses = Array.isArray(status) ? status : [status];
  check(statuses.includes(res.status), res.endpoint, 'status', `expected ${statuses.join(' or ')}, got ${res.status}${problemSummary(res)}`);
  const ct = (res.contentType ?? '').split(';')[0]!.trim();
  check(ct === 'application/problem+json', res.endpoint, 'content-type', `must be application/problem+json (got ${JSON.stringify(res.contentType)})`);
  const p = res.body as Problem;
  check(p && typeof p === 'object', res.endpoint, '(body)', 'must be a problem object');
  check(p.status === res.status, res.endpoint, 'status', `the problem's status must equal the HTTP status ${res.status} (got ${JSON.stringify(p.status)})`);
  if (code) check(problemCode(p.type) === code, res.endpoint, 'type', `must name the problem "${code}" (got ${JSON.stringify(p.type)})`);
  return p;
}

const norm = (f: string) => {
  const s = f.replace(/\[(\d+)\]/g, '.$1');
  return s.toLowerCase().startsWith('header.') ? s.toLowerCase() : s;
};

/** A 400 problem whose `errors[].field` names every one of `fields` (dotted paths). */
export function expectFieldErrors(res: Res, fields: string[]): void {
  const p = expectProblem(res, 400);
  const got = Array.isArray(p.errors) ? p.errors.map((e) => e.field) : [];
  for (const f of fields) {
    check(
      got.some((g) => norm(g) === norm(f)),
      res.endpoint,
      'errors[].field',
      `must name "${f}" (got ${got.length ? got.map((g) => JSON.stringify(g)).join(', ') : 'no errors[]'})`,
    );
  }
}

export function header(res: Res, name: string): string | null {
  return res.headers.get(name);
}

export function sortedAsc(values: string[]): boolean {
  for (let i = 1; i < values.length; i++) if (Date.parse(values[i - 1]!) > Date.parse(values[i]!)) return false;
  return true;
}
