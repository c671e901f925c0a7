/**
 * Results on the fake's store: the published results with their computed breakdowns, publishing
 * (and republishing, which keeps answered proposals), the city's responses, and the totals.
 */
import type { ForumResult, Proposal, ResponseStatus, Totals } from '../../src/api/types.js';
import { ProblemError, validationError, type FieldError, type ForumRec, type ProposalRec, type Store } from './store.ts';
import { DEFAULT_NOTE } from '../../server/domain/responses.ts';

/** Calendar date in Asia/Seoul. */
export function seoulDate(d: Date): string {
  return new Date(d.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}
const seoulYear = (iso: string): number => Number(seoulDate(new Date(iso)).slice(0, 4));


export function proposal(store: Store, f: ForumRec, p: ProposalRec): Proposal {
  return {
    id: p.id,
    forumId: f.id,
    rank: p.rank,
    title: p.title,
    ideas: p.ideaIds.flatMap((id) => {
      const i = f.ideas.get(id);
      return i ? [{ id: i.id, text: i.text, table: i.table, votes: store.ideaVotes(f, i.id) }] : [];
    }),
    votes: p.votes,
    category: p.category,
    department: p.department,
    status: p.status,
    answer: p.answer,
    answeredAt: p.answeredAt,
    timeline: p.timeline.map((t) => ({ ...t })),
  };
}

export function results(store: Store, forumId: string): ForumResult {
  const f = store.forum(forumId);
  if (!f.result) {
    throw new ProblemError('results-not-published', 'The results of this forum are not published yet.', { extra: { expectedAt: f.resultsExpectedAt } });
  }
  const confirmed = f.registrations.filter((r) => r.outcome === 'confirmed');
  const tally = (keys: string[]) => {
    const m = new Map<string, number>();
    for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
    return [...m].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  const cats = new Map<string, { ideas: number; votes: number }>();
  for (const i of f.ideas.values()) {
    if (i.status !== 'visible') continue;
    const c = cats.get(i.category ?? '') ?? { ideas: 0, votes: 0 };
    c.ideas++;
    c.votes += store.ideaVotes(f, i.id);
    cats.set(i.category ?? '', c);
  }
  return {
    forumId: f.id,
    forum: store.toForum(f),
    publishedAt: f.result.publishedAt,
    summary: f.result.summary,
    stats: {
      registered: confirmed.length,
      attended: f.result.attended,
      tables: f.tables,
      facilitators: f.facilitators.size,
      ideas: [...f.ideas.values()].filter((i) => i.status !== 'hidden').length,
      votes: f.votes.length,
    },
    tables: store.tables(f),
    byDistrict: tally(confirmed.map((r) => r.district)),
    byAgeGroup: tally(confirmed.map((r) => r.ageGroup)),
    categories: [...cats]
      .map(([category, c]) => ({ category, ...c }))
      .sort((a, b) => b.votes - a.votes || b.ideas - a.ideas || a.category.localeCompare(b.category)),
    proposals: [...f.proposals].sort((a, b) => a.rank - b.rank).map((p) => proposal(store, f, p)),
  };
}

export function totals(store: Store): Totals {
  const now = store.now().toISOString();
  const forums = [...store.forums.values()];
  const responses = { accepted: 0, partial: 0, reviewing: 0, declined: 0, awaiting: 0 };
  const years = new Map<number, { year: number; forums: number; attended: number; proposals: number }>();
  const districts = new Map<string, number>();
  let registered = 0;
  let attended = 0;
  let ideas = 0;
  let votes = 0;
  let proposals = 0;
  for (const f of forums) {
    for (const r of f.registrations) {
      if (r.outcome !== 'confirmed') continue;
      registered++;
      districts.set(r.district, (districts.get(r.district) ?? 0) + 1);
    }
    for (const i of f.ideas.values()) if (i.status !== 'hidden') ideas++;
    votes += f.votes.length;
    proposals += f.proposals.length;
    for (const p of f.proposals) responses[p.status]++;
    attended += f.result?.attended ?? 0;
    const y = seoulYear(f.startsAt);
    const e = years.get(y) ?? { year: y, forums: 0, attended: 0, proposals: 0 };
    e.forums++;
    e.attended += f.result?.attended ?? 0;
    e.proposals += f.proposals.length;
    years.set(y, e);
  }
  return {
    forums: forums.length,
    reportedForums: forums.filter((f) => f.status === 'reported').length,
    upcomingForums: forums.filter((f) => f.startsAt > now && ['announced', 'open', 'full', 'closed'].includes(f.status)).length,
    registered,
    attended,
    ideas,
    votes,
    proposals,
    responses,
    byYear: [...years.values()].sort((a, b) => a.year - b.year),
    byDistrict: [...districts].map(([key, count]) => ({ key, count })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  };
}

export function publishResults(
  store: Store,
  forumId: string,
  input: { summary?: string | undefined; attended: number; proposals: { title: string; ideaIds: string[]; category?: string | null | undefined; department?: string | null | undefined }[] },
): ForumResult {
  const f = store.forum(forumId);
  const errors: FieldError[] = [];
  input.proposals.forEach((p, i) =>
    p.ideaIds.forEach((ideaId, j) => {
      if (!f.ideas.has(ideaId)) errors.push({ field: `proposals.${i}.ideaIds.${j}`, code: 'invalid_value', message: 'No such idea in this forum.' });
    }),
  );
  if (errors.length) throw validationError(errors);
  if (f.status !== 'finished' && f.status !== 'reported') {
    throw new ProblemError('invalid-transition', 'Results are published after the forum has finished.');
  }
  const at = store.now().toISOString();
  const today = seoulDate(store.now());
  const votesOf = (ids: string[]) => f.votes.filter((v) => ids.includes(v.ideaId)).length;
  const ranked = input.proposals.map((p, i) => ({ p, i, votes: votesOf([...new Set(p.ideaIds)]) }));
  ranked.sort((a, b) => b.votes - a.votes || a.i - b.i);
  // republishing keeps a proposal (and the city's answers) with the same title
  const old = f.proposals;
  const keep = new Set<string>();
  const next: ProposalRec[] = [];
  for (const [rank0, { p, votes }] of ranked.entries()) {
    const prev = old.find((o) => o.title === p.title && !keep.has(o.id));
    const values = { rank: rank0 + 1, votes, category: p.category ?? null, department: p.department ?? prev?.department ?? null, ideaIds: [...new Set(p.ideaIds)] };
    if (prev) {
      keep.add(prev.id);
      next.push(Object.assign(prev, values));
    } else {
      next.push({
        id: store.newId(),
        title: p.title,
        status: 'awaiting',
        answer: null,
        answeredAt: null,
        timeline: [{ date: today, text: '토론회 제안으로 채택되어 시에 전달되었습니다.', status: 'awaiting' }],
        ...values,
      });
    }
  }
  f.proposals = next;
  const ideaCount = [...f.ideas.values()].filter((i) => i.status !== 'hidden').length;
  const summary = input.summary ?? `${f.title}에 시민 ${input.attended}명이 참석해 ${ideaCount}개의 의견을 나누고 ${input.proposals.length}건의 제안을 모았습니다.`;
  f.result = { publishedAt: f.result?.publishedAt ?? at, summary, attended: input.attended };
  f.status = 'reported';
  store.forumChanged(f);
  const body = results(store, f.id);
  store.emit(f.id, 'results.published', body);
  return body;
}

export function respond(store: Store, forumId: string, proposalId: string, input: { status: ResponseStatus; answer?: string | null | undefined; department?: string | null | undefined; date?: string | undefined; note?: string | undefined }): Proposal {
  const f = store.forum(forumId);
  const p = f.proposals.find((x) => x.id === proposalId);
  if (!p) throw new ProblemError('not-found', 'No such proposal in this forum.');
  const at = store.now().toISOString();
  const answer = input.answer !== undefined ? input.answer : p.answer;
  if (input.status !== 'awaiting' && (answer !== null || input.status !== p.status)) p.answeredAt = at;
  p.status = input.status;
  if (input.answer !== undefined) p.answer = input.answer;
  if (input.department !== undefined) p.department = input.department;
  p.timeline.push({ date: input.date ?? seoulDate(store.now()), text: input.note ?? DEFAULT_NOTE[input.status], status: input.status });
  const body = proposal(store, f, p);
  store.emit(f.id, 'proposal.updated', body);
  return body;
}
