/**
 * The kit's HTTP client. Every call names its operation as the contract does
 * (`GET /forums/{forumId}`), is bounded in time, and is checked against the contract: a
 * status the operation does not declare, a wrong content type or a body that breaks the
 * declared schema fails the check with a message naming the endpoint and the field.
 */
import { randomUUID } from 'node:crypto';
import type { Contract } from './contract.ts';

/** Thrown by a check that found the backend off-contract. */
export class CheckFailure extends Error {}
/** Thrown by a check that cannot run here (message = the reason). */
export class Skip extends Error {}

export interface CallOptions {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body. */
  body?: unknown;
  /** A body sent as-is (e.g. malformed JSON), with content-type application/json. */
  rawBody?: string;
  token?: string;
  headers?: Record<string, string>;
  /** `true` sends a fresh key. */
  idempotencyKey?: string | true;
  /** Statuses the check accepts; any other fails the check. */
  expect?: number | number[];
  /** Check the response against the contract (default true). */
  contract?: boolean;
}

export interface Res {
  endpoint: string;
  status: number;
  headers: Headers;
  contentType: string | null;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: unknown;
}

export type Problem = { type?: string; title?: string; status?: number; detail?: string; errors?: { field: string; code: string; message: string }[] };

export function fail(endpoint: string, where: string, message: string): never {
  throw new CheckFailure(`${endpoint} → ${where}: ${message}`);
}

export function problemSummary(res: Res): string {
  const p = res.body as Problem | undefined;
  if (!p || typeof p !== 'object') return res.text ? ` (body: ${JSON.stringify(res.text.slice(0, 80))})` : '';
  const parts: string[] = [];
  if (p.type) parts.push(`type ${p.type}`);
  if (p.detail) parts.push(p.detail);
  if (Array.isArray(p.errors) && p.errors.length) parts.push(p.errors.map((e) => `${e.field}: ${e.code}`).join(', '));
  return parts.length ? ` (${parts.join('; ')})` : '';
}

export function problemCode(type: string | undefined): string {
  if (!type) return '';
  const m = /[/#:]([^/#:]+)$/.exec(type);
  return m ? m[1]! : type;
}

export class Api {
  constructor(
    readonly base: string,
    readonly contract: Contract,
    private readonly fetchImpl: typeof fetch,
    private readonly signal: AbortSignal,
    private readonly requestTimeoutMs: number,
  ) {}

  url(path: string, params: Record<string, string> = {}, query: CallOptions['query'] = {}): string {
    const filled = path.replace(/\{(\w+)\}/g, (_, k: string) => {
      const v = params[k];
      if (v === undefined) throw new Error(`missing path parameter ${k} for ${path}`);
      return encodeURIComponent(v);
    });
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== undefined) qs.set(k, String(v));
    const q = qs.toString();
    return `${this.base}${filled}${q ? `?${q}` : ''}`;
  }

  async raw(method: string, url: string, init: RequestInit = {}): Promise<Response> {
    const ctrl = new AbortController();
    const onAbort = () => ctrl.abort(this.signal.reason);
    this.signal.addEventListener('abort', onAbort, { once: true });
    const t = setTimeout(() => ctrl.abort(new Error(`no response within ${this.requestTimeoutMs} ms`)), this.requestTimeoutMs);
    try {
      return await this.fetchImpl(url, { ...init, method, signal: ctrl.signal });
    } catch (err) {
      const reason = ctrl.signal.reason instanceof Error ? ctrl.signal.reason.message : (err as Error).message;
      throw new CheckFailure(`${method} ${url.slice(this.base.length) || '/'} → ${reason}`);
    } finally {
      clearTimeout(t);
      this.signal.removeEventListener('abort', onAbort);
    }
  }

  /** Call an operation: `api.call('GET /forums/{forumId}', { params: { forumId } })`. */
  async call(endpoint: string, opts: CallOptions = {}): Promise<Res> {
    const [method, path] = endpoint.split(' ') as [string, string];
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json', ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    if (opts.idempotencyKey) headers['idempotency-key'] = opts.idempotencyKey === true ? randomUUID() : opts.idempotencyKey;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await this.raw(method, this.url(path, opts.params, opts.query), { headers, body });
    let text: string;
    let timer: NodeJS.Timeout | undefined;
    try {
      text = await Promise.race([
        response.text(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`the body did not finish within ${this.requestTimeoutMs} ms`)), this.requestTimeoutMs);
        }),
      ]);
    } catch (err) {
      void response.body?.cancel().catch(() => undefined);
      fail(endpoint, '(body)', `reading the response failed: ${(err as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
    let parsed: unknown;
    const ct = response.headers.get('content-type');
    if (text && ct && /json/i.test(ct)) {
      try {
        parsed = JSON.parse(text);
      } catch {
        fail(endpoint, '(body)', `declared ${ct} but is not valid JSON (got ${JSON.stringify(text.slice(0, 60))})`);
      }
    }
    const res: Res = { endpoint, status: response.status, headers: response.headers, contentType: ct, text, body: parsed };
    const expect = opts.expect === undefined ? undefined : Array.isArray(opts.expect) ? opts.expect : [opts.expect];
    if (expect && !expect.includes(res.status)) {
      fail(endpoint, 'status', `expected ${expect.join(' or ')}, got ${res.status}${problemSummary(res)}`);
    }
    if (opts.contract !== false) {
      const v = this.contract.checkResponse(method, path, res.status, ct, parsed, text);
      if (v.length) {
        const where = res.status >= 400 ? `${endpoint} (${res.status})` : endpoint;
        throw new CheckFailure(v.slice(0, 5).map((x) => `${where} → ${x.where}: ${x.message}`).join('\n') + (v.length > 5 ? `\n… and ${v.length - 5} more` : ''));
      }
    }
    return res;
  }
}
