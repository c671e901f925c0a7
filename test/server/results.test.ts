import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createForum, facilitator, join, openSignup, openVoting, postIdea, register, start, type Api } from './helpers.ts';
import { assertForumAdmin, assertPage, assertProblem, assertSchema } from './contract.ts';

describe('forums, life cycle, calendar, results and totals', () => {
  let api: Api;
  before(async () => {
    api = await start();
  });
  after(() => api.server.close());

  test('create → 201 ForumAdmin with Location and a join code; list and filters', async () => {
    const r = await api.call('POST', '/forums', {
      token: api.server.adminToken,
      body: {
        id: 'hwado-2030',
        title: '마석역 앞 보행 안전',
        summary: '요약',
        topics: ['보행', '안전'],
        district: '화도읍',
        venue: { name: '화도읍 행정복지센터', address: '경기도 남양주시 화도읍 마석로 1', lat: 37.65, lng: 127.31 },
        startsAt: '2031-03-05T14:00:00+09:00',
        endsAt: '2031-03-05T16:00:00+09:00',
        capacity: 40,
        joinCode: 'MASEOK',
      },
    });
    assert.equal(r.status, 201);
    assertForumAdmin(r.body);
    assert.equal(r.headers.get('location'), '/api/forums/hwado-2030');
    assert.equal(r.body.joinCode, 'MASEOK');
    assert.equal(r.body.startsAt, '2031-03-05T05:00:00.000Z');
    assertProblem(await api.call('POST', '/forums', { token: api.server.adminToken, body: { ...r.body, joinCode: undefined, registered: undefined } }), 400);
    await createForum(api, { district: '다산1동', topics: ['교통'], startsAt: '2031-01-10T10:00:00+09:00', endsAt: '2031-01-10T12:00:00+09:00' });

    const all = (await api.call('GET', '/forums?limit=100')).body;
    assertPage('Forum', all);
    const starts = all.items.map((f: any) => f.startsAt);
    assert.deepEqual(starts, [...starts].sort());
    const desc = (await api.call('GET', '/forums?order=desc&limit=100')).body.items.map((f: any) => f.startsAt);
    assert.deepEqual(desc, [...starts].reverse());
    const hwado = (await api.call('GET', `/forums?district=${encodeURIComponent('화도읍')}&topic=${encodeURIComponent('보행')}`)).body.items;
    assert.deepEqual(hwado.map((f: any) => f.id), ['hwado-2030']);
    const q = (await api.call('GET', `/forums?q=${encodeURIComponent('마석역')}`)).body.items;
    assert.deepEqual(q.map((f: any) => f.id), ['hwado-2030']);
    const window = (await api.call('GET', `/forums?from=${encodeURIComponent('2031-02-01T00:00:00+09:00')}&to=${encodeURIComponent('2031-04-01T00:00:00+09:00')}`)).body.items;
    assert.deepEqual(window.map((f: any) => f.id), ['hwado-2030']);
    const announced = (await api.call('GET', '/forums?status=open,full')).body.items;
    assert.equal(announced.length, 0);
    // paging
    const p1 = (await api.call('GET', '/forums?limit=1')).body;
    const p2 = (await api.call('GET', `/forums?limit=1&cursor=${p1.nextCursor}`)).body;
    assert.notEqual(p1.items[0].id, p2.items[0].id);
  });

  test('status transitions follow the contract; anything else is 409 invalid-transition', async () => {
    const f = await createForum(api);
    const move = (status: string) => api.call('POST', `/forums/${f.id}/status`, { token: api.server.adminToken, body: { status } });
    assertProblem(await move('finished'), 409, 'invalid-transition');
    assertProblem(await move('closed'), 409, 'invalid-transition');
    assert.equal((await move('open')).body.status, 'open');
    assertProblem(await move('open'), 409, 'invalid-transition');
    assert.equal((await move('closed')).body.status, 'closed');
    assert.equal((await move('open')).body.status, 'open');
    assert.equal((await move('live')).body.status, 'live');
    assertProblem(await move('open'), 409, 'invalid-transition');
    assert.equal((await move('finished')).body.status, 'finished');
    assertProblem(await move('live'), 409, 'invalid-transition');
    // reopening a forum whose seats are gone makes it full
    const g = await createForum(api, { capacity: 1 });
    await openSignup(api, g.id);
    await register(api, g.id, 1);
    await api.admin('POST', `/forums/${g.id}/status`, { status: 'closed' });
    assert.equal((await api.admin('POST', `/forums/${g.id}/status`, { status: 'open' })).status, 'full');
  });

  test('.ics: RFC 5545, CRLF, folded lines, escaped text, UTC times; the filtered feed', async () => {
    const f = await createForum(api, {
      title: '다산동, 공원; 그리고 \\ 주차 — 아주 긴 제목이 75옥텟을 넘어가도록 한글로 길게 길게 적어 봅니다',
      summary: '첫 줄\n둘째 줄',
      district: '다산2동',
      topics: ['주차'],
    });
    const res = await fetch(`${api.server.apiBase}/forums/${f.id}/calendar.ics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
    const text = await res.text();
    assert.ok(text.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.ok(text.endsWith('END:VCALENDAR\r\n'));
    assert.ok(!/[^\r]\n/.test(text), 'every line ends with CRLF');
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line too long: ${line}`);
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    assert.match(unfolded, /\r\nSUMMARY:다산동\\, 공원\\; 그리고 \\\\ 주차/);
    assert.match(unfolded, /\r\nDESCRIPTION:첫 줄\\n둘째 줄/);
    assert.match(unfolded, /\r\nDTSTART:20300514T050000Z\r\n/);
    assert.match(unfolded, /\r\nDTEND:20300514T080000Z\r\n/);
    assert.match(unfolded, /\r\nUID:[^\r]+\r\n/);
    assert.match(unfolded, /\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
    assert.match(unfolded, /\r\nLOCATION:화도읍 행정복지센터\\, 경기도 남양주시 화도읍 마석로 1\r\n/);
    assert.match(unfolded, new RegExp(`\\r\\nURL:${api.server.url}/demo/signup\\.html\\?forum=${f.id}\\r\\n`));
    assert.equal(unfolded.match(/BEGIN:VEVENT/g)?.length, 1);

    const feed = await (await fetch(`${api.server.apiBase}/forums/calendar.ics?district=${encodeURIComponent('다산2동')}`)).text();
    assert.equal(feed.match(/BEGIN:VEVENT/g)?.length, 1);
    const all = await (await fetch(`${api.server.apiBase}/forums/calendar.ics`)).text();
    assert.ok((all.match(/BEGIN:VEVENT/g)?.length ?? 0) > 1);
    assertProblem(await api.call('GET', '/forums/calendar.ics?status=bogus'), 400, 'validation');
  });

  test('results: 404 until published; publish computes figures; responses grow the timeline; totals add up', async () => {
    const before = (await api.call('GET', '/results/totals')).body;
    assertSchema('Totals', before);

    const f = await createForum(api, { capacity: 10, tables: 2, voteBudget: 2, startsAt: '2030-06-01T14:00:00+09:00', endsAt: '2030-06-01T17:00:00+09:00' });
    await openSignup(api, f.id);
    await register(api, f.id, 1, { district: '와부읍', ageGroup: '30s' });
    await register(api, f.id, 2, { district: '와부읍', ageGroup: '60s' });
    await register(api, f.id, 3, { district: '별내동', ageGroup: '30s' });
    await api.admin('POST', `/forums/${f.id}/status`, { status: 'live' });
    const fac = await facilitator(api, f.id, 1);
    const p = await join(api, f, 1);
    const q = await join(api, f, 2);
    const a = await postIdea(api, f.id, p.token, '공원 조명');
    const b = await postIdea(api, f.id, q.token, '산책로 CCTV');
    await api.call('PATCH', `/forums/${f.id}/ideas/${a.id}`, { token: fac.token, body: { category: '안전' } });
    await openVoting(api, f.id);
    await api.call('POST', `/forums/${f.id}/ideas/${a.id}/votes`, { token: p.token });
    await api.call('POST', `/forums/${f.id}/ideas/${b.id}/votes`, { token: p.token });
    await api.call('POST', `/forums/${f.id}/ideas/${b.id}/votes`, { token: q.token });

    const notYet = await api.call('GET', `/forums/${f.id}/results`);
    assertProblem(notYet, 404, 'results-not-published');
    assert.ok('expectedAt' in notYet.body);
    // the newest event at that moment: a client subscribes from it and hears the publication
    assert.match(notYet.body.lastEventId, /^[0-9]+$/);
    assertProblem(await api.call('PUT', `/forums/${f.id}/results`, { token: api.server.adminToken, body: { attended: 3, proposals: [] } }), 409, 'invalid-transition');

    await api.admin('POST', `/forums/${f.id}/status`, { status: 'finished' });
    const pub = await api.call('PUT', `/forums/${f.id}/results`, {
      token: api.server.adminToken,
      body: { attended: 3, proposals: [{ title: '공원 조명 개선', ideaIds: [a.id], department: '공원과' }, { title: '산책로 안전', ideaIds: [b.id], category: '안전' }] },
    });
    assert.equal(pub.status, 200, JSON.stringify(pub.body));
    assertSchema('ForumResult', pub.body);
    const r = pub.body;
    assert.equal(r.forum.status, 'reported');
    assert.equal(r.forum.resultsPublished, true);
    assert.deepEqual(r.stats, { registered: 3, attended: 3, tables: 2, facilitators: 1, ideas: 2, votes: 3 });
    assert.deepEqual(r.byDistrict, [{ key: '와부읍', count: 2 }, { key: '별내동', count: 1 }]);
    assert.deepEqual(r.byAgeGroup, [{ key: '30s', count: 2 }, { key: '60s', count: 1 }]);
    assert.deepEqual(r.categories, [{ category: '', ideas: 1, votes: 2 }, { category: '안전', ideas: 1, votes: 1 }]);
    assert.deepEqual(r.proposals.map((x: any) => [x.rank, x.title, x.votes]), [[1, '산책로 안전', 2], [2, '공원 조명 개선', 1]]);
    assert.deepEqual(r.tables.map((t: any) => [t.number, t.ideas, t.votes, t.participants]), [[1, 1, 1, 1], [2, 1, 2, 1]]);
    assert.match(r.summary, /3명/);
    const { lastEventId, ...read } = (await api.call('GET', `/forums/${f.id}/results`)).body;
    assert.deepEqual(read, r);
    // the read reflects the publication (an event after the 404's lastEventId), and says so
    assert.ok(Number(lastEventId) > Number(notYet.body.lastEventId), `${lastEventId} > ${notYet.body.lastEventId}`);

    const prop = r.proposals[1];
    const resp = await api.call('PUT', `/forums/${f.id}/proposals/${prop.id}/response`, {
      token: api.server.adminToken,
      body: { status: 'accepted', answer: '2031년 상반기에 조명을 교체합니다.', date: '2030-07-01' },
    });
    assert.equal(resp.status, 200);
    assertSchema('Proposal', resp.body);
    assert.equal(resp.body.status, 'accepted');
    assert.ok(resp.body.answeredAt);
    assert.equal(resp.body.timeline.length, 2);
    assert.deepEqual(resp.body.timeline[1], { date: '2030-07-01', text: '시가 제안을 수용했습니다.', status: 'accepted' });
    assertProblem(await api.call('PUT', `/forums/${f.id}/proposals/nope/response`, { token: api.server.adminToken, body: { status: 'accepted' } }), 404, 'not-found');

    const totals = (await api.call('GET', '/results/totals')).body;
    assertSchema('Totals', totals);
    assert.equal(totals.forums, before.forums + 1);
    assert.equal(totals.reportedForums, before.reportedForums + 1);
    assert.equal(totals.registered, before.registered + 3);
    assert.equal(totals.attended, before.attended + 3);
    assert.equal(totals.votes, before.votes + 3);
    assert.equal(totals.proposals, before.proposals + 2);
    assert.equal(totals.responses.accepted, before.responses.accepted + 1);
    assert.equal(totals.responses.awaiting, before.responses.awaiting + 1);
    const y2030 = totals.byYear.find((y: any) => y.year === 2030);
    assert.ok(y2030 && y2030.attended >= 3 && y2030.proposals >= 2);
  });
});
