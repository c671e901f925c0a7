/**
 * Deterministic demo seed for Hyeondap: a believable 현답토론회 history around a given clock.
 *
 * `generateDemoSeed(now, seed)` always returns the same data for the same arguments: one
 * seeded PRNG (mulberry32) drives every choice, and every time is derived from `now`
 * (past forums are spread from spring 2014 to about six weeks before `now`). Nothing here reads
 * the clock, the file system or the network.
 *
 * What it builds:
 * - 32 past forums across Namyangju's 읍·면·동, each `reported`, with registrations, citizen
 *   facilitators at 4–12 tables, ideas, dots, and published results whose proposals carry
 *   the city's answers and a dated timeline (older ones mostly answered, recent ones more
 *   검토 중 / 답변 대기);
 * - 8 upcoming forums in the next three months: announced ×2, open ×3 (one nearly full),
 *   full with a waitlist, closed;
 * - one forum live right now (8 tables, ~60 participants, ~120 ideas, voting open, join code
 *   HYEON24) and one finished a few days ago, waiting for its results.
 */
import { CONSENT_VERSION } from '../domain/consent.ts';
import { DISTRICTS, OTHER_DISTRICT, type District } from '../domain/districts.ts';
import { PAST_TOPICS, type Audience, type CatalogTopic } from './catalog-past.ts';
import { EXPERIENCE, FINISHED_TOPIC, INCONVENIENCE, LIVE_TOPIC, UPCOMING_TOPICS, type UpcomingTopic } from './catalog-now.ts';
import { VENUES } from './venues.ts';
import {
  DECLINE_REASONS,
  GENERIC_IDEAS,
  GIVEN_NAMES,
  HIDEABLE_IDEAS,
  INCONVENIENCE_SAMPLES,
  STATUS_LABEL,
  SURNAMES,
  josa,
} from './words.ts';
import type {
  SeedAccessibilityNeed,
  SeedAgeGroup,
  SeedData,
  SeedFacilitator,
  SeedForum,
  SeedForumStatus,
  SeedIdea,
  SeedParticipant,
  SeedProposal,
  SeedQuestion,
  SeedRegistration,
  SeedResponseStatus,
  SeedTable,
  SeedTimelineEntry,
  SeedVote,
} from './types.ts';

export const LIVE_JOIN_CODE = 'HYEON24';
/** Consent ids of the signup form (server/domain/consent.ts): one required, three optional. */
const CONSENT = { personal: 'personal', accessibility: 'accessibility', answers: 'answers', notice: 'notice' } as const;

/** The theme facilitators give the generic notes (report back, consult residents, follow up). */
const FOLLOW_UP = '소통과 후속 조치';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const KST = 9 * HOUR;

// ───────────────────────────── randomness ─────────────────────────────

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T>(xs: ReadonlyArray<readonly [T, number]>): T {
    const total = xs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [x, w] of xs) {
      r -= w;
      if (r < 0) return x;
    }
    return xs[xs.length - 1]![0];
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j]!, a[i]!];
    }
    return a;
  }
  sample<T>(xs: readonly T[], n: number): T[] {
    return this.shuffle(xs).slice(0, Math.max(0, Math.min(n, xs.length)));
  }
}

// ───────────────────────────── time ─────────────────────────────

/** ISO 8601 in Seoul time with its offset, to the second. */
export function kst(ms: number): string {
  return new Date(ms + KST).toISOString().slice(0, 19) + '+09:00';
}

/** Calendar date (YYYY-MM-DD) in Seoul. */
export function kstDate(ms: number): string {
  return new Date(ms + KST).toISOString().slice(0, 10);
}

/** Epoch ms of a Seoul wall-clock time on the Seoul day containing `ms`. */
function atKst(ms: number, hour: number, minute = 0): number {
  const d = new Date(ms + KST);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute) - KST;
}

/** The Seoul weekday (0 = Sunday) of `ms`. */
function kstWeekday(ms: number): number {
  return new Date(ms + KST).getUTCDay();
}

function kstYear(ms: number): number {
  return new Date(ms + KST).getUTCFullYear();
}

function kstMonthLabel(ms: number): string {
  const d = new Date(ms + KST);
  return `${d.getUTCFullYear()}년 ${d.getUTCMonth() + 1}월`;
}

/** Move to the nearest Saturday (Seoul) on or after `ms`. */
function toSaturday(ms: number): number {
  const wd = kstWeekday(ms);
  return ms + ((6 - wd + 7) % 7) * DAY;
}

/** A moment between a and b, biased towards a when `early` > 1 (signups arrive early). */
function between(rng: Rng, a: number, b: number, early = 1): number {
  if (b <= a) return a;
  return a + Math.floor(Math.pow(rng.next(), early) * (b - a));
}

// ───────────────────────────── ids and codes ─────────────────────────────

const URL_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

class Ids {
  readonly #rng: Rng;
  readonly #used = new Set<string>();
  constructor(seed: number) {
    this.#rng = new Rng(seed ^ 0x9e3779b9);
  }
  /** A 22-character url-safe id, like the server's own. */
  id(): string {
    for (;;) {
      let s = '';
      for (let i = 0; i < 22; i++) s += URL_SAFE[Math.floor(this.#rng.next() * 64)];
      if (!this.#used.has(s)) {
        this.#used.add(s);
        return s;
      }
    }
  }
  code(prefix: string, len: number): string {
    for (;;) {
      let s = prefix;
      for (let i = 0; i < len; i++) s += CODE_CHARS[Math.floor(this.#rng.next() * CODE_CHARS.length)];
      if (!this.#used.has(s)) {
        this.#used.add(s);
        return s;
      }
    }
  }
  reserve(s: string): string {
    this.#used.add(s);
    return s;
  }
}

// ───────────────────────────── people ─────────────────────────────

interface Person {
  name: string;
  contact: { kind: 'phone' | 'email'; value: string };
  district: District | typeof OTHER_DISTRICT;
  ageGroup: SeedAgeGroup;
}

const AGE_MIX: Record<Audience, ReadonlyArray<readonly [SeedAgeGroup, number]>> = {
  general: [['14-19', 4], ['20s', 10], ['30s', 18], ['40s', 24], ['50s', 22], ['60s', 16], ['70plus', 6]],
  family: [['14-19', 4], ['20s', 6], ['30s', 35], ['40s', 38], ['50s', 10], ['60s', 7]],
  youth: [['14-19', 42], ['20s', 28], ['30s', 12], ['40s', 10], ['50s', 8]],
  senior: [['20s', 2], ['30s', 4], ['40s', 8], ['50s', 18], ['60s', 38], ['70plus', 30]],
  rural: [['20s', 3], ['30s', 8], ['40s', 14], ['50s', 25], ['60s', 30], ['70plus', 20]],
};

function givenNameList(age: SeedAgeGroup): readonly string[] {
  switch (age) {
    case 'under14':
    case '14-19':
      return GIVEN_NAMES.teen;
    case '20s':
    case '30s':
      return GIVEN_NAMES.young;
    case '40s':
    case '50s':
      return GIVEN_NAMES.middle;
    default:
      return GIVEN_NAMES.older;
  }
}

/**
 * Residents who sign up. Many come back for another forum (as in the real series), so a
 * registration reuses an earlier person now and then. Contacts are fictitious by
 * construction: `010-0000-NNNN` (never allocated) or `…@example.kr` / `…@example.com`.
 */
class People {
  readonly #rng: Rng;
  readonly all: Person[] = [];
  #n = 0;
  constructor(rng: Rng) {
    this.#rng = rng;
  }
  make(district: District, audience: Audience): Person {
    const rng = this.#rng;
    const ageGroup = rng.weighted(AGE_MIX[audience]);
    const name = rng.weighted(SURNAMES) + rng.pick(givenNameList(ageGroup));
    const n = ++this.#n;
    const emailish = ageGroup === '14-19' || ageGroup === '20s' || ageGroup === '30s' ? 0.35 : 0.1;
    const contact = rng.chance(emailish)
      ? { kind: 'email' as const, value: `resident${String(n).padStart(4, '0')}@${n % 2 ? 'example.kr' : 'example.com'}` }
      : { kind: 'phone' as const, value: `010-0000-${String(n).padStart(4, '0')}` };
    const r = rng.next();
    const home: District | typeof OTHER_DISTRICT =
      r < 0.62 ? district : r < 0.97 ? rng.pick(DISTRICTS) : OTHER_DISTRICT;
    const p: Person = { name, contact, district: home, ageGroup };
    this.all.push(p);
    return p;
  }
  /** `count` different people for one forum, some of them returning residents. */
  forForum(count: number, district: District, audience: Audience): Person[] {
    const out: Person[] = [];
    const seen = new Set<string>();
    while (out.length < count) {
      let p: Person | undefined;
      if (this.all.length > 50 && this.#rng.chance(0.18)) {
        const q = this.#rng.pick(this.all);
        if (!seen.has(q.contact.value)) p = q;
      }
      p ??= this.make(district, audience);
      if (seen.has(p.contact.value)) continue;
      seen.add(p.contact.value);
      out.push(p);
    }
    return out;
  }
}

/** Trained citizen facilitators: a first cohort in 2014, a new one every other year. */
class Facilitators {
  readonly #rng: Rng;
  readonly cohorts: Array<{ year: number; name: string }> = [];
  constructor(rng: Rng) {
    this.#rng = rng;
    const used = new Set<string>();
    for (let year = 2014; year <= 2030; year += 2) {
      const size = year === 2014 ? 12 : 6;
      for (let i = 0; i < size; i++) {
        let name: string;
        do {
          const age = rng.weighted<SeedAgeGroup>([['30s', 3], ['40s', 4], ['50s', 4], ['60s', 2]]);
          name = rng.weighted(SURNAMES) + rng.pick(givenNameList(age));
        } while (used.has(name));
        used.add(name);
        this.cohorts.push({ year, name });
      }
    }
  }
  /** Distinct facilitators for `n` tables of a forum held in `year`. */
  forForum(year: number, n: number): string[] {
    const pool = this.cohorts.filter((c) => c.year <= year).map((c) => c.name);
    return this.#rng.sample(pool, n);
  }
}

// ───────────────────────────── forum building blocks ─────────────────────────────

/** Text answers to questions with a known id. */
const TEXT_SAMPLES: Record<string, readonly string[]> = {
  route: ['1-1번', '202번', '10번 마을버스', '1330-44번', '8002번', '7-5번'],
  idea: ['작은 공유 주방', '회의실 예약 시스템', '상품 촬영 공간', '세무·노무 상담', '쇼룸 겸 판매 공간'],
};

/** The notice in force when the person signed up (older forums used older wordings). */
function consentVersionFor(ms: number): string {
  const y = kstYear(ms);
  return y >= 2026 ? CONSENT_VERSION : y >= 2023 ? '2023-09' : y >= 2019 ? '2019-07' : '2014-03';
}

function answerFor(rng: Rng, q: SeedQuestion, notes: readonly string[]): string | string[] | undefined {
  if (!q.required && rng.chance(0.3)) return undefined;
  if (q.kind === 'choice') return rng.pick(q.options ?? ['-']);
  if (q.kind === 'multi-choice') return rng.sample(q.options ?? ['-'], rng.int(1, Math.min(3, q.options?.length ?? 1)));
  const samples = TEXT_SAMPLES[q.id];
  if (samples) return rng.pick(samples);
  return rng.chance(0.6) && notes.length ? rng.pick(notes) : rng.pick(INCONVENIENCE_SAMPLES);
}

function accessibilityFor(rng: Rng, audience: Audience, accessibilityTopic: boolean): SeedAccessibilityNeed[] {
  const needs: SeedAccessibilityNeed[] = [];
  if (accessibilityTopic) {
    if (rng.chance(0.25)) needs.push('wheelchair');
    if (rng.chance(0.12)) needs.push('sign-language');
    if (rng.chance(0.1)) needs.push('large-print');
    return needs;
  }
  if (audience === 'family' && rng.chance(0.15)) needs.push('childcare');
  if ((audience === 'senior' || audience === 'rural') && rng.chance(0.08)) needs.push('large-print');
  if (rng.chance(0.02)) needs.push('wheelchair');
  if (rng.chance(0.01)) needs.push('sign-language');
  return needs;
}

const ACCESSIBILITY_NOTES: Partial<Record<SeedAccessibilityNeed, string>> = {
  wheelchair: '전동휠체어를 사용합니다. 테이블 사이 통로를 넓게 부탁드립니다.',
  'sign-language': '수어통역이 필요합니다.',
  childcare: '5살 아이와 함께 갑니다.',
  'large-print': '자료를 큰 글씨로 받고 싶습니다.',
};

interface RegistrationPlan {
  capacity: number;
  /** Seats held at the end (≤ capacity; = capacity when anyone waits). */
  confirmed: number;
  waitlisted: number;
  cancelled: number;
  opensAt: number;
  /** Registrations arrive until this moment. */
  until: number;
  audience: Audience;
  district: District;
  questions: SeedQuestion[];
  notes: readonly string[];
  accessibilityTopic?: boolean;
}

function buildRegistrations(rng: Rng, ids: Ids, people: People, plan: RegistrationPlan): SeedRegistration[] {
  const total = plan.confirmed + plan.waitlisted + plan.cancelled;
  const persons = people.forForum(total, plan.district, plan.audience);
  const times = persons.map(() => between(rng, plan.opensAt, plan.until, 1.8)).sort((a, b) => a - b);
  const cancelAt = new Set(rng.sample([...Array(total).keys()], plan.cancelled));
  const cancelMs = times.map((created, i) =>
    cancelAt.has(i) ? between(rng, created + Math.min(HOUR, (plan.until - created) / 2), plan.until, 0.5) : null,
  );
  // Seats as the server hands them out: in order of arrival while seats are left, then the
  // waitlist; a cancelled seat goes to the first person waiting (promoted at that moment).
  const steps = times
    .map((ms, i) => ({ ms, i, cancel: false }))
    .concat(cancelMs.flatMap((ms, i) => (ms === null ? [] : [{ ms, i, cancel: true }])))
    .sort((a, b) => a.ms - b.ms || Number(a.cancel) - Number(b.cancel) || a.i - b.i);
  const seated = new Set<number>();
  let queue: number[] = [];
  const promotedMs = new Map<number, number>();
  for (const st of steps) {
    if (!st.cancel) {
      if (seated.size < plan.capacity) seated.add(st.i);
      else queue.push(st.i);
    } else if (seated.delete(st.i)) {
      const next = queue.shift();
      if (next !== undefined) {
        seated.add(next);
        promotedMs.set(next, st.ms);
      }
    } else queue = queue.filter((q) => q !== st.i);
  }
  const regs: SeedRegistration[] = [];
  for (let i = 0; i < total; i++) {
    const p = persons[i]!;
    const createdMs = times[i]!;
    const cancelledMs = cancelMs[i]!;
    const outcome: SeedRegistration['outcome'] = cancelledMs !== null ? 'cancelled' : seated.has(i) ? 'confirmed' : 'waitlisted';
    const answers: Record<string, string | string[]> = {};
    for (const q of plan.questions) {
      const a = answerFor(rng, q, plan.notes);
      if (a !== undefined) answers[q.id] = a;
    }
    const needs = accessibilityFor(rng, plan.audience, plan.accessibilityTopic ?? false);
    const note = needs.length && rng.chance(0.6) ? ACCESSIBILITY_NOTES[needs[0]!] ?? null : null;
    // Optional consents: whoever asks for support agrees to its use; most share their answers.
    const consents = {
      [CONSENT.personal]: true,
      [CONSENT.accessibility]: needs.length > 0 || rng.chance(0.55),
      [CONSENT.answers]: rng.chance(0.9),
      [CONSENT.notice]: rng.chance(0.65),
    };
    regs.push({
      id: ids.id(),
      code: ids.code('HD-', 5),
      seq: i + 1,
      name: p.name,
      contact: { ...p.contact },
      district: p.district,
      ageGroup: p.ageGroup,
      role: rng.chance(0.05) ? 'facilitator' : 'participant',
      outcome,
      waitlistPosition: outcome === 'waitlisted' ? queue.indexOf(i) + 1 : null,
      consentVersion: consentVersionFor(createdMs),
      consents,
      consentedAt: kst(createdMs),
      answers: consents[CONSENT.answers] && Object.keys(answers).length ? answers : null,
      accessibility: needs.length ? needs : null,
      accessibilityNote: note,
      createdAt: kst(createdMs),
      cancelledAt: cancelledMs === null ? null : kst(cancelledMs),
      promotedAt: promotedMs.has(i) && outcome === 'confirmed' ? kst(promotedMs.get(i)!) : null,
    });
  }
  return regs;
}

function tablesFor(topics: readonly string[], n: number, facilitators: readonly (string | null)[]): SeedTable[] {
  return Array.from({ length: n }, (_, i) => ({
    number: i + 1,
    topic: topics.length ? topics[i % topics.length]! + (n > topics.length ? ` ${Math.floor(i / topics.length) + 1}모둠` : '') : null,
    facilitator: facilitators[i] ?? null,
  }));
}

function joinCode(ids: Ids, rng: Rng): string {
  for (;;) {
    let s = '';
    for (let i = 0; i < 6; i++) s += CODE_CHARS[Math.floor(rng.next() * CODE_CHARS.length)];
    const c = 'HD' + s;
    if (c !== LIVE_JOIN_CODE) return ids.code(c, 0);
  }
}

/** Participants who joined at the venue, spread over the tables. */
function buildParticipants(rng: Rng, ids: Ids, count: number, tables: number, budget: number, from: number, to: number): SeedParticipant[] {
  const out: SeedParticipant[] = [];
  const times = Array.from({ length: count }, () => between(rng, from, to)).sort((a, b) => a - b);
  for (let i = 0; i < count; i++) {
    // Round-robin with a little noise keeps tables near-even, as facilitators seat people.
    const table = rng.chance(0.8) ? (i % tables) + 1 : rng.int(1, tables);
    out.push({ id: ids.id(), table, voteBudget: budget, joinedAt: kst(times[i]!) });
  }
  return out;
}

/** The first (or a random) participant seated at the table, else any participant. */
function authorAt(rng: Rng, byTable: Map<number, SeedParticipant[]>, table: number, all: SeedParticipant[]): SeedParticipant {
  const at = byTable.get(table);
  return at?.length ? rng.pick(at) : rng.pick(all);
}

function groupByTable(ps: SeedParticipant[]): Map<number, SeedParticipant[]> {
  const m = new Map<number, SeedParticipant[]>();
  for (const p of ps) {
    const a = m.get(p.table) ?? [];
    a.push(p);
    m.set(p.table, a);
  }
  return m;
}

/**
 * Dot voting: each participant spends up to the budget (sometimes several dots on one idea),
 * favouring ideas at their own table and the ideas with more `weight`.
 */
function castVotes(
  rng: Rng,
  participants: SeedParticipant[],
  ideas: SeedIdea[],
  weight: (idea: SeedIdea) => number,
  from: number,
  to: number,
  useShare: number,
): SeedVote[] {
  const votable = ideas.filter((i) => i.status === 'visible');
  if (!votable.length) return [];
  const votes: SeedVote[] = [];
  for (const p of participants) {
    if (!rng.chance(useShare)) continue;
    const dots = rng.chance(0.8) ? p.voteBudget : rng.int(1, p.voteBudget);
    const own = votable.filter((i) => i.table === p.table);
    for (let d = 0; d < dots; d++) {
      const pool = own.length && rng.chance(0.6) ? own : votable;
      const entries = pool.map((i) => [i, weight(i)] as const);
      const idea = rng.weighted(entries);
      votes.push({ ideaId: idea.id, participantId: p.id, createdAt: '' + between(rng, from, to) });
    }
  }
  votes.sort((a, b) => Number(a.createdAt) - Number(b.createdAt));
  for (const v of votes) v.createdAt = kst(Number(v.createdAt));
  return votes;
}

function tally(votes: SeedVote[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of votes) m.set(v.ideaId, (m.get(v.ideaId) ?? 0) + 1);
  return m;
}

// ───────────────────────────── results ─────────────────────────────

function statusWeights(ageYears: number, p: { partial?: string; decline?: string }): Array<[SeedResponseStatus, number]> {
  const w: Record<SeedResponseStatus, number> =
    ageYears > 3
      ? { accepted: 45, partial: 25, declined: 18, reviewing: 8, awaiting: 0 }
      : ageYears > 1
        ? { accepted: 35, partial: 25, declined: 15, reviewing: 25, awaiting: 0 }
        : { accepted: 20, partial: 15, declined: 6, reviewing: 34, awaiting: 25 };
  if (p.partial) w.partial *= 2.5;
  if (p.decline) w.declined *= 2.5;
  return Object.entries(w) as Array<[SeedResponseStatus, number]>;
}

function answerText(
  rng: Rng,
  status: SeedResponseStatus,
  c: { title: string; department: string; action: string; partial?: string; decline?: string },
  answeredMs: number,
  ageYears: number,
): string | null {
  switch (status) {
    case 'accepted':
      return `제안을 수용합니다. ${c.action} 추진 상황은 시 누리집 현답토론회 게시판에 계속 알려 드리겠습니다.`;
    case 'partial':
      return c.partial
        ? `일부 수용합니다. ${c.partial}`
        : `제안 취지에 공감하여 일부 수용합니다. 올해는 시범 사업으로 먼저 추진하고, 전면 확대는 시범 운영 결과와 예산 여건을 살펴 ${kstYear(answeredMs) + 1}년 본예산을 편성할 때 다시 검토하겠습니다.`;
    case 'declined':
      return `검토 결과 지금은 수용하기 어렵습니다. ${c.decline ?? rng.pick(DECLINE_REASONS)} 제안해 주신 취지는 관련 계획을 세울 때 참고하겠습니다.`;
    case 'reviewing':
      return ageYears > 2
        ? `${josa(c.department, '이가')} 중장기 과제로 검토하고 있습니다. 부지와 예산이 확정되는 대로 결과를 알려 드리겠습니다.`
        : `${josa(c.department, '이가')} 현장 조사와 관계 기관 협의를 하고 있습니다. ${kstMonthLabel(answeredMs + 90 * DAY)}까지 검토 결과를 알려 드리겠습니다.`;
    case 'awaiting':
      return null;
  }
}

function buildProposals(
  rng: Rng,
  ids: Ids,
  topic: CatalogTopic,
  ideaIdsByProposal: string[][],
  votesByIdea: Map<string, number>,
  publishedMs: number,
  nowMs: number,
  forumStartMs: number,
): SeedProposal[] {
  const ageYears = (nowMs - forumStartMs) / (365 * DAY);
  const drafts = topic.proposals.map((c, i) => {
    const ideaIds = ideaIdsByProposal[i]!;
    const votes = ideaIds.reduce((s, id) => s + (votesByIdea.get(id) ?? 0), 0);
    return { c, ideaIds, votes };
  });
  drafts.sort((a, b) => b.votes - a.votes);
  return drafts.map(({ c, ideaIds, votes }, idx) => {
    let status = rng.weighted(statusWeights(ageYears, c));
    const assignedMs = publishedMs + rng.int(3, 10) * DAY;
    let answeredMs: number | null = publishedMs + rng.int(20, 60) * DAY;
    if (status === 'awaiting') answeredMs = null;
    else if (answeredMs > nowMs) {
      // The answer is not due yet: still with the department, or not even assigned.
      status = assignedMs <= nowMs ? 'reviewing' : 'awaiting';
      answeredMs = null;
    }
    const timeline: SeedTimelineEntry[] = [{ date: kstDate(publishedMs), text: '토론회 제안으로 채택되어 시에 전달되었습니다.', status: 'awaiting' }];
    if (status !== 'awaiting' && assignedMs <= nowMs) {
      timeline.push({ date: kstDate(assignedMs), text: `${c.department} 배정, 검토 착수`, status: 'reviewing' });
    }
    if (answeredMs !== null) {
      timeline.push({ date: kstDate(answeredMs), text: `시 답변 등록: ${STATUS_LABEL[status]}`, status });
      if (status === 'accepted' || status === 'partial') {
        const budgetMs = answeredMs + rng.int(60, 120) * DAY;
        const budgetMonth = new Date(budgetMs + KST).getUTCMonth() + 1;
        const budget = budgetMonth >= 10 ? `${kstYear(budgetMs) + 1}년 본예산에 사업비 반영` : `${kstYear(budgetMs)}년 추가경정예산에 사업비 반영`;
        // A petition to another authority has no works to follow, only its reply.
        const steps: Array<[number, string]> = /건의|전달/.test(c.action)
          ? [[answeredMs + rng.int(60, 150) * DAY, '관계 기관 회신 접수, 제안 시민께 결과 안내']]
          : [
              [budgetMs, budget],
              [answeredMs + rng.int(150, 300) * DAY, status === 'accepted' ? '사업 착수' : '시범 사업 착수'],
              [answeredMs + rng.int(320, 600) * DAY, status === 'accepted' ? '사업 완료, 제안 시민과 현장 확인' : '시범 사업 결과 점검'],
            ];
        for (const [ms, text] of steps) if (ms <= nowMs) timeline.push({ date: kstDate(ms), text, status: null });
      }
    }
    return {
      id: ids.id(),
      rank: idx + 1,
      title: c.title,
      ideaIds,
      votes,
      category: c.category,
      department: c.department,
      status,
      answer: answeredMs === null ? null : answerText(rng, status, c, answeredMs, ageYears),
      answeredAt: answeredMs === null ? null : kst(answeredMs),
      timeline,
    };
  });
}

// ───────────────────────────── the forums ─────────────────────────────

interface Ctx {
  rng: Rng;
  ids: Ids;
  people: People;
  facilitators: Facilitators;
  nowMs: number;
}

function baseForum(
  ctx: Ctx,
  t: { title: string; summary: string; topics: string[]; district: District; venue: keyof typeof VENUES },
  startMs: number,
  hours: number,
  status: SeedForumStatus,
): SeedForum {
  const v = VENUES[t.venue];
  return {
    id: ctx.ids.id(),
    title: t.title,
    summary: t.summary,
    topics: [...t.topics],
    district: t.district,
    venue: { name: v.name, address: v.address, lat: v.lat, lng: v.lng },
    startsAt: kst(startMs),
    endsAt: kst(startMs + hours * HOUR),
    capacity: 0,
    signupOpensAt: null,
    signupClosesAt: null,
    status,
    voteBudget: 3,
    categories: [],
    voting: { open: false, closesAt: null },
    joinCode: joinCode(ctx.ids, ctx.rng),
    resultsExpectedAt: null,
    createdAt: '',
    updatedAt: '',
    tables: [],
    questions: [],
    registrations: [],
    facilitators: [],
    participants: [],
    ideas: [],
    votes: [],
    results: null,
  };
}

/** Evenly spread past dates, snapped to a Saturday 14:00 (youth forums: a weekday 19:00). */
function pastStart(ctx: Ctx, i: number, n: number, audience: Audience): number {
  const first = Date.UTC(2014, 3, 19) - KST; // 2014-04-19, the first 현답토론회 of the demo
  const last = ctx.nowMs - 50 * DAY;
  const span = Math.max(last - first, n * 7 * DAY);
  const raw = first + Math.floor(((i + 0.15 + 0.7 * ctx.rng.next()) / n) * span);
  if (audience === 'youth') {
    let d = raw;
    while ([0, 6].includes(kstWeekday(d))) d += DAY;
    return Math.min(atKst(d, 19), last);
  }
  return Math.min(atKst(toSaturday(raw), 14), atKst(toSaturday(last - 7 * DAY), 14));
}

function buildPast(ctx: Ctx, topic: CatalogTopic, i: number, n: number): SeedForum {
  const { rng, ids } = ctx;
  const startMs = pastStart(ctx, i, n, topic.audience);
  const hours = topic.audience === 'youth' ? 2.5 : 3;
  const f = baseForum(ctx, topic, startMs, hours, 'reported');
  const year = kstYear(startMs);
  f.voteBudget = rng.chance(0.2) ? 5 : 3;
  // The facilitators sort every note after the forum: by the proposals' themes, and the notes that
  // ask the city to report back, consult and follow up under a theme of their own.
  f.categories = [...new Set([...topic.proposals.map((p) => p.category), FOLLOW_UP])];
  f.questions = year >= 2019 ? [EXPERIENCE, INCONVENIENCE] : [INCONVENIENCE];

  // Signup: about 40–120 people; a few cancel; the seats fit the confirmed.
  const confirmed = rng.int(42, 112);
  const cancelled = rng.int(0, 5);
  f.capacity = rng.chance(0.3) ? confirmed : Math.ceil((confirmed + rng.int(1, 15)) / 10) * 10;
  const opensMs = atKst(startMs - rng.int(21, 35) * DAY, 9);
  const closesMs = atKst(startMs - 2 * DAY, 18);
  f.signupOpensAt = kst(opensMs);
  f.signupClosesAt = kst(closesMs);
  f.createdAt = kst(opensMs - rng.int(5, 14) * DAY);
  const notes = topic.proposals.flatMap((p) => p.ideas).concat(topic.extra);
  f.registrations = buildRegistrations(rng, ids, ctx.people, {
    capacity: f.capacity,
    confirmed,
    waitlisted: 0,
    cancelled,
    opensAt: opensMs,
    until: closesMs,
    audience: topic.audience,
    district: topic.district,
    questions: f.questions,
    notes,
    accessibilityTopic: topic.topics.includes('장애인'),
  });

  // At the venue: most of the confirmed come; a table per 7–8 people, 4–12 tables.
  const attended = Math.round(confirmed * (0.76 + 0.2 * rng.next()));
  const tableCount = Math.max(4, Math.min(12, Math.round(attended / 7.5)));
  const names = ctx.facilitators.forForum(year, tableCount);
  f.tables = tablesFor(topic.tables, tableCount, names);
  f.facilitators = f.tables.map<SeedFacilitator>((t) => ({
    id: ids.id(),
    name: t.facilitator!,
    table: t.number,
    createdAt: kst(startMs - rng.int(2, 7) * DAY),
  }));
  f.participants = buildParticipants(rng, ids, attended, tableCount, f.voteBudget, startMs - 20 * MIN, startMs + 15 * MIN);
  const byTable = groupByTable(f.participants);

  // Ideas: every proposal's notes, the topic's other notes, a few generic ones.
  const ideaWindow = [startMs + 30 * MIN, startMs + 100 * MIN] as const;
  const mkIdea = (text: string, table: number, category: string | null): SeedIdea => {
    const byFacilitator = rng.chance(0.15);
    const created = between(rng, ideaWindow[0], ideaWindow[1]);
    return {
      id: ids.id(),
      table,
      text,
      category,
      status: 'visible',
      mergedInto: null,
      pinned: false,
      promoted: false,
      participantId: byFacilitator ? null : authorAt(rng, byTable, table, f.participants).id,
      facilitatorId: byFacilitator ? f.facilitators[table - 1]!.id : null,
      createdAt: kst(created),
      updatedAt: kst(created),
    };
  };
  const ideaIdsByProposal: string[][] = [];
  const ideas: SeedIdea[] = [];
  topic.proposals.forEach((p, pi) => {
    const ids2: string[] = [];
    p.ideas.forEach((text, k) => {
      const table = ((pi + k * 2) % tableCount) + 1;
      const idea = mkIdea(text, table, p.category);
      ideas.push(idea);
      ids2.push(idea.id);
    });
    ideaIdsByProposal.push(ids2);
  });
  // (The draws stay as they were, so the rest of the seed does not change; the notes a facilitator
  // left unsorted on the day are sorted under the forum's themes in turn.)
  const themes = f.categories.filter((c) => c !== FOLLOW_UP);
  topic.extra.forEach((text, k) => {
    const table = rng.int(1, tableCount);
    ideas.push(mkIdea(text, table, (rng.chance(0.6) ? rng.pick(themes) : null) ?? themes[k % themes.length]!));
  });
  const generic = rng.sample(GENERIC_IDEAS, Math.max(2, Math.min(10, tableCount * 4 - ideas.length)));
  for (const text of generic) ideas.push(mkIdea(text, rng.int(1, tableCount), FOLLOW_UP));
  if (rng.chance(0.35)) {
    const hidden = mkIdea(rng.pick(HIDEABLE_IDEAS), rng.int(1, tableCount), null);
    hidden.status = 'hidden';
    hidden.updatedAt = kst(Date.parse(hidden.createdAt) + 5 * MIN);
    ideas.push(hidden);
  }
  ideas.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  // Promoted to the plenary: the notes behind proposals.
  const proposalIdeas = new Set(ideaIdsByProposal.flat());
  for (const idea of ideas) if (proposalIdeas.has(idea.id)) idea.promoted = true;
  f.ideas = ideas;

  // Dots: the proposals' notes draw more (that is how they became proposals).
  const voteFrom = startMs + 110 * MIN;
  f.votes = castVotes(rng, f.participants, ideas, (i) => (proposalIdeas.has(i.id) ? 6 : 1), voteFrom, voteFrom + 20 * MIN, 0.93);
  const votesByIdea = tally(f.votes);

  // Results, some weeks later.
  const publishedMs = atKst(Math.min(startMs + rng.int(18, 35) * DAY, ctx.nowMs - 2 * DAY), 10);
  const proposals = buildProposals(rng, ids, topic, ideaIdsByProposal, votesByIdea, publishedMs, ctx.nowMs, startMs);
  const visibleIdeas = ideas.filter((x) => x.status === 'visible').length;
  f.results = {
    publishedAt: kst(publishedMs),
    summary:
      `${f.venue.name}에서 열린 토론회에 시민 ${attended}명이 ${tableCount}개 테이블에 나누어 앉았습니다. ` +
      `시민 퍼실리테이터 ${tableCount}명이 테이블 토론을 진행했고, 참가자들이 낸 의견 ${visibleIdeas}건 가운데 스티커 투표로 모은 제안 ${proposals.length}건을 시에 전달했습니다. ` +
      `가장 많은 공감을 얻은 제안은 ‘${proposals[0]!.title}’입니다.`,
    attended,
    proposals,
  };
  const lastAnswer = proposals
    .flatMap((p) => p.timeline.map((t) => t.date))
    .sort()
    .pop();
  f.updatedAt = lastAnswer && lastAnswer > kstDate(publishedMs) ? `${lastAnswer}T09:00:00+09:00` : f.results.publishedAt;
  return f;
}

interface UpcomingPlan {
  status: SeedForumStatus;
  /** Days from now to the start. */
  inDays: number;
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** Days from now signup opens (negative: already open). */
  opensInDays: number;
  /** Days before the start signup closes. */
  closesDaysBefore: number;
  tables: number;
  saturday: boolean;
}

const UPCOMING_PLANS: UpcomingPlan[] = [
  { status: 'announced', inDays: 74, capacity: 80, confirmed: 0, waitlisted: 0, opensInDays: 38, closesDaysBefore: 3, tables: 10, saturday: true },
  { status: 'announced', inDays: 86, capacity: 60, confirmed: 0, waitlisted: 0, opensInDays: 45, closesDaysBefore: 3, tables: 8, saturday: false },
  { status: 'open', inDays: 24, capacity: 60, confirmed: 31, waitlisted: 0, opensInDays: -12, closesDaysBefore: 2, tables: 8, saturday: true },
  { status: 'open', inDays: 38, capacity: 50, confirmed: 12, waitlisted: 0, opensInDays: -4, closesDaysBefore: 2, tables: 6, saturday: false },
  { status: 'open', inDays: 17, capacity: 80, confirmed: 46, waitlisted: 0, opensInDays: -15, closesDaysBefore: 2, tables: 10, saturday: true },
  { status: 'open', inDays: 12, capacity: 60, confirmed: 57, waitlisted: 0, opensInDays: -20, closesDaysBefore: 2, tables: 8, saturday: false },
  { status: 'full', inDays: 9, capacity: 40, confirmed: 40, waitlisted: 6, opensInDays: -21, closesDaysBefore: 2, tables: 5, saturday: true },
  { status: 'closed', inDays: 5, capacity: 70, confirmed: 63, waitlisted: 0, opensInDays: -30, closesDaysBefore: 6, tables: 9, saturday: false },
];

function buildUpcoming(ctx: Ctx, topic: UpcomingTopic, plan: UpcomingPlan): SeedForum {
  const { rng, ids, nowMs } = ctx;
  // Saturdays at 14:00 or weekdays at 19:00 after work, alternating.
  let day = nowMs + plan.inDays * DAY;
  if (plan.saturday) day = toSaturday(day);
  else while ([0, 6].includes(kstWeekday(day))) day += DAY;
  const weekend = plan.saturday;
  const startMs = atKst(day, weekend ? 14 : 19);
  const f = baseForum(ctx, topic, startMs, weekend ? 3 : 2.5, plan.status);
  f.capacity = plan.capacity;
  f.categories = [...topic.categories];
  f.questions = topic.questions.map((q) => ({ ...q, options: q.options ? [...q.options] : null }));
  const opensMs = atKst(nowMs + plan.opensInDays * DAY, 9);
  const closesMs = atKst(startMs - plan.closesDaysBefore * DAY, 18);
  f.signupOpensAt = kst(opensMs);
  f.signupClosesAt = kst(closesMs);
  f.createdAt = kst(Math.min(opensMs, nowMs) - rng.int(7, 20) * DAY);
  f.updatedAt = f.createdAt;
  const names = plan.status === 'announced' ? [] : ctx.facilitators.forForum(kstYear(startMs), plan.tables);
  f.tables = tablesFor(topic.tables, plan.tables, names);
  if (plan.confirmed + plan.waitlisted > 0) {
    f.registrations = buildRegistrations(rng, ids, ctx.people, {
      capacity: plan.capacity,
      confirmed: plan.confirmed,
      waitlisted: plan.waitlisted,
      cancelled: plan.waitlisted > 0 ? 4 : rng.int(0, 2),
      opensAt: opensMs,
      until: Math.min(nowMs - 10 * MIN, closesMs),
      audience: topic.audience,
      district: topic.district,
      questions: f.questions,
      notes: [],
    });
    f.updatedAt = f.registrations[f.registrations.length - 1]!.createdAt;
  }
  return f;
}

function buildLive(ctx: Ctx): SeedForum {
  const { rng, ids, nowMs } = ctx;
  const startMs = Math.floor((nowMs - HOUR) / (10 * MIN)) * 10 * MIN;
  const f = baseForum(ctx, LIVE_TOPIC, startMs, 3, 'live');
  f.joinCode = ids.reserve(LIVE_JOIN_CODE);
  f.capacity = 72;
  f.categories = [...LIVE_TOPIC.categories];
  f.questions = [EXPERIENCE, INCONVENIENCE];
  const opensMs = atKst(startMs - 30 * DAY, 9);
  const closesMs = atKst(startMs - 2 * DAY, 18);
  f.signupOpensAt = kst(opensMs);
  f.signupClosesAt = kst(closesMs);
  f.createdAt = kst(opensMs - 10 * DAY);
  const notes = LIVE_TOPIC.tables.flatMap((t) => t.ideas);
  f.registrations = buildRegistrations(rng, ids, ctx.people, {
    capacity: f.capacity,
    confirmed: 66,
    waitlisted: 0,
    cancelled: 3,
    opensAt: opensMs,
    until: closesMs,
    audience: 'general',
    district: LIVE_TOPIC.district,
    questions: f.questions,
    notes,
  });
  const tableCount = LIVE_TOPIC.tables.length;
  const names = ctx.facilitators.forForum(kstYear(startMs), tableCount);
  f.tables = LIVE_TOPIC.tables.map((t, i) => ({ number: i + 1, topic: t.topic, facilitator: names[i]! }));
  f.facilitators = f.tables.map((t) => ({ id: ids.id(), name: t.facilitator!, table: t.number, createdAt: kst(startMs - 2 * DAY) }));
  f.participants = buildParticipants(rng, ids, 60, tableCount, 3, startMs - 15 * MIN, startMs + 20 * MIN);
  const byTable = groupByTable(f.participants);

  // Ideas over the first 45 minutes or so; moderation while they come in.
  const ideaFrom = startMs + 12 * MIN;
  const votingOpensMs = nowMs - 14 * MIN;
  const ideaTo = votingOpensMs - 3 * MIN;
  const ideas: SeedIdea[] = [];
  LIVE_TOPIC.tables.forEach((t, ti) => {
    for (const text of t.ideas) {
      const table = ti + 1;
      const created = between(rng, ideaFrom, ideaTo);
      const byFacilitator = rng.chance(0.12);
      const categorised = rng.chance(0.55);
      const category = categorised ? (rng.chance(0.85) ? t.category : rng.pick(LIVE_TOPIC.categories)) : null;
      const updated = categorised ? Math.min(created + rng.int(1, 8) * MIN, votingOpensMs - MIN) : created;
      ideas.push({
        id: ids.id(),
        table,
        text,
        category,
        status: 'visible',
        mergedInto: null,
        pinned: false,
        promoted: false,
        participantId: byFacilitator ? null : authorAt(rng, byTable, table, f.participants).id,
        facilitatorId: byFacilitator ? f.facilitators[ti]!.id : null,
        createdAt: kst(created),
        updatedAt: kst(Math.max(created, updated)),
      });
    }
  });
  // Two notes the facilitators hid, one duplicate merged into its twin.
  for (const text of HIDEABLE_IDEAS.slice(0, 2)) {
    const table = rng.int(1, tableCount);
    const created = between(rng, ideaFrom, ideaTo - 5 * MIN);
    ideas.push({
      id: ids.id(),
      table,
      text,
      category: null,
      status: 'hidden',
      mergedInto: null,
      pinned: false,
      promoted: false,
      participantId: authorAt(rng, byTable, table, f.participants).id,
      facilitatorId: null,
      createdAt: kst(created),
      updatedAt: kst(created + 2 * MIN),
    });
  }
  const twin = ideas.find((i) => i.text.startsWith('출근 시간에 마을버스가 20분 간격'))!;
  const dupCreated = Date.parse(twin.createdAt) + 4 * MIN;
  ideas.push({
    id: ids.id(),
    table: twin.table === tableCount ? 1 : twin.table + 1,
    text: '아침 출근 시간 마을버스 간격이 너무 길어요, 20분 넘게 기다려요',
    category: twin.category,
    status: 'merged',
    mergedInto: twin.id,
    pinned: false,
    promoted: false,
    participantId: rng.pick(f.participants).id,
    facilitatorId: null,
    createdAt: kst(dupCreated),
    updatedAt: kst(Math.min(dupCreated + 6 * MIN, votingOpensMs - MIN)),
  });
  // Merging touches the target too (as the server does).
  const mergedAt = ideas[ideas.length - 1]!.updatedAt;
  if (twin.updatedAt < mergedAt) twin.updatedAt = mergedAt;
  ideas.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));

  // Dots since the round opened; about two in three people have voted so far.
  // Each table's first notes are its sharpest ones; they draw the most dots.
  const appeal = new Map<string, number>();
  for (const i of ideas) {
    const k = LIVE_TOPIC.tables[i.table - 1]!.ideas.indexOf(i.text);
    appeal.set(i.id, k === 0 ? 8 : k === 1 ? 5 : k === 2 ? 3 : 1 + rng.next() * 1.5);
  }
  f.votes = castVotes(rng, f.participants, ideas, (i) => appeal.get(i.id) ?? 1, votingOpensMs, nowMs - 30_000, 0.68);
  const votesByIdea = tally(f.votes);
  // Pinned: the two leading ideas; promoted: the next few. Moderated after the votes came in.
  const ranked = ideas.filter((i) => i.status === 'visible').sort((a, b) => (votesByIdea.get(b.id) ?? 0) - (votesByIdea.get(a.id) ?? 0) || a.id.localeCompare(b.id));
  const moderatedAt = kst(nowMs - 2 * MIN);
  ranked.slice(0, 2).forEach((i) => {
    i.pinned = true;
    i.promoted = true;
    i.category ??= LIVE_TOPIC.tables[i.table - 1]!.category;
    i.updatedAt = moderatedAt;
  });
  ranked.slice(2, 6).forEach((i) => {
    i.promoted = true;
    i.category ??= LIVE_TOPIC.tables[i.table - 1]!.category;
    i.updatedAt = moderatedAt;
  });
  f.ideas = ideas;
  f.voting = { open: true, closesAt: null };
  f.updatedAt = kst(votingOpensMs);
  return f;
}

function buildFinished(ctx: Ctx): SeedForum {
  const { rng, ids, nowMs } = ctx;
  const startMs = atKst(toSaturday(nowMs - 12 * DAY), 14);
  const t = FINISHED_TOPIC;
  const f = baseForum(ctx, t, startMs, 3, 'finished');
  f.capacity = 50;
  f.categories = [...t.categories];
  f.questions = [EXPERIENCE, INCONVENIENCE];
  const opensMs = atKst(startMs - 28 * DAY, 9);
  const closesMs = atKst(startMs - 2 * DAY, 18);
  f.signupOpensAt = kst(opensMs);
  f.signupClosesAt = kst(closesMs);
  f.createdAt = kst(opensMs - 9 * DAY);
  f.registrations = buildRegistrations(rng, ids, ctx.people, {
    capacity: f.capacity,
    confirmed: 47,
    waitlisted: 0,
    cancelled: 2,
    opensAt: opensMs,
    until: closesMs,
    audience: t.audience,
    district: t.district,
    questions: f.questions,
    notes: t.ideas,
  });
  const tableCount = t.tables.length;
  f.tables = tablesFor(t.tables, tableCount, ctx.facilitators.forForum(kstYear(startMs), tableCount));
  f.facilitators = f.tables.map((x) => ({ id: ids.id(), name: x.facilitator!, table: x.number, createdAt: kst(startMs - 3 * DAY) }));
  f.participants = buildParticipants(rng, ids, 41, tableCount, 3, startMs - 15 * MIN, startMs + 15 * MIN);
  const byTable = groupByTable(f.participants);
  f.ideas = t.ideas
    .map((text, k) => {
      const table = (k % tableCount) + 1;
      const created = between(rng, startMs + 30 * MIN, startMs + 100 * MIN);
      return {
        id: ids.id(),
        table,
        text,
        // Sorted after the forum: what was left unsorted on the day goes under the themes in turn.
        category: (rng.chance(0.8) ? rng.pick(t.categories) : null) ?? t.categories[k % t.categories.length]!,
        status: 'visible' as const,
        mergedInto: null,
        pinned: false,
        promoted: k < 4,
        participantId: authorAt(rng, byTable, table, f.participants).id,
        facilitatorId: null,
        createdAt: kst(created),
        updatedAt: kst(created),
      };
    })
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  f.votes = castVotes(rng, f.participants, f.ideas, (i) => (i.promoted ? 4 : 1), startMs + 110 * MIN, startMs + 130 * MIN, 0.95);
  f.resultsExpectedAt = kst(atKst(nowMs + 21 * DAY, 18));
  f.updatedAt = kst(startMs + 3 * HOUR);
  return f;
}

/**
 * The whole demo seed, deterministic for a given `now` and `seed`. All times are ISO 8601
 * with +09:00; past forums span 2014 to about six weeks before `now`.
 */
export function generateDemoSeed(now: Date, seed = 2014): SeedData {
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new TypeError('generateDemoSeed: `now` is not a valid date');
  const rng = new Rng(seed);
  const ctx: Ctx = { rng, ids: new Ids(seed), people: new People(rng), facilitators: new Facilitators(rng), nowMs };

  const past = PAST_TOPICS.map((t, i) => buildPast(ctx, t, i, PAST_TOPICS.length));
  const finished = buildFinished(ctx);
  const live = buildLive(ctx);
  const upcoming = UPCOMING_TOPICS.map((t, i) => buildUpcoming(ctx, t, UPCOMING_PLANS[i % UPCOMING_PLANS.length]!));
  const demoFacilitator = ctx.facilitators.forForum(kstYear(nowMs), 30).find((n) => !live.tables.some((t) => t.facilitator === n))!;

  const forums = [...past, finished, live, ...upcoming].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const openForum = upcoming.find((f) => f.status === 'open')!;
  return {
    now: kst(nowMs),
    seed,
    forums,
    demo: { liveForumId: live.id, joinCode: live.joinCode, openForumId: openForum.id, facilitatorName: demoFacilitator },
  };
}
