/** The kit's pieces that need no backend: schema messages, the SSE parser and reader, the report, the CLI's arguments. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Contract } from '../../conformance/contract.ts';
import { SseParser, openSse } from '../../conformance/sse.ts';
import { formatReport, summarize, type CheckResult, type Report } from '../../conformance/report.ts';
import { parseArgs, UsageError } from '../../conformance/cli.ts';
import { checkIcs } from '../../conformance/checks/read.ts';
import { CheckFailure } from '../../conformance/http.ts';

const contract = Contract.load();

const forum = {
  id: 'f1', title: 't', summary: 's', topics: [], district: '화도읍',
  venue: { name: 'v', address: 'a' }, startsAt: '2026-12-03T14:00:00+09:00', endsAt: '2026-12-03T17:00:00+09:00',
  capacity: 30, registered: 0, waitlisted: 0, signupOpensAt: null, signupClosesAt: null, tables: 4,
  status: 'open', voteBudget: 3, categories: [], voting: { open: false, closesAt: null }, participants: 0, ideas: 0,
  resultsPublished: false, updatedAt: '2026-11-01T09:00:00+09:00',
};

test('a conforming page passes the contract check', () => {
  assert.deepEqual(contract.checkResponse('GET', '/forums', 200, 'application/json; charset=utf-8', { items: [forum], nextCursor: null }, ''), []);
});

test('a wrong type names the JSON path, the expected type and what came', () => {
  const v = contract.checkResponse('GET', '/forums', 200, 'application/json', { items: [{ ...forum, capacity: '30' }], nextCursor: null }, '');
  assert.deepEqual(v, [{ where: 'items[0].capacity', message: 'must be integer (got string "30")' }]);
});

test('missing, unexpected and oneOf fields read as one line each', () => {
  const { title: _t, ...noTitle } = forum;
  void _t;
  const v = contract.checkResponse('GET', '/forums/{forumId}', 200, 'application/json', { ...noTitle, extra: 1, signupOpensAt: 'soon', status: 'sleeping' }, '');
  const lines = v.map((x) => `${x.where}: ${x.message}`);
  assert.ok(lines.includes('title: required property is missing'), lines.join('\n'));
  assert.ok(lines.includes('extra: is not in the contract (unevaluatedProperties: false)'), lines.join('\n'));
  assert.ok(lines.includes('signupOpensAt: must be a date-time string or must be null (got string "soon")'), lines.join('\n'));
  assert.ok(lines.some((l) => l.startsWith('status: must be one of "announced"')), lines.join('\n'));
  assert.equal(v.length, 4);
});

test('errors must be problem+json; undeclared statuses are named', () => {
  assert.deepEqual(contract.checkResponse('GET', '/forums/{forumId}', 404, 'text/html; charset=utf-8', undefined, '<h1>Not found</h1>'), [
    { where: 'content-type', message: 'must be application/problem+json (got "text/html; charset=utf-8")' },
  ]);
  assert.match(contract.checkResponse('GET', '/forums/{forumId}', 418, 'application/problem+json', {}, '')[0]!.message, /418 is not declared .*declared: 200, 404/);
  assert.deepEqual(contract.checkResponse('GET', '/forums/calendar.ics', 200, 'text/calendar; charset=utf-8', undefined, 'BEGIN:VCALENDAR'), []);
});

test('the SSE parser follows the WHATWG rules and tells which events had their own id', () => {
  const p = new SseParser();
  const evs = [
    ...p.feed('\uFEFFretry: 3000\r\n\r\n: ping\r\nid: 7\r\nevent: idea.created\r\ndata: {"a":'),
    ...p.feed('1}\r\n\r\ndata: line1\ndata: line2\n\nid: 9\revent: reset\rdata:x\r'),
    ...p.feed('\r'),
  ];
  assert.equal(p.firstLine, 'retry: 3000');
  assert.equal(p.retry, 3000);
  assert.deepEqual(p.comments, ['ping']);
  assert.deepEqual(evs, [
    { id: '7', lastEventId: '7', event: 'idea.created', data: '{"a":1}' },
    { id: undefined, lastEventId: '7', event: 'message', data: 'line1\nline2' },
    { id: '9', lastEventId: '9', event: 'reset', data: 'x' },
  ]);
});

test('the SSE reader reads over fetch, waits with a timeout and closes', async () => {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('retry: 1000\n\n');
    res.write('id: 1\nevent: a\ndata: one\n\n');
    setTimeout(() => res.write('id: 2\nevent: b\ndata: two\n\n'), 20);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const s = await openSse(url, { connectTimeoutMs: 2000 });
  try {
    assert.equal(s.response.headers.get('content-type'), 'text/event-stream');
    assert.equal((await s.next(2000))?.data, 'one');
    assert.equal((await s.waitFor((e) => e.event === 'b', 2000)).id, '2');
    await assert.rejects(s.next(50), /no event within 50 ms/);
  } finally {
    s.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test('the report groups checks with marks, lists failures with their message and ends with a summary', () => {
  const checks: CheckResult[] = [
    { group: 'read', name: 'lists forums', endpoint: 'GET /forums', status: 'fail', message: 'GET /forums → items[0].capacity: must be integer (got string "30")', durationMs: 3 },
    { group: 'read', name: 'one forum', endpoint: 'GET /forums/{forumId}', status: 'pass', durationMs: 1 },
    { group: 'capacity', name: 'seats', endpoint: 'POST /forums/{forumId}/registrations', status: 'skip', message: 'needs --admin-token', durationMs: 0 },
  ];
  const report: Report = { base: 'http://x/api', startedAt: '2026-11-29T00:00:00.000Z', finishedAt: '2026-11-29T00:00:01.500Z', adminToken: false, checks, summary: summarize(checks), ok: false };
  const text = formatReport(report);
  assert.match(text, /^read {2}\(1 passed, 1 failed\)$/m);
  assert.match(text, /^ {2}✘ lists forums {2}GET \/forums$/m);
  assert.match(text, /^ {2}✔ one forum {2}GET \/forums\/\{forumId\}$/m);
  assert.match(text, /^ {2}– seats .*\n {6}needs --admin-token$/m);
  assert.match(text, /Failures\n {2}1\) \[read\] lists forums\n {5}GET \/forums → items\[0\]\.capacity: must be integer \(got string "30"\)/);
  assert.match(text.split('\n').at(-1)!, /^1 passed, 1 failed, 1 skipped \(3 checks, 1\.5 s\)$/);
  assert.doesNotMatch(text, /\u001b\[/);
});

test('the CLI arguments: --base is required, groups and timeout are checked, the token may come from the environment', () => {
  assert.throws(() => parseArgs([], {}), (e: Error) => e instanceof UsageError && /missing --base/.test(e.message));
  assert.throws(() => parseArgs(['--base', 'ftp://x'], {}), UsageError);
  assert.throws(() => parseArgs(['--base', 'http://x/api', '--only', 'everything'], {}), /unknown group "everything"/);
  assert.throws(() => parseArgs(['--base', 'http://x/api', '--timeout', 'soon'], {}), /--timeout/);
  const a = parseArgs(['--base=http://x/api', '--only', 'read,auth', '--json', '--timeout', '5000'], { HD_ADMIN_TOKEN: 'tok' });
  assert.deepEqual(a, { base: 'http://x/api', only: ['read', 'auth'], json: true, slow: false, timeoutMs: 5000, adminToken: 'tok' });
});

test('the iCalendar check wants CRLF and the required properties', () => {
  const ok = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//x//y//KO', 'BEGIN:VEVENT', 'UID:1@x', 'DTSTAMP:20261129T000000Z', 'DTSTART:20261203T050000Z', 'SUMMARY:토론회', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  assert.equal(checkIcs('GET /forums/{forumId}/calendar.ics', ok, 1), 1);
  assert.throws(() => checkIcs('GET /x', ok.replace(/\r\n/g, '\n'), 1), (e: Error) => e instanceof CheckFailure && /must start with BEGIN:VCALENDAR and CRLF/.test(e.message));
  assert.throws(() => checkIcs('GET /x', ok.replace('SUMMARY:토론회\r\n', ''), 1), /VEVENT\[0\]: SUMMARY is missing/);
});
