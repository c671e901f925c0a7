/**
 * One person, one set of dots on the fake's store, as the reference server does it
 * (server/model/participants.ts): a join with the participant's own token or the browser's install
 * key returns that participant; facilitators list who joined and revoke a participant (dots
 * released live, tokens gone, the browser's key refused). The fake keeps what it needs beside the
 * store (a revoked participant leaves `f.participants`, so every count leaves it out too).
 */
import type { Participant, ParticipantRevoked, ParticipantSession } from '../../src/api/types.js';
import { ProblemError, validationError, type ForumRec, type Principal, type Store } from './store.ts';

interface Kept {
  /** install key → participant id */
  keys: Map<string, string>;
  revoked: Map<string, { table: number; revokedAt: string }>;
  /** idea id → the participant who posted it */
  authors: Map<string, string>;
}
const kept = new WeakMap<ForumRec, Kept>();
const of = (f: ForumRec): Kept => {
  let k = kept.get(f);
  if (!k) kept.set(f, (k = { keys: new Map(), revoked: new Map(), authors: new Map() }));
  return k;
};

function participantsChanged(store: Store, f: ForumRec, table: number): void {
  let at = 0;
  for (const p of f.participants.values()) if (p.table === table) at++;
  store.emit(f.id, 'participants.changed', { participants: f.participants.size, table, tableParticipants: at });
}

/** The participant token a join comes with (null without one); any other token is 403. */
export function joinHolder(who: Principal | null, forumId: string): Principal | null {
  if (who && who.kind !== 'participant') throw new ProblemError('forbidden', 'Join without a token, or with your participant token of this forum.');
  if (who && who.forumId !== forumId) throw new ProblemError('forbidden', 'The token is for another forum.');
  return who;
}

/** A join: the participant the caller already is (200), or a new one (201). */
export function join(store: Store, forumId: string, input: { joinCode: string; table: number; installKey?: string | undefined }, who: Principal | null): { status: number; body: ParticipantSession } {
  const f = store.forum(forumId);
  const k = of(f);
  if (input.joinCode.trim().toUpperCase() !== f.joinCode.toUpperCase() || f.status !== 'live') {
    throw new ProblemError('forbidden', 'This join code does not let you join this forum now: check the code, or wait until the forum is live.');
  }
  if (input.table > f.tables) throw validationError([{ field: 'table', code: 'too_big', message: `This forum has tables 1–${f.tables}.` }]);
  const known = who?.subjectId ?? (input.installKey !== undefined ? k.keys.get(input.installKey) : undefined);
  if (known === undefined) {
    const body = store.join(forumId, input.joinCode, input.table);
    if (input.installKey !== undefined) k.keys.set(input.installKey, body.participantId);
    return { status: 201, body };
  }
  if (k.revoked.has(known)) throw new ProblemError('participant-revoked', 'A facilitator revoked this participation; ask them at your table.');
  const p = f.participants.get(known)!;
  const token = who?.token ?? store.issueToken('participant', f.id, p.id);
  if (p.table !== input.table) {
    const was = p.table;
    p.table = input.table;
    participantsChanged(store, f, was);
    participantsChanged(store, f, input.table);
  }
  const votesUsed = f.votes.filter((v) => v.participantId === p.id).length;
  return { status: 200, body: { participantId: p.id, forumId: f.id, table: p.table, token, voteBudget: p.voteBudget, votesUsed } };
}

/** Remember who posted an idea (for the facilitators' list). */
export function noteAuthor(store: Store, forumId: string, ideaId: string, participantId: string): void {
  of(store.forum(forumId)).authors.set(ideaId, participantId);
}

export function listParticipants(store: Store, forumId: string): { total: number; revoked: number; rows: Participant[] } {
  const f = store.forum(forumId);
  const k = of(f);
  const ideas = new Map<string, number>();
  for (const by of k.authors.values()) ideas.set(by, (ideas.get(by) ?? 0) + 1);
  const rows = [...f.participants.values()]
    .sort((a, b) => (a.joinedAt < b.joinedAt ? -1 : a.joinedAt > b.joinedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((p) => ({ id: p.id, table: p.table, joinedAt: p.joinedAt, voteBudget: p.voteBudget, votesUsed: f.votes.filter((v) => v.participantId === p.id).length, ideas: ideas.get(p.id) ?? 0 }));
  return { total: rows.length, revoked: k.revoked.size, rows };
}

export function revoke(store: Store, forumId: string, participantId: string): ParticipantRevoked {
  const f = store.forum(forumId);
  const k = of(f);
  const gone = k.revoked.get(participantId);
  if (gone) return { participantId, table: gone.table, revokedAt: gone.revokedAt, votesReleased: 0, participants: f.participants.size };
  const p = f.participants.get(participantId);
  if (!p) throw new ProblemError('not-found', 'No such participant in this forum.');
  const revokedAt = store.now().toISOString();
  const mine = f.votes.filter((v) => v.participantId === participantId);
  f.votes = f.votes.filter((v) => v.participantId !== participantId);
  for (const [token, who] of store.tokens) if (who.kind === 'participant' && who.subjectId === participantId) store.tokens.delete(token);
  f.participants.delete(participantId);
  k.revoked.set(participantId, { table: p.table, revokedAt });
  for (const ideaId of [...new Set(mine.map((v) => v.ideaId))].sort()) store.emit(f.id, 'vote.changed', { ideaId, votes: store.ideaVotes(f, ideaId) });
  participantsChanged(store, f, p.table);
  return { participantId, table: p.table, revokedAt, votesReleased: mine.length, participants: f.participants.size };
}
