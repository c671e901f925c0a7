/**
 * runConformance: run the kit's checks against a backend and return a Report.
 * A library function: it never exits the process and never prints unless given `log`.
 */
import { Contract } from './contract.ts';
import { Api, CheckFailure, Skip } from './http.ts';
import { Fixtures } from './fixtures.ts';
import { GROUPS, summarize, type CheckResult, type Group, type Report } from './report.ts';
import { readChecks } from './checks/read.ts';
import { validationChecks } from './checks/validation.ts';
import { authChecks } from './checks/auth.ts';
import { idempotencyChecks } from './checks/idempotency.ts';
import { capacityChecks } from './checks/capacity.ts';
import { liveChecks } from './checks/live.ts';
import { participantChecks } from './checks/participants.ts';
import { resultsChecks } from './checks/results.ts';

export type { Report, CheckResult, Group } from './report.ts';
export { GROUPS } from './report.ts';

export interface RunOptions {
  /** The API base, e.g. `https://forum.example/api` (what the contract's paths hang off). */
  base: string;
  adminToken?: string;
  /** Progress lines (one per finished check). */
  log?: (line: string) => void;
  fetch?: typeof fetch;
  /** Time bound of each check in ms (default 10 000). */
  timeoutMs?: number;
  /** An embedding origin the backend allows (checks the CORS answer it gets). */
  origin?: string;
  /** Only these groups. */
  only?: Group[];
  /** Also run checks that wait long (SSE heartbeat, ≥15 s). */
  slow?: boolean;
  contract?: Contract;
}

export interface CheckContext {
  api: Api;
  contract: Contract;
  base: string;
  adminToken: string | undefined;
  fixtures: Fixtures;
  timeoutMs: number;
  slow: boolean;
  origin: string | undefined;
  fetch: typeof fetch;
  signal: AbortSignal;
}

export interface CheckDef {
  group: Group;
  name: string;
  endpoint: string;
  /** Needs the admin token (skipped without it). */
  admin?: boolean;
  /** Only with `slow`. */
  slow?: boolean;
  /** Multiplies the per-check time bound (for checks that wait on purpose). */
  timeFactor?: number;
  run(ctx: CheckContext): Promise<void>;
}

export function allChecks(): CheckDef[] {
  return [...readChecks, ...validationChecks, ...authChecks, ...idempotencyChecks, ...capacityChecks, ...liveChecks, ...participantChecks, ...resultsChecks];
}

let sharedContract: Contract | undefined;

export async function runConformance(opts: RunOptions): Promise<Report> {
  const base = opts.base.replace(/\/+$/, '');
  const contract = opts.contract ?? (sharedContract ??= Contract.load());
  const fetchImpl = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const startedAt = new Date().toISOString();
  const apiWith = (signal: AbortSignal) => new Api(base, contract, fetchImpl, signal, timeoutMs);
  const fixtures = new Fixtures(() => apiWith(AbortSignal.timeout(timeoutMs * 3)), opts.adminToken || undefined);
  const only = opts.only?.length ? new Set(opts.only) : undefined;
  const results: CheckResult[] = [];

  for (const check of allChecks()) {
    if (only && !only.has(check.group)) continue;
    const t0 = Date.now();
    const done = (status: CheckResult['status'], message?: string) => {
      const r: CheckResult = { group: check.group, name: check.name, endpoint: check.endpoint, status, durationMs: Date.now() - t0 };
      if (message) r.message = message;
      results.push(r);
      opts.log?.(`${status === 'pass' ? '✔' : status === 'fail' ? '✘' : '–'} [${check.group}] ${check.name}${message && status !== 'pass' ? ` — ${message.split('\n')[0]}` : ''}`);
    };
    if (check.admin && !opts.adminToken) {
      done('skip', 'needs --admin-token (writes only to forums the kit creates)');
      continue;
    }
    if (check.slow && !opts.slow) {
      done('skip', 'slow check: run with --slow');
      continue;
    }
    const limit = timeoutMs * (check.timeFactor ?? 1);
    const ctrl = new AbortController();
    const ctx: CheckContext = {
      api: apiWith(ctrl.signal),
      contract,
      base,
      adminToken: opts.adminToken || undefined,
      fixtures,
      timeoutMs,
      slow: !!opts.slow,
      origin: opts.origin,
      fetch: fetchImpl,
      signal: ctrl.signal,
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new CheckFailure(`${check.endpoint} → timed out after ${limit} ms`)), limit);
    });
    try {
      await Promise.race([check.run(ctx), timeout]);
      done('pass');
    } catch (err) {
      if (err instanceof Skip) done('skip', err.message);
      else if (err instanceof CheckFailure) done('fail', err.message);
      else done('fail', `${check.endpoint} → the check crashed: ${(err as Error)?.stack ?? String(err)}`);
    } finally {
      clearTimeout(timer);
      ctrl.abort(new Error('check finished'));
    }
  }

  const summary = summarize(results);
  return {
    base,
    startedAt,
    finishedAt: new Date().toISOString(),
    adminToken: !!opts.adminToken,
    checks: results,
    summary,
    // Nothing checked is not a pass (e.g. `--only live` without the admin token).
    ok: summary.fail === 0 && summary.pass > 0,
  };
}

export function isGroup(s: string): s is Group {
  return (GROUPS as readonly string[]).includes(s);
}
