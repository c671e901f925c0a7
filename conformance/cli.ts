/**
 * npm run conformance -- --base https://their.host/api [--admin-token T] [--json] [--only group[,group]]
 *                        [--origin https://allowed.embedder] [--timeout ms] [--slow]
 * Exit code: 0 all checks pass, 1 some fail, 2 usage error or base unreachable.
 */
import { pathToFileURL } from 'node:url';
import { formatReport } from './report.ts';
import { GROUPS, isGroup, runConformance, type Group } from './runner.ts';

export const USAGE = 'usage: npm run conformance -- --base <api base url> [--admin-token <token>] [--json] [--only <group>[,<group>]] [--origin <allowed embedding origin>] [--timeout <ms>] [--slow]';

export interface CliArgs {
  base: string;
  adminToken?: string;
  origin?: string;
  json: boolean;
  only?: Group[];
  timeoutMs: number;
  slow: boolean;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], env: Record<string, string | undefined> = process.env): CliArgs {
  const out: Partial<CliArgs> & { json: boolean; slow: boolean; timeoutMs: number } = { json: false, slow: false, timeoutMs: 10_000 };
  const value = (i: number, name: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i]!;
    let inline: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const take = (name: string) => {
      if (inline !== undefined) return inline;
      const v = value(i, name);
      i++;
      return v;
    };
    switch (a) {
      case '--base':
        out.base = take('--base');
        break;
      case '--admin-token':
        out.adminToken = take('--admin-token');
        break;
      case '--origin':
        out.origin = take('--origin');
        break;
      case '--json':
        out.json = true;
        break;
      case '--slow':
        out.slow = true;
        break;
      case '--only': {
        const groups = take('--only').split(',').map((s) => s.trim()).filter(Boolean);
        for (const g of groups) if (!isGroup(g)) throw new UsageError(`unknown group "${g}" (groups: ${GROUPS.join(', ')})`);
        out.only = [...(out.only ?? []), ...(groups as Group[])];
        break;
      }
      case '--timeout': {
        const n = Number(take('--timeout'));
        if (!Number.isInteger(n) || n < 100) throw new UsageError('--timeout must be a whole number of milliseconds ≥ 100');
        out.timeoutMs = n;
        break;
      }
      case '--help':
      case '-h':
        throw new UsageError(USAGE);
      default:
        throw new UsageError(`unknown argument "${argv[i]}"`);
    }
  }
  if (!out.base) throw new UsageError('missing --base (the API base URL, e.g. https://forum.example/api)');
  let url: URL;
  try {
    url = new URL(out.base);
  } catch {
    throw new UsageError(`--base is not a URL: ${out.base}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base must be http(s): ${out.base}`);
  out.adminToken ??= env.HD_ADMIN_TOKEN || undefined;
  return out as CliArgs;
}

/** Can the base be reached at all? Returns a one-line reason when not. */
export async function probe(base: string, timeoutMs: number): Promise<string | undefined> {
  const url = `${base.replace(/\/+$/, '')}/forums?limit=1`;
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    await res.arrayBuffer().catch(() => undefined);
    if (res.status === 404) {
      return `${base} does not look like the API base: GET ${new URL(url).pathname} answered 404 (the contract's paths hang off the base, e.g. https://host/api)`;
    }
    return undefined;
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    const code = e.cause?.code;
    const why =
      e.name === 'TimeoutError'
        ? `no answer within ${timeoutMs} ms`
        : code === 'ECONNREFUSED'
          ? 'connection refused'
          : code === 'ENOTFOUND'
            ? 'host not found'
            : (e.cause?.message ?? e.message);
    return `cannot reach ${base}: ${why}`;
  }
}

export async function main(argv: string[], io: { out: (s: string) => void; err: (s: string) => void } = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') }): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.message === USAGE ? USAGE : `conformance: ${err.message}`);
      return 2;
    }
    throw err;
  }
  const unreachable = await probe(args.base, args.timeoutMs);
  if (unreachable) {
    io.err(`conformance: ${unreachable}`);
    return 2;
  }
  const report = await runConformance({
    base: args.base,
    adminToken: args.adminToken,
    origin: args.origin,
    only: args.only,
    timeoutMs: args.timeoutMs,
    slow: args.slow,
    log: args.json || !process.stderr.isTTY ? undefined : (line) => io.err(line),
  });
  io.out(args.json ? JSON.stringify(report, null, 2) : formatReport(report, { color: !args.json && process.stdout.isTTY === true && !process.env.NO_COLOR }));
  return report.ok ? 0 : 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`conformance: ${(err as Error)?.stack ?? String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
