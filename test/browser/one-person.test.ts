/**
 * One person, one set of dots, in a real browser against the reference server: the ApiClient's
 * joins from one browser are one participant (its install key, kept in localStorage per backend
 * and forum, never in a URL); another browser is someone else; a facilitator's revocation goes
 * out live and ends the participant's token.
 */
import { expect } from '@open-wc/testing';
import { ApiClient } from '../../src/api/client.js';
import { UnauthorizedError } from '../../src/api/errors.js';
import { getLiveStream } from '../../src/api/live-registry.js';
import { getApi, resetRegistry } from '../../src/api/registry.js';
import type { ForumAdmin, LiveEvent, ParticipantSession } from '../../src/api/types.js';
import { admin, demoInfo, until } from './helpers/server.js';

async function liveForum(): Promise<{ apiBase: string; forum: ForumAdmin; facilitatorToken: string }> {
  const { apiBase } = await demoInfo();
  const start = new Date(Date.now() - 3600_000);
  const forum = await admin<ForumAdmin>('POST', '/forums', {
    title: `한 사람 한 묶음 ${Date.now()}`,
    summary: '참가자 한 명에 스티커 한 묶음',
    district: '금곡동',
    venue: { name: '남양주시청', address: '경춘로 1037' },
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 4 * 3600_000).toISOString(),
    capacity: 80,
    tables: 4,
    voteBudget: 3,
  });
  await admin('POST', `/forums/${forum.id}/status`, { status: 'live' });
  await admin('PUT', `/forums/${forum.id}/voting`, { open: true });
  const f = await admin<{ token: string }>('POST', `/forums/${forum.id}/facilitators`, { name: '김진행', table: null });
  return { apiBase, forum, facilitatorToken: f.token };
}

const storedKeys = (forumId: string) => Object.keys(localStorage).filter((k) => k.startsWith('hd-install-key:') && k.endsWith(`|${forumId}`));

describe('one person, one set of dots', () => {
  afterEach(() => resetRegistry());

  it('ten joins from one browser are one participant, with one vote budget', async () => {
    const { apiBase, forum } = await liveForum();
    const urls: string[] = [];
    const client = new ApiClient({ baseUrl: apiBase, fetch: (input, init) => (urls.push(String(input)), fetch(input, init)) });
    const sessions: ParticipantSession[] = [];
    for (let i = 0; i < 10; i++) sessions.push(await (i % 2 ? client : getApi(apiBase)).join(forum.id, { joinCode: forum.joinCode, table: 2 }));
    expect(new Set(sessions.map((s) => s.participantId)).size).to.equal(1);
    expect((await getApi(apiBase).getForum(forum.id, { cache: 'no-cache' })).participants).to.equal(1);

    // any of the ten tokens spends the one budget
    const idea = await getApi(apiBase, sessions[0]!.token).postIdea(forum.id, { text: '마을버스 막차 시간을 늦춰 주세요' });
    for (const s of sessions.slice(0, 3)) await getApi(apiBase, s.token).addVote(forum.id, idea.id);
    let refused: unknown;
    await getApi(apiBase, sessions[9]!.token).addVote(forum.id, idea.id).catch((e: unknown) => (refused = e));
    expect((refused as { code?: string }).code).to.equal('vote-budget-exhausted');

    // the key stays on this device, out of every URL
    const keys = storedKeys(forum.id);
    expect(keys).to.have.length(1);
    const key = localStorage.getItem(keys[0]!)!;
    expect(key).to.match(/^[A-Za-z0-9_-]{32}$/);
    expect(urls.length).to.be.greaterThan(0);
    for (const url of urls) expect(url).to.not.contain(key);

    // another browser (no key on its device) is another participant
    localStorage.removeItem(keys[0]!);
    const stranger = await getApi(apiBase).join(forum.id, { joinCode: forum.joinCode, table: 2 });
    expect(stranger.participantId).to.not.equal(sessions[0]!.participantId);
    expect(stranger.votesUsed).to.equal(0);
    localStorage.removeItem(storedKeys(forum.id)[0]!);
  });

  it('a revoked participant’s dots come off the idea live, and its token stops working', async () => {
    const { apiBase, forum, facilitatorToken } = await liveForum();
    const stuffer = await getApi(apiBase).join(forum.id, { joinCode: forum.joinCode, table: 1 });
    const idea = await getApi(apiBase, stuffer.token).postIdea(forum.id, { text: '주차장을 넓혀 주세요' });
    for (let i = 0; i < 3; i++) await getApi(apiBase, stuffer.token).addVote(forum.id, idea.id);

    const seen: LiveEvent[] = [];
    const stop = getLiveStream(apiBase, forum.id).subscribe((m) => m.type !== 'poll' && seen.push(m));
    try {
      await until(() => getLiveStream(apiBase, forum.id).state === 'open', 'the live stream');
      const facilitator = getApi(apiBase, facilitatorToken);
      expect((await facilitator.listParticipants(forum.id)).total).to.equal(1);
      const revoked = await facilitator.revokeParticipant(forum.id, stuffer.participantId);
      expect(revoked.votesReleased).to.equal(3);
      await until(() => seen.find((e) => e.type === 'vote.changed' && e.data.ideaId === idea.id && e.data.votes === 0), 'the released dots, live');
      await until(() => seen.find((e) => e.type === 'participants.changed' && e.data.participants === 0), 'the count, live');
      expect((await facilitator.listParticipants(forum.id)).revoked).to.equal(1);
    } finally {
      stop();
    }
    let error: unknown;
    await getApi(apiBase, stuffer.token).me(forum.id).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(UnauthorizedError);
    // the same browser cannot come back for a fresh budget
    error = undefined;
    await getApi(apiBase).join(forum.id, { joinCode: forum.joinCode, table: 1 }).catch((e: unknown) => (error = e));
    expect((error as { code?: string }).code).to.equal('participant-revoked');
    localStorage.removeItem(storedKeys(forum.id)[0]!);
  });
});
