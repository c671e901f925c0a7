// The seed generator's types re-export the server's start-up types, which bring Node's module
// declarations into the program; without Node's ambient types there, tsc narrows some of the
// server's code differently under the browser tsconfig. Nothing here runs Node APIs.
/**
 * The real demo seed (`generateDemoSeed` in server/seed/generate.ts, pure and deterministic)
 * turned into the fake's records — the same forums, registrations, ideas, dots, results and
 * city answers the reference server loads, so stories show what the demo page shows.
 *
 * Times become UTC ISO strings as the server stores (and answers) them. The live forum gets its
 * event history (joins, ideas, moderation, dots in time order) like the server's loader, so its
 * newest event id is non-zero and a page's `lastEventId` means the same thing.
 */
import { normalizeEmail, normalizeKoreanPhone } from '../../server/domain/consent.ts';
import { generateDemoSeed } from '../../server/seed/generate.ts';
import { liveEvents } from '../../server/seed/live-events.ts';
import type { SeedData, SeedForum } from '../../server/seed/types.ts';
import { purgeExpiredPersonalData } from './signup.ts';
import type { ForumRec, IdeaRec, Store } from './store.ts';

const utc = (t: string): string => new Date(t).toISOString();

export interface DemoIds {
  /** The forum live right now (8 tables, voting open, join code `HYEON24`). */
  liveForumId: string;
  /** Upcoming, seats left: the signup demo. */
  openForumId: string;
  /** Upcoming, no seats left: new signups go on the waitlist. */
  fullForumId: string;
  /** Upcoming, signup closed. */
  closedForumId: string;
  /** Upcoming, signup not open yet. */
  announcedForumId: string;
  /** The newest forum with published results and city answers. */
  reportedForumId: string;
  /** Finished a few days ago, results not published yet (`expectedAt` set). */
  finishedForumId: string;
  /** Join code of the live forum (for `POST /forums/{id}/participants`). */
  joinCode: string;
  /** Bearer token of the live forum's demo facilitator (no table). */
  facilitatorToken: string;
  /** Bearer token of the city (admin). */
  adminToken: string;
}

function forumRec(f: SeedForum): ForumRec {
  return {
    id: f.id,
    title: f.title,
    summary: f.summary,
    topics: [...f.topics],
    district: f.district,
    venue: { ...f.venue },
    startsAt: utc(f.startsAt),
    endsAt: utc(f.endsAt),
    capacity: f.capacity,
    signupOpensAt: f.signupOpensAt === null ? null : utc(f.signupOpensAt),
    signupClosesAt: f.signupClosesAt === null ? null : utc(f.signupClosesAt),
    tables: f.tables.length,
    status: f.status,
    voteBudget: f.voteBudget,
    categories: [...f.categories],
    votingOpen: f.voting.open,
    votingClosesAt: f.voting.closesAt === null ? null : utc(f.voting.closesAt),
    joinCode: f.joinCode,
    resultsExpectedAt: f.resultsExpectedAt === null ? null : utc(f.resultsExpectedAt),
    createdAt: utc(f.createdAt),
    updatedAt: utc(f.updatedAt),
    tableMeta: new Map(f.tables.map((t) => [t.number, { topic: t.topic, facilitator: t.facilitator }])),
    questions: f.questions.map((q) => {
      const out: ForumRec['questions'][number] = { id: q.id, label: q.label, kind: q.kind, required: q.required };
      if (q.help !== null) out.help = q.help;
      if (q.options !== null) out.options = [...q.options];
      if (q.maxLength !== null) out.maxLength = q.maxLength;
      return out;
    }),
    registrations: f.registrations.map((r) => ({
      id: r.id,
      code: r.code,
      seq: r.seq,
      name: r.name,
      contact: { ...r.contact },
      contactKey: (r.contact.kind === 'phone' ? normalizeKoreanPhone(r.contact.value) : normalizeEmail(r.contact.value)) ?? r.contact.value.trim().toLowerCase(),
      district: r.district,
      ageGroup: r.ageGroup,
      role: r.role,
      answers: r.answers,
      accessibility: r.accessibility,
      accessibilityNote: r.accessibilityNote,
      consentVersion: r.consentVersion,
      consents: { ...r.consents },
      consentedAt: utc(r.consentedAt),
      outcome: r.outcome,
      createdAt: utc(r.createdAt),
      cancelledAt: r.cancelledAt === null ? null : utc(r.cancelledAt),
      guardian: null,
      erasedAt: null,
    })),
    participants: new Map(f.participants.map((p) => [p.id, { id: p.id, table: p.table, voteBudget: p.voteBudget, joinedAt: utc(p.joinedAt) }])),
    facilitators: new Map(f.facilitators.map((x) => [x.id, { id: x.id, name: x.name, table: x.table, createdAt: utc(x.createdAt) }])),
    ideas: new Map(
      f.ideas.map((i): [string, IdeaRec] => [
        i.id,
        {
          id: i.id,
          text: i.text,
          table: i.table,
          category: i.category,
          status: i.status,
          mergedInto: i.mergedInto,
          pinned: i.pinned,
          promoted: i.promoted,
          createdAt: utc(i.createdAt),
          updatedAt: utc(i.updatedAt),
        },
      ]),
    ),
    votes: f.votes.map((v, seq) => ({ seq: seq + 1, ideaId: v.ideaId, participantId: v.participantId })),
    result: f.results ? { publishedAt: utc(f.results.publishedAt), summary: f.results.summary, attended: f.results.attended } : null,
    proposals: (f.results?.proposals ?? []).map((p) => ({
      id: p.id,
      rank: p.rank,
      title: p.title,
      ideaIds: [...p.ideaIds],
      votes: p.votes,
      category: p.category,
      department: p.department,
      status: p.status,
      answer: p.answer,
      answeredAt: p.answeredAt === null ? null : utc(p.answeredAt),
      timeline: p.timeline.map((t) => ({ ...t })),
    })),
    events: [],
    eventsFloor: 0,
  };
}

/** The live forum's history, replayed into the fake's event log exactly as the server's loader writes it. */
function logLiveHistory(store: Store, f: SeedForum): void {
  for (const e of liveEvents(f)) store.logPast(f.id, e.type, e.data, new Date(e.ms).toISOString());
}

let lastSeed: { key: string; data: SeedData } | undefined;

/** Load the demo seed generated around `now` into an empty store; returns the demo ids. */
export function loadDemo(store: Store, now: Date, seed: number): Omit<DemoIds, 'adminToken'> {
  const key = `${now.getTime()}:${seed}`;
  // The seed is deterministic and the records copy what they change: reuse the last one, so
  // the stories of one minute do not each generate it again.
  if (lastSeed?.key !== key) lastSeed = { key, data: generateDemoSeed(now, seed) };
  const data: SeedData = lastSeed.data;
  for (const f of data.forums) store.forums.set(f.id, forumRec(f));
  const live = data.forums.find((f) => f.id === data.demo.liveForumId)!;
  logLiveHistory(store, live);
  // As on a server whose scheduled job has run: registrations past their retention are anonymised.
  purgeExpiredPersonalData(store, store.startedAt);
  // The demo facilitator account (no table), as the server's loader issues it.
  const facilitatorId = store.newId();
  store.forum(live.id).facilitators.set(facilitatorId, { id: facilitatorId, name: data.demo.facilitatorName, table: null, createdAt: utc(data.now) });
  const facilitatorToken = 'hdf_demo-facilitator';
  store.tokens.set(facilitatorToken, { kind: 'facilitator', forumId: live.id, subjectId: facilitatorId, token: facilitatorToken });

  const first = (status: string) => data.forums.find((f) => f.status === status)?.id ?? '';
  const reported = data.forums.filter((f) => f.status === 'reported');
  return {
    liveForumId: live.id,
    openForumId: data.demo.openForumId,
    fullForumId: first('full'),
    closedForumId: first('closed'),
    announcedForumId: first('announced'),
    reportedForumId: reported[reported.length - 1]?.id ?? '',
    finishedForumId: first('finished'),
    joinCode: live.joinCode,
    facilitatorToken,
  };
}
