/**
 * A small real HTTP proxy in front of the reference server that breaks the contract on
 * purpose, so the tests can show the kit catches each fault and names it.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Exchange {
  method: string;
  /** Path after the origin, without the query, e.g. `/api/forums/abc`. */
  path: string;
  status: number;
}

export interface ProxyHooks {
  /** Change the request headers before they go on (lower-case names). */
  request?(method: string, path: string, headers: Record<string, string>): void;
  /** Change a JSON response body. */
  json?(x: Exchange, body: unknown): unknown;
  /** Replace a whole (non-stream) response. */
  response?(x: Exchange, r: { headers: Record<string, string>; body: Buffer }): { headers: Record<string, string>; body: Buffer };
  /** Change or drop (null) one line of an event stream. */
  sseLine?(line: string): string | null;
  /** Answer with this status (a not-found problem) instead of forwarding, e.g. for operations a backend lacks; null forwards. */
  refuse?(method: string, path: string): number | null;
}

export interface Proxy {
  /** The proxy's API base (`http://127.0.0.1:port/api`). */
  apiBase: string;
  close(): Promise<void>;
}

const HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host', 'content-encoding']);

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function startProxy(targetOrigin: string, hooks: ProxyHooks): Promise<Proxy> {
  const aborts = new Set<AbortController>();
  const server = createServer(async (req, res) => {
    const ctrl = new AbortController();
    aborts.add(ctrl);
    res.on('close', () => {
      ctrl.abort();
      aborts.delete(ctrl);
    });
    try {
      const url = new URL(req.url ?? '/', targetOrigin);
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (!HOP.has(k) && typeof v === 'string') headers[k] = v;
      const refused = hooks.refuse?.(req.method ?? 'GET', url.pathname) ?? null;
      if (refused !== null) {
        await readBody(req);
        res.writeHead(refused, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ type: 'about:blank', title: 'Not Found', status: refused }));
        return;
      }
      hooks.request?.(req.method ?? 'GET', url.pathname, headers);
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req);
      const up = await fetch(url, { method: req.method, headers, body: body?.length ? new Uint8Array(body) : undefined, signal: ctrl.signal });
      const out: Record<string, string> = {};
      up.headers.forEach((v, k) => {
        if (!HOP.has(k)) out[k] = v;
      });
      const x: Exchange = { method: req.method ?? 'GET', path: url.pathname, status: up.status };
      if ((out['content-type'] ?? '').startsWith('text/event-stream') && up.body) {
        res.writeHead(up.status, out);
        res.flushHeaders();
        const decoder = new TextDecoder();
        let buf = '';
        for await (const chunk of up.body as unknown as AsyncIterable<Uint8Array>) {
          buf += decoder.decode(chunk, { stream: true });
          const parts = buf.split('\n');
          buf = parts.pop()!;
          const lines = parts.map((l) => (hooks.sseLine ? hooks.sseLine(l) : l)).filter((l): l is string => l !== null);
          if (lines.length) res.write(lines.map((l) => l + '\n').join(''));
        }
        res.end();
        return;
      }
      let buf: Buffer = Buffer.from(await up.arrayBuffer());
      if (hooks.json && /json/.test(out['content-type'] ?? '') && buf.length) {
        buf = Buffer.from(JSON.stringify(hooks.json(x, JSON.parse(buf.toString('utf8')))));
      }
      let r = { headers: out, body: buf };
      if (hooks.response) r = hooks.response(x, r);
      res.writeHead(up.status, { ...r.headers, 'content-length': String(r.body.length) });
      res.end(r.body);
    } catch {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    apiBase: `http://127.0.0.1:${port}/api`,
    async close() {
      for (const a of aborts) a.abort();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
