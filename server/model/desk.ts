/**
 * The check-in desk: who arrived, walk-ins, seats by hand, join passes.
 *
 * Door rule (who gets in, see `admit`): a confirmed registration always (its seat was promised).
 * Anyone else who would take a seat — a waitlisted registration, a walk-in — only while the room
 * has a free seat: the room's seats (the tables' seats; the capacity when no tables are set up)
 * minus everyone checked in, minus, until the forum is `live`, the confirmed registrations still
 * expected. Once the forum is live, the seats of people who did not come are free. Staff may
 * admit over that with `overCapacity` (a chair brought in); the seating then says who has no seat.
 * Registrations with the role `facilitator` (citizen facilitators) are not seated and take no seat.
 *
 * Join passes (`JoinPass`): a random secret, stored hashed in `tokens` (kind `join`, the
 * registration as subject). `joinWithPass` spends it once and makes (or finds) the one
 * participant bound to that registration — in a check-in-only forum the only way to get dots.
 * A newer pass of the same registration replaces the older ones; undoing the check-in removes them.
 *
 * Check-ins are live for staff: `checkin.changed` events with audience `staff` (names!), never on
 * the public stream.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import type { DB, RegistrationsTable } from '../db/schema.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { CONSENTS, normalizeEmail, normalizeKoreanPhone } from '../domain/consent.ts';
import { answerErrors, formErrors } from '../domain/registration-checks.ts';
import { ProblemError, validationError, type FieldError } from '../http/problem.ts';
import type { Tx } from '../http/write.ts';
import { forumChanged, type ForumRow } from './forum.ts';
import { emitParticipantsChanged, installKeyHash, type ParticipantSession } from './participants.ts';
import { settleSeats } from './registrations.ts';
import type { walkInInputSchema } from './schemas.ts';
import { randomCode } from '../util.ts';

type Q = Kysely<DB>;
export type RegRow = Selectable<RegistrationsTable>;
type WalkInInput = z.output<typeof walkInInputSchema>;

/** Forum statuses in which the door is open. */
const DOOR_OPEN: readonly string[] = ['open', 'full', 'closed', 'live'];

/** `HD-7K3Q9`, `hd-7k3q9` and `HD7K3Q9` name the same registration. */
export function normalizeCode(code: string): string {
  const c = code.trim().toUpperCase();
  return /^HD[A-Z0-9]+$/.test(c) ? `HD-${c.slice(2)}` : c;
}

export function toDesk(r: RegRow) {
  return {
    code: r.code,
    name: r.name,
    status: r.outcome,
    role: r.role,
    walkIn: r.walk_in === 1,
    checkedIn: r.checked_in_at !== null,
    checkedInAt: r.checked_in_at,
    table: r.table_number,
    tablePinned: r.table_pinned === 1,
    accessibility: r.accessibility ? (JSON.parse(r.accessibility) as string[]) : [],
    accessibilityNote: r.accessibility_note,
  };
}
export type DeskRegistration = ReturnType<typeof toDesk>;

export async function loadRegistration(db: Q, forumId: string, code: string): Promise<RegRow> {
  const row = await db.selectFrom('registrations').selectAll().where('forum_id', '=', forumId).where('code', '=', normalizeCode(code)).executeTakeFirst();
  if (!row || row.erased_at !== null) throw new ProblemError('not-found', 'No registration with this code in this forum.');
  return row;
}

/** Seats per table number 1..n (a table not set up gets the capacity shared out). */
export async function tableSeats(db: Q, forum: Pick<ForumRow, 'id' | 'tables' | 'capacity'>) {
  const rows = await db.selectFrom('forum_tables').selectAll().where('forum_id', '=', forum.id).execute();
  const fallback = forum.tables > 0 ? Math.max(1, Math.ceil(forum.capacity / forum.tables)) : 0;
  const out: { number: number; seats: number; accessible: boolean; topic: string | null }[] = [];
  for (let n = 1; n <= forum.tables; n++) {
    const r = rows.find((t) => t.number === n);
    out.push({ number: n, seats: r?.seats ?? fallback, accessible: r?.accessible === 1, topic: r?.topic ?? null });
  }
  return out;
}

export async function deskCounts(db: Q, forum: Pick<ForumRow, 'id' | 'tables' | 'capacity'>) {
  const r = await db
    .selectFrom('registrations')
    .select((eb) => [
      eb.fn.sum<number>(eb.case().when('outcome', '=', 'confirmed').then(1).else(0).end()).as('expected'),
      eb.fn.sum<number>(eb.case().when('checked_in_at', 'is not', null).then(1).else(0).end()).as('checked_in'),
      eb.fn.sum<number>(eb.case().when('walk_in', '=', 1).then(1).else(0).end()).as('walk_ins'),
      eb.fn.sum<number>(eb.case().when(eb.and([eb('outcome', '=', 'confirmed'), eb('checked_in_at', 'is', null)])).then(1).else(0).end()).as('held'),
    ])
    .where('forum_id', '=', forum.id)
    .where('role', '=', 'participant')
    .where('outcome', '<>', 'cancelled')
    .executeTakeFirstOrThrow();
  const seats = forum.tables > 0 ? (await tableSeats(db, forum)).reduce((s, t) => s + t.seats, 0) : forum.capacity;
  return { expected: Number(r.expected ?? 0), checkedIn: Number(r.checked_in ?? 0), walkIns: Number(r.walk_ins ?? 0), seats, held: Number(r.held ?? 0) };
}

const publicCounts = ({ held: _held, ...c }: Awaited<ReturnType<typeof deskCounts>>) => c;

/** The door rule (see the module comment): 409 no-seats-left when nobody may take another seat. */
async function admit(db: Q, forum: ForumRow, overCapacity: boolean): Promise<void> {
  if (overCapacity) return;
  const c = await deskCounts(db, forum);
  const held = forum.status === 'live' ? 0 : c.held;
  if (c.checkedIn + held >= c.seats) {
    const why = held > 0 ? ` (${c.checkedIn} checked in, ${held} seats held for confirmed registrations until the forum is live)` : ` (${c.checkedIn} checked in)`;
    throw new ProblemError('no-seats-left', `All ${c.seats} seats are taken${why}. Admit over capacity only if there is a chair.`);
  }
}

function doorOpen(forum: ForumRow): void {
  if (!DOOR_OPEN.includes(forum.status)) {
    throw new ProblemError('invalid-transition', `Check-in is for forums that are open, closed or live; this one is ${forum.status}.`);
  }
}

/** A new join pass for the registration; older passes of it stop working. */
export async function issueJoinPass(tx: Tx, reg: RegRow) {
  const secret = newToken('join');
  await tx.trx.deleteFrom('tokens').where('kind', '=', 'join').where('subject_id', '=', reg.id).execute();
  await tx.trx.insertInto('tokens').values({ hash: hashToken(secret), kind: 'join', forum_id: reg.forum_id, subject_id: reg.id, created_at: tx.now.toISOString() }).execute();
  return { secret, forumId: reg.forum_id, code: reg.code, table: reg.table_number };
}

async function reload(db: Q, id: string): Promise<RegRow> {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Tell the staff streams (never the public one). */
export async function emitDesk(tx: Tx, forum: ForumRow, action: 'checked-in' | 'undone' | 'walk-in' | 'seated', reg: RegRow): Promise<void> {
  await tx.emit(forum.id, 'checkin.changed', { action, registration: toDesk(reg), counts: publicCounts(await deskCounts(tx.trx, forum)) }, 'staff');
}

/** `companionCode`: the two sit together (one companion group). */
async function joinCompanion(tx: Tx, forumId: string, reg: RegRow, companionCode: string | undefined): Promise<void> {
  if (!companionCode) return;
  const other = await tx.trx.selectFrom('registrations').selectAll().where('forum_id', '=', forumId).where('code', '=', normalizeCode(companionCode)).executeTakeFirst();
  if (!other || other.erased_at !== null || other.outcome === 'cancelled' || other.id === reg.id) {
    throw validationError([{ field: 'companionCode', code: 'invalid_value', message: 'No other live registration with this code in this forum.' }]);
  }
  const group = other.companion_group ?? reg.companion_group ?? other.id;
  await tx.trx.updateTable('registrations').set({ companion_group: group }).where('id', 'in', [reg.id, other.id]).execute();
  if (reg.companion_group && reg.companion_group !== group) {
    await tx.trx.updateTable('registrations').set({ companion_group: group }).where('forum_id', '=', forumId).where('companion_group', '=', reg.companion_group).execute();
  }
}

export async function checkIn(tx: Tx, forum: ForumRow, code: string, input: { companionCode?: string | undefined; overCapacity?: boolean | undefined }) {
  const row = await loadRegistration(tx.trx, forum.id, code);
  if (row.outcome === 'cancelled') throw new ProblemError('registration-cancelled', `Registration ${row.code} was cancelled; register the person as a walk-in if there is a seat.`);
  doorOpen(forum);
  if (row.checked_in_at !== null) {
    tx.note('already checked in');
    return { registration: toDesk(row), alreadyCheckedIn: true, joinPass: null, counts: publicCounts(await deskCounts(tx.trx, forum)) };
  }
  const promote = row.outcome === 'waitlisted';
  if (promote && row.role === 'participant') await admit(tx.trx, forum, input.overCapacity === true);
  const at = tx.now.toISOString();
  await tx.trx
    .updateTable('registrations')
    .set(promote ? { checked_in_at: at, outcome: 'confirmed', promoted_at: at } : { checked_in_at: at })
    .where('id', '=', row.id)
    .execute();
  await joinCompanion(tx, forum.id, row, input.companionCode);
  if (promote) {
    await settleSeats(tx.trx, forum.id, tx.now);
    await forumChanged(tx, forum.id);
    tx.note('checked in (waitlisted → confirmed)');
  }
  const now = await reload(tx.trx, row.id);
  const joinPass = await issueJoinPass(tx, now);
  await emitDesk(tx, forum, 'checked-in', now);
  return { registration: toDesk(now), alreadyCheckedIn: false, joinPass, counts: publicCounts(await deskCounts(tx.trx, forum)) };
}

export async function undoCheckIn(tx: Tx, forum: ForumRow, code: string) {
  const row = await loadRegistration(tx.trx, forum.id, code);
  if (row.checked_in_at === null) {
    tx.note('not checked in: nothing to undo');
    return toDesk(row);
  }
  await tx.trx.updateTable('registrations').set({ checked_in_at: null, table_number: null, table_pinned: 0 }).where('id', '=', row.id).execute();
  await tx.trx.deleteFrom('tokens').where('kind', '=', 'join').where('subject_id', '=', row.id).execute();
  const now = await reload(tx.trx, row.id);
  await emitDesk(tx, forum, 'undone', now);
  return toDesk(now);
}

export async function newJoinPass(tx: Tx, forum: ForumRow, code: string) {
  const row = await loadRegistration(tx.trx, forum.id, code);
  if (row.outcome === 'cancelled') throw new ProblemError('registration-cancelled', `Registration ${row.code} was cancelled.`);
  if (row.checked_in_at === null) throw new ProblemError('not-checked-in', 'Check the person in first.');
  return issueJoinPass(tx, row);
}

/** Staff move a checked-in person (pinned unless told otherwise), or take the seat away (`null`). */
export async function seatByHand(tx: Tx, forum: ForumRow, code: string, table: number | null, pinned: boolean) {
  const row = await loadRegistration(tx.trx, forum.id, code);
  if (table !== null && table > forum.tables) throw validationError([{ field: 'table', code: 'too_big', message: `This forum has tables 1–${forum.tables}.` }]);
  if (row.outcome === 'cancelled') throw new ProblemError('registration-cancelled', `Registration ${row.code} was cancelled.`);
  if (row.checked_in_at === null) throw new ProblemError('not-checked-in', 'Check the person in before seating them.');
  if (table !== null && table !== row.table_number) {
    const seats = (await tableSeats(tx.trx, forum)).find((t) => t.number === table)!.seats;
    const taken = await tx.trx
      .selectFrom('registrations')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('forum_id', '=', forum.id)
      .where('table_number', '=', table)
      .where('outcome', '<>', 'cancelled')
      .where('checked_in_at', 'is not', null)
      .executeTakeFirstOrThrow();
    if (Number(taken.n) >= seats) throw new ProblemError('table-full', `Table ${table} has no free seat (${seats} seats). Move someone else first.`);
  }
  await tx.trx
    .updateTable('registrations')
    .set({ table_number: table, table_pinned: table !== null && pinned ? 1 : 0 })
    .where('id', '=', row.id)
    .execute();
  if (table !== null) await tx.trx.updateTable('participants').set({ table_number: table }).where('registration_id', '=', row.id).execute();
  const now = await reload(tx.trx, row.id);
  await emitDesk(tx, forum, 'seated', now);
  return toDesk(now);
}

/** The consent record of a form answered at the door, as `createRegistration` keeps it. */
function consentRecord(given: Record<string, boolean>, hasQuestions: boolean, errors: FieldError[]): Record<string, boolean> {
  const formConsents = CONSENTS.filter((k) => k.id !== 'answers' || hasQuestions);
  const consents: Record<string, boolean> = {};
  for (const k of formConsents) {
    const v = given[k.id];
    if (v === undefined) {
      if (k.required) errors.push({ field: `consents.${k.id}`, code: 'required', message: 'This consent is required.' });
      consents[k.id] = false;
    } else {
      if (k.required && !v) errors.push({ field: `consents.${k.id}`, code: 'consent_required', message: 'Registration needs this consent.' });
      consents[k.id] = v;
    }
  }
  for (const id of Object.keys(given)) {
    if (!formConsents.some((k) => k.id === id)) errors.push({ field: `consents.${id}`, code: 'unknown_field', message: `Unknown consent "${id}".` });
  }
  return consents;
}

/** Register someone at the door and check them in, with the signup form's consents. */
export async function walkIn(tx: Tx, forum: ForumRow, input: WalkInInput) {
  const questions = await tx.trx.selectFrom('signup_questions').selectAll().where('forum_id', '=', forum.id).orderBy('position').execute();
  const errors: FieldError[] = formErrors(input);
  const consents = consentRecord(input.consents, questions.length > 0, errors);
  let answers: Record<string, string | string[]> | null = null;
  if (consents.answers) {
    const given = input.answers ?? {};
    errors.push(
      ...answerErrors(
        questions.map((q) => ({ id: q.id, kind: q.kind, required: q.required === 1, options: q.options ? (JSON.parse(q.options) as string[]) : null, maxLength: q.max_length })),
        given,
      ),
    );
    answers = Object.keys(given).length ? given : null;
  }
  if (errors.length) throw validationError(errors);
  doorOpen(forum);
  const role = input.role ?? 'participant';
  const contactKey = input.contact ? (input.contact.kind === 'phone' ? normalizeKoreanPhone(input.contact.value) : normalizeEmail(input.contact.value)) : null;
  if (contactKey) {
    const dup = await tx.trx
      .selectFrom('registrations')
      .select('id')
      .where('forum_id', '=', forum.id)
      .where('contact_normalized', '=', contactKey)
      .where('outcome', '<>', 'cancelled')
      .executeTakeFirst();
    if (dup) throw new ProblemError('already-registered', 'This contact is already registered for this forum: find the registration and check it in.');
  }
  if (role === 'participant') await admit(tx.trx, forum, input.overCapacity === true);
  const last = await tx.trx.selectFrom('registrations').select((eb) => eb.fn.max('seq').as('m')).where('forum_id', '=', forum.id).executeTakeFirst();
  const at = tx.now.toISOString();
  const keepAccessibility = consents.accessibility === true;
  const row: RegRow = {
    id: newId(),
    forum_id: forum.id,
    code: `HD-${randomCode(6)}`,
    seq: Number(last?.m ?? 0) + 1,
    name: input.name.trim(),
    contact_kind: input.contact?.kind ?? null,
    contact_value: input.contact ? input.contact.value.trim() : null,
    contact_normalized: contactKey,
    district: input.district,
    age_group: input.ageGroup,
    role,
    answers: answers ? JSON.stringify(answers) : null,
    accessibility: keepAccessibility && input.accessibility?.length ? JSON.stringify(input.accessibility) : null,
    accessibility_note: keepAccessibility && input.accessibilityNote ? input.accessibilityNote : null,
    guardian: input.ageGroup === 'under14' && input.guardian ? JSON.stringify(input.guardian) : null,
    consent_version: input.consentVersion,
    consents: JSON.stringify(consents),
    consented_at: at,
    outcome: 'confirmed',
    created_at: at,
    cancelled_at: null,
    promoted_at: null,
    erased_at: null,
    checked_in_at: at,
    walk_in: 1,
    table_number: null,
    table_pinned: 0,
    companion_group: null,
  };
  await tx.trx.insertInto('registrations').values(row).execute();
  await joinCompanion(tx, forum.id, row, input.companionCode);
  await settleSeats(tx.trx, forum.id, tx.now);
  await forumChanged(tx, forum.id);
  const now = await reload(tx.trx, row.id);
  const joinPass = await issueJoinPass(tx, now);
  await emitDesk(tx, forum, 'walk-in', now);
  return { registration: toDesk(now), alreadyCheckedIn: false, joinPass, counts: publicCounts(await deskCounts(tx.trx, forum)) };
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}

/** The desk's search: a code, part of a name, or the last 4 digits of a phone; everyone without `q`. */
export async function searchDesk(db: Q, forum: ForumRow, q: string | undefined, offset: number, limit: number) {
  let query = db.selectFrom('registrations').selectAll().where('forum_id', '=', forum.id).where('erased_at', 'is', null);
  const term = (q ?? '').trim();
  if (/^[0-9]{4}$/.test(term)) {
    query = query.where('contact_kind', '=', 'phone').where('contact_normalized', 'like', `%${term}`);
  } else if (term !== '') {
    const code = normalizeCode(term);
    const pat = `%${likeEscape(term.toLowerCase())}%`;
    query = query.where((eb) => eb.or([eb('code', '=', code), sql<boolean>`lower(name) like ${pat} escape '\\'`]));
  }
  const rows = await query.orderBy('seq').limit(limit + 1).offset(offset).execute();
  return { items: rows.slice(0, limit).map(toDesk), more: rows.length > limit, counts: publicCounts(await deskCounts(db, forum)) };
}

/**
 * Join the wall with a join pass: the registration's one participant (made now, or found — then
 * with a new token for the same dots). The pass is spent. 403 for a pass that is not (or no
 * longer) valid here; 409 forum-not-live before the forum starts (the pass is kept then). The
 * browser's install key, when sent, is remembered as for a join with the code, so the same browser
 * joining again later is the same participant.
 */
export async function joinWithPass(tx: Tx, forum: ForumRow, pass: string, table: number | undefined, installKey: string | undefined): Promise<{ status: number; body: ParticipantSession }> {
  const hash = hashToken(pass);
  const tok = await tx.trx.selectFrom('tokens').selectAll().where('hash', '=', hash).where('kind', '=', 'join').executeTakeFirst();
  const reg = tok && tok.forum_id === forum.id ? await tx.trx.selectFrom('registrations').selectAll().where('id', '=', tok.subject_id ?? '').executeTakeFirst() : undefined;
  if (!reg || reg.outcome === 'cancelled' || reg.checked_in_at === null) {
    throw new ProblemError('forbidden', 'This join pass is not valid here (used, replaced or unknown): ask at the check-in desk for a new one.');
  }
  if (forum.status !== 'live') throw new ProblemError('forum-not-live', 'The forum is not live; you can join once it starts.');
  const at = tx.now.toISOString();
  const token = newToken('participant');
  const existing = await tx.trx.selectFrom('participants').selectAll().where('forum_id', '=', forum.id).where('registration_id', '=', reg.id).executeTakeFirst();
  if (existing) {
    if (existing.revoked_at !== null) throw new ProblemError('participant-revoked', 'A facilitator revoked this participation; ask them at your table.');
    await tx.trx.deleteFrom('tokens').where('hash', '=', hash).execute();
    await tx.trx.insertInto('tokens').values({ hash: hashToken(token), kind: 'participant', forum_id: forum.id, subject_id: existing.id, created_at: at }).execute();
    const used = await tx.trx.selectFrom('votes').select((eb) => eb.fn.countAll().as('n')).where('participant_id', '=', existing.id).executeTakeFirstOrThrow();
    return { status: 200, body: { participantId: existing.id, forumId: forum.id, table: existing.table_number, token, voteBudget: existing.vote_budget, votesUsed: Number(used.n) } };
  }
  const seat = reg.table_number ?? table;
  if (seat === undefined) throw validationError([{ field: 'table', code: 'required', message: 'You have no seat yet: name your table.' }]);
  if (seat > forum.tables) throw validationError([{ field: 'table', code: 'too_big', message: `This forum has tables 1–${forum.tables}.` }]);
  await tx.trx.deleteFrom('tokens').where('hash', '=', hash).execute();
  // the install key is remembered unless that browser already is another participant here
  const keyHash = installKey === undefined ? null : installKeyHash(forum.id, installKey);
  const keyTaken = keyHash !== null && (await tx.trx.selectFrom('participants').select('id').where('forum_id', '=', forum.id).where('install_key_hash', '=', keyHash).executeTakeFirst());
  const id = newId();
  await tx.trx
    .insertInto('participants')
    .values({ id, forum_id: forum.id, table_number: seat, vote_budget: forum.vote_budget, created_at: at, registration_id: reg.id, install_key_hash: keyTaken ? null : keyHash })
    .execute();
  await tx.trx.insertInto('tokens').values({ hash: hashToken(token), kind: 'participant', forum_id: forum.id, subject_id: id, created_at: at }).execute();
  await emitParticipantsChanged(tx, forum.id, seat);
  return { status: 201, body: { participantId: id, forumId: forum.id, table: seat, token, voteBudget: forum.vote_budget, votesUsed: 0 } };
}

/** In a check-in-only forum the join code alone admits nobody. */
export function refuseCodeJoin(forum: ForumRow): void {
  if (forum.join_mode === 'checkin') {
    throw new ProblemError('checkin-required', 'This forum admits participants through check-in: scan the QR code you got at the desk (or ask there).');
  }
}
