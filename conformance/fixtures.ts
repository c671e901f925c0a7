/**
 * What the checks need from the backend: the existing forums (read-only), and — with the
 * admin token — forums the kit creates for itself, so that write checks never touch real data.
 */
import { randomUUID } from 'node:crypto';
import type { Api } from './http.ts';
import { Skip } from './http.ts';

export type Forum = {
  id: string;
  title: string;
  status: string;
  district: string;
  capacity: number;
  registered: number;
  waitlisted: number;
  ideas: number;
  participants: number;
  voteBudget: number;
  tables: number;
  startsAt: string;
  resultsPublished: boolean;
  joinCode?: string;
};
export type Idea = { id: string; forumId: string; text: string; table: number; votes: number; status: string; mergedInto: string | null };
export type SignupForm = {
  forumId: string;
  consentVersion: string;
  consents: { id: string; required: boolean }[];
  questions: { id: string; kind: string; required: boolean; options?: string[] }[];
  districts: string[];
  ageGroups: string[];
};
export type Session = { participantId: string; token: string; table: number; voteBudget: number; votesUsed: number };
export type Facilitator = { facilitatorId: string; token: string };

export interface LiveForum {
  forum: Forum;
  joinCode: string;
  facilitator: Facilitator;
  participants: Session[];
}

export const KIT_TAG = 'conformance-kit';

export function futureIso(days: number, hours = 0): string {
  return new Date(Math.floor(Date.now() / 60000) * 60000 + days * 86400000 + hours * 3600000).toISOString().replace('.000Z', 'Z');
}

export function validForumInput(purpose: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: `[conformance] ${purpose}`.slice(0, 100),
    summary: 'Created by the Hyeondap conformance kit to check the API; safe to ignore.',
    topics: [KIT_TAG],
    district: '화도읍',
    venue: { name: '적합성 점검 회의실', address: '경기도 남양주시 경춘로 1037' },
    startsAt: futureIso(60),
    endsAt: futureIso(60, 2),
    capacity: 30,
    tables: 4,
    voteBudget: 3,
    categories: ['교통', '환경'],
    ...overrides,
  };
}

export function validRegistration(form: SignupForm, tag: string): Record<string, unknown> {
  const answers: Record<string, string | string[]> = {};
  for (const q of form.questions) {
    if (!q.required) continue;
    if (q.kind === 'text') answers[q.id] = '네';
    else if (q.kind === 'choice') answers[q.id] = q.options?.[0] ?? '네';
    else answers[q.id] = [q.options?.[0] ?? '네'];
  }
  const ageGroup = form.ageGroups.includes('30s') ? '30s' : (form.ageGroups.find((a) => a !== 'under14') ?? '30s');
  const body: Record<string, unknown> = {
    name: '점검 참가자',
    contact: { kind: 'email', value: `conformance+${tag}@example.com` },
    district: form.districts[0] ?? '화도읍',
    ageGroup,
    role: 'participant',
    consentVersion: form.consentVersion,
    consents: Object.fromEntries(form.consents.map((c) => [c.id, true])),
  };
  if (Object.keys(answers).length) body.answers = answers;
  return body;
}

export class Fixtures {
  private live: Promise<LiveForum> | undefined;
  private forumsCache: Promise<Forum[]> | undefined;
  private open: Promise<Forum> | undefined;
  private idea: Promise<Idea> | undefined;
  private live2: Promise<LiveForum> | undefined;
  private readonly runTag = randomUUID().slice(0, 8);
  private seq = 0;

  constructor(
    /** An Api bound to a signal that outlives one check (fixtures are shared). */
    private readonly api: () => Api,
    readonly adminToken: string | undefined,
  ) {}

  tag(): string {
    return `${this.runTag}-${++this.seq}`;
  }

  requireAdmin(): string {
    if (!this.adminToken) throw new Skip('needs --admin-token');
    return this.adminToken;
  }

  /** Every forum on the backend, following nextCursor (cached until the kit creates one). */
  existingForums(): Promise<Forum[]> {
    this.forumsCache ??= this.listAll(this.api());
    return this.forumsCache;
  }

  async listAll(api: Api, query: Record<string, string> = {}): Promise<Forum[]> {
    const out: Forum[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 500; page++) {
      const res = await api.call('GET /forums', { query: { ...query, limit: 100, cursor }, expect: 200 });
      const body = res.body as { items: Forum[]; nextCursor: string | null };
      out.push(...body.items);
      if (!body.nextCursor) return out;
      cursor = body.nextCursor;
    }
    return out;
  }

  async createForum(api: Api, purpose: string, overrides: Record<string, unknown> = {}): Promise<Forum> {
    const token = this.requireAdmin();
    const res = await api.call('POST /forums', { token, body: validForumInput(purpose, overrides), idempotencyKey: true, expect: 201 });
    this.forumsCache = undefined;
    return res.body as Forum;
  }

  async setStatus(api: Api, forumId: string, status: string): Promise<Forum> {
    const res = await api.call('POST /forums/{forumId}/status', { params: { forumId }, token: this.requireAdmin(), body: { status }, expect: 200 });
    return res.body as Forum;
  }

  async signupForm(api: Api, forumId: string): Promise<SignupForm> {
    return (await api.call('GET /forums/{forumId}/signup-form', { params: { forumId }, expect: 200 })).body as SignupForm;
  }

  async forum(api: Api, forumId: string): Promise<Forum> {
    return (await api.call('GET /forums/{forumId}', { params: { forumId }, expect: 200 })).body as Forum;
  }

  async join(api: Api, forumId: string, joinCode: string, table: number): Promise<Session> {
    const res = await api.call('POST /forums/{forumId}/participants', { params: { forumId }, body: { joinCode, table }, idempotencyKey: true, expect: 201 });
    return res.body as Session;
  }

  async facilitator(api: Api, forumId: string, name = '점검 퍼실리테이터', table: number | null = null): Promise<Facilitator> {
    const res = await api.call('POST /forums/{forumId}/facilitators', { params: { forumId }, token: this.requireAdmin(), body: { name, table }, expect: 201 });
    return res.body as Facilitator;
  }

  /** A fresh live forum with a facilitator, two participants at tables 1 and 2, and voting open. */
  async newLiveForum(api: Api, purpose: string, overrides: Record<string, unknown> = {}): Promise<LiveForum> {
    const created = await this.createForum(api, purpose, overrides);
    if (!created.joinCode) throw new Error('POST /forums → joinCode missing from the created forum');
    const forum = await this.setStatus(api, created.id, 'live');
    const facilitator = await this.facilitator(api, created.id);
    const participants = [await this.join(api, created.id, created.joinCode, 1), await this.join(api, created.id, created.joinCode, 2)];
    await api.call('PUT /forums/{forumId}/voting', { params: { forumId: created.id }, token: facilitator.token, body: { open: true }, expect: 200 });
    return { forum, joinCode: created.joinCode, facilitator, participants };
  }

  /** One shared live forum for checks that only read it or post ideas into it. */
  liveForum(): Promise<LiveForum> {
    this.requireAdmin();
    this.live ??= this.newLiveForum(this.api(), 'live (shared)');
    return this.live;
  }

  /** One shared forum open for signup (capacity 50) for checks that register and cancel. */
  sharedOpenForum(): Promise<Forum> {
    this.requireAdmin();
    this.open ??= (async () => {
      const api = this.api();
      const f = await this.createForum(api, 'signup (shared)', { capacity: 50 });
      return this.setStatus(api, f.id, 'open');
    })();
    return this.open;
  }

  /** One idea in the shared live forum, for checks that only moderate it with bad input. */
  sharedIdea(): Promise<Idea> {
    this.idea ??= this.liveForum().then((lf) => this.postIdea(this.api(), lf.forum.id, lf.participants[0]!.token, '점검용 제안: 버스 배차 간격을 줄여 주세요'));
    return this.idea;
  }

  /** A second live forum, for checks that use one forum's token on another. */
  secondLiveForum(): Promise<LiveForum> {
    this.requireAdmin();
    this.live2 ??= this.newLiveForum(this.api(), 'live (second)');
    return this.live2;
  }

  async postIdea(api: Api, forumId: string, token: string, text: string): Promise<Idea> {
    const res = await api.call('POST /forums/{forumId}/ideas', { params: { forumId }, token, body: { text }, idempotencyKey: true, expect: 201 });
    return res.body as Idea;
  }
}
