/** The report the kit produces, and its readable and JSON renderings. */

export type CheckStatus = 'pass' | 'fail' | 'skip';

export const GROUPS = ['read', 'validation', 'auth', 'idempotency', 'capacity', 'live', 'results', 'operator'] as const;
export type Group = (typeof GROUPS)[number];

export interface CheckResult {
  group: Group;
  name: string;
  /** The operation the check is about, e.g. `GET /forums/{forumId}`. */
  endpoint: string;
  status: CheckStatus;
  /** Why it failed or was skipped; names the endpoint and the field for failures. */
  message?: string;
  durationMs: number;
}

export interface Report {
  base: string;
  startedAt: string;
  finishedAt: string;
  adminToken: boolean;
  checks: CheckResult[];
  summary: { pass: number; fail: number; skip: number; total: number };
  ok: boolean;
}

export function summarize(checks: CheckResult[]): Report['summary'] {
  const s = { pass: 0, fail: 0, skip: 0, total: checks.length };
  for (const c of checks) s[c.status]++;
  return s;
}

const MARK: Record<CheckStatus, string> = { pass: '✔', fail: '✘', skip: '–' };

export interface FormatOptions {
  color?: boolean;
}

export function formatReport(report: Report, opts: FormatOptions = {}): string {
  const c = (code: string, s: string) => (opts.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const paint: Record<CheckStatus, (s: string) => string> = {
    pass: (s) => c('32', s),
    fail: (s) => c('31', s),
    skip: (s) => c('2', s),
  };
  const lines: string[] = [];
  lines.push(`Hyeondap API conformance — ${report.base}`);
  lines.push(report.adminToken ? 'admin token: given (write checks run on forums the kit creates)' : 'admin token: none (checks that need it are skipped)');
  const groups = [...new Set(report.checks.map((r) => r.group))];
  for (const g of groups) {
    const rs = report.checks.filter((r) => r.group === g);
    const s = summarize(rs);
    lines.push('');
    lines.push(c('1', `${g}`) + `  (${s.pass} passed${s.fail ? `, ${s.fail} failed` : ''}${s.skip ? `, ${s.skip} skipped` : ''})`);
    for (const r of rs) {
      lines.push(`  ${paint[r.status](MARK[r.status])} ${r.name}  ${c('2', r.endpoint)}`);
      if (r.message && r.status !== 'pass') {
        for (const m of r.message.split('\n')) lines.push(`      ${r.status === 'fail' ? paint.fail(m) : c('2', m)}`);
      }
    }
  }
  const failures = report.checks.filter((r) => r.status === 'fail');
  if (failures.length) {
    lines.push('');
    lines.push(c('1', 'Failures'));
    failures.forEach((f, i) => {
      lines.push(`  ${i + 1}) [${f.group}] ${f.name}`);
      for (const m of (f.message ?? '').split('\n')) lines.push(`     ${m}`);
    });
  }
  const s = report.summary;
  lines.push('');
  const secs = ((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000).toFixed(1);
  const line = `${s.pass} passed, ${s.fail} failed, ${s.skip} skipped (${s.total} checks, ${secs} s)`;
  if (s.pass === 0 && s.fail === 0) lines.push('Nothing was checked: every selected check was skipped.');
  lines.push(report.ok ? paint.pass(line) : paint.fail(line));
  return lines.join('\n');
}
