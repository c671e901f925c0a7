/** The signup form, registrations, and the registrant's own view (cancel token). */
import { Hono, type Context } from 'hono';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { Env } from '../context.ts';
import type { DB, RegistrationsTable } from '../db/schema.ts';
import { DISTRICTS, OTHER_DISTRICT } from '../domain/districts.ts';
import { answerErrors, formErrors } from '../domain/registration-checks.ts';
import { CONSENTS, CONSENT_VERSION, GUARDIAN_REQUIRED_UNDER, normalizeEmail, normalizeKoreanPhone } from '../domain/consent.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import { requireAuth } from '../http/auth.ts';
import { ProblemError, validationError, type FieldError } from '../http/problem.ts';
import { checkBody, checkQuery, decodeCursor, encodeCursor, pathId } from '../http/validate.ts';
import { json, write } from '../http/write.ts';
import { forumChanged, loadForumRow } from '../model/forum.ts';
import { settleSeats, seatCounts, waitlistPosition } from '../model/registrations.ts';
import { accessibilityNeeds, ageGroups, parseRegistrationJson, registrationInputSchema, registrationListQuery, signupFormInputSchema } from '../model/schemas.ts';
import { randomCode } from '../util.ts';

type Q = Kysely<DB>;
type Question = z.output<typeof signupFormInputSchema>['questions'][number];
type RegRow = Selectable<RegistrationsTable>;

async function loadQuestions(db: Q, forumId: string): Promise<Question[]> {
  const rows = await db.selectFrom('signup_questions').selectAll().where('forum_id', '=', forumId).orderBy('position').execute();
  return rows.map((r) => {
    const q: Question = { id: r.id, label: r.label, kind: r.kind, required: r.required === 1 };
    if (r.help !== null) q.help = r.help;
    if (r.options !== null) q.options = JSON.parse(r.options) as string[];
    if (r.max_length !== null) q.maxLength = r.max_length;
    return q;
  });
}

async function signupForm(db: Q, forumId: string) {
  const questions = await loadQuestions(db, forumId);
  return {
    forumId,
    questions,
    consentVersion: CONSENT_VERSION,
    // the answers consent only makes sense when there are questions to answer
    consents: CONSENTS.filter((c) => c.id !== 'answers' || questions.length > 0).map((c) => ({ ...c, items: [...c.items], ...(c.fields ? { fields: [...c.fields] } : {}) })),
    districts: [...DISTRICTS, OTHER_DISTRICT],
    ageGroups: [...ageGroups],
    accessibilityOptions: [...accessibilityNeeds],
    guardianRequiredUnder: GUARDIAN_REQUIRED_UNDER,
  };
}


function toStatus(r: RegRow, position: number | null) {
  return {
    id: r.id,
    code: r.code,
    forumId: r.forum_id,
    // erased registrations have no cancel token left, so their holder never sees this
    name: r.name ?? '',
    outcome: r.outcome,
    waitlistPosition: position,
    createdAt: r.created_at,
    cancelledAt: r.cancelled_at,
  };
}

function toRegistration(r: RegRow, position: number | null) {
  const reg: Record<string, unknown> = {
    id: r.id,
    code: r.code,
    forumId: r.forum_id,
    name: r.name,
    contact: r.contact_kind && r.contact_value ? { kind: r.contact_kind, value: r.contact_value } : null,
    district: r.district,
    ageGroup: r.age_group,
    role: r.role,
  };
  if (r.answers !== null) reg.answers = JSON.parse(r.answers);
  if (r.accessibility !== null) reg.accessibility = JSON.parse(r.accessibility);
  if (r.accessibility_note !== null) reg.accessibilityNote = r.accessibility_note;
  Object.assign(reg, {
    outcome: r.outcome,
    waitlistPosition: position,
    createdAt: r.created_at,
    consentVersion: r.consent_version,
    consents: JSON.parse(r.consents),
    consentedAt: r.consented_at,
  });
  if (r.erased_at !== null) reg.erasedAt = r.erased_at;
  return reg;
}

export const signup = new Hono<Env>();

signup.get('/forums/:forumId/signup-form', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  await loadForumRow(deps.db, forumId);
  return json(200, await signupForm(deps.db, forumId));
});

signup.put('/forums/:forumId/signup-form', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  const who = await requireAuth(c, ['admin']);
  return write(c, { who, idempotency: 'optional', parse: (raw) => checkBody(signupFormInputSchema, raw) }, async (tx, input) => {
    await loadForumRow(tx.trx, forumId);
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.questions.forEach((q, i) => {
      if (seen.has(q.id)) errors.push({ field: `questions.${i}.id`, code: 'duplicate', message: `Question id "${q.id}" is used twice.` });
      seen.add(q.id);
      if (q.kind !== 'text' && (!q.options || q.options.length === 0)) {
        errors.push({ field: `questions.${i}.options`, code: 'required', message: 'Choice questions need options.' });
      }
    });
    if (errors.length) throw validationError(errors);
    await tx.trx.deleteFrom('signup_questions').where('forum_id', '=', forumId).execute();
    if (input.questions.length) {
      await tx.trx
        .insertInto('signup_questions')
        .values(
          input.questions.map((q, i) => ({
            forum_id: forumId,
            id: q.id,
            position: i,
            label: q.label,
            help: q.help ?? null,
            kind: q.kind,
            required: q.required ? (1 as const) : (0 as const),
            options: q.options ? JSON.stringify(q.options) : null,
            max_length: q.maxLength ?? null,
          })),
        )
        .execute();
    }
    return { status: 200, body: await signupForm(tx.trx, forumId) };
  });
});

signup.post('/forums/:forumId/registrations', async (c) => {
  const forumId = pathId(c, 'forumId', 'forum');
  return write(c, { who: null, idempotency: 'required', rateLimited: true, parse: (raw) => (raw.json === undefined ? checkBody(registrationInputSchema, raw) : parseRegistrationJson(raw.json)) }, async (tx, input) => {
    const forum = await loadForumRow(tx.trx, forumId);
    const questions = await loadQuestions(tx.trx, forumId);
    const errors: FieldError[] = formErrors(input);
    const contactKey = input.contact.kind === 'phone' ? normalizeKoreanPhone(input.contact.value) : normalizeEmail(input.contact.value);
    // consent record: every consent of the form answered, the required ones given
    const formConsents = CONSENTS.filter((k) => k.id !== 'answers' || questions.length > 0);
    const consents: Record<string, boolean> = {};
    for (const k of formConsents) {
      const v = input.consents[k.id];
      if (v === undefined) {
        if (k.required) errors.push({ field: `consents.${k.id}`, code: 'required', message: 'This consent is required.' });
        consents[k.id] = false;
      } else {
        if (k.required && !v) errors.push({ field: `consents.${k.id}`, code: 'consent_required', message: 'Signup needs this consent.' });
        consents[k.id] = v;
      }
    }
    for (const id of Object.keys(input.consents)) {
      if (!formConsents.some((k) => k.id === id)) errors.push({ field: `consents.${id}`, code: 'unknown_field', message: `Unknown consent "${id}".` });
    }
    // guardian for under-14s (PIPA art. 22-2)
    const under14 = input.ageGroup === 'under14';

    // answers: validated against the questions; kept only with consent
    let answers: Record<string, string | string[]> | null = null;
    if (consents.answers) {
      const given = input.answers ?? {};
      errors.push(...answerErrors(questions, given));
      answers = Object.keys(given).length ? given : null;
    }
    if (errors.length) throw validationError(errors);

    // signup window
    const nowIso = tx.now.toISOString();
    if (forum.status === 'announced' || (forum.signup_opens_at !== null && nowIso < forum.signup_opens_at)) {
      throw new ProblemError('signup-not-open', 'Signup for this forum has not opened yet.');
    }
    if ((forum.status !== 'open' && forum.status !== 'full') || (forum.signup_closes_at !== null && nowIso >= forum.signup_closes_at)) {
      throw new ProblemError('signup-closed', 'Signup for this forum is closed.');
    }
    const dup = await tx.trx
      .selectFrom('registrations')
      .select('id')
      .where('forum_id', '=', forumId)
      .where('contact_normalized', '=', contactKey!)
      .where('outcome', '<>', 'cancelled')
      .executeTakeFirst();
    if (dup) throw new ProblemError('already-registered', 'This contact is already registered for this forum.');

    // capacity, decided inside this transaction
    const { confirmed } = await seatCounts(tx.trx, forumId);
    const outcome = confirmed < forum.capacity ? 'confirmed' : 'waitlisted';
    const last = await tx.trx.selectFrom('registrations').select((eb) => eb.fn.max('seq').as('m')).where('forum_id', '=', forumId).executeTakeFirst();
    const seq = Number(last?.m ?? 0) + 1;
    const id = newId();
    const cancelToken = newToken('cancel');
    const code = `HD-${randomCode(6)}`;
    const keepAccessibility = consents.accessibility === true;
    const row: RegRow = {
      id,
      forum_id: forumId,
      code,
      seq,
      name: input.name.trim(),
      contact_kind: input.contact.kind,
      contact_value: input.contact.value.normalize('NFKC').trim(),
      contact_normalized: contactKey!,
      district: input.district,
      age_group: input.ageGroup,
      role: input.role,
      answers: answers ? JSON.stringify(answers) : null,
      accessibility: keepAccessibility && input.accessibility?.length ? JSON.stringify(input.accessibility) : null,
      accessibility_note: keepAccessibility && input.accessibilityNote ? input.accessibilityNote : null,
      guardian: under14 && input.guardian ? JSON.stringify(input.guardian) : null,
      consent_version: input.consentVersion,
      consents: JSON.stringify(consents),
      consented_at: nowIso,
      outcome,
      created_at: nowIso,
      cancelled_at: null,
      promoted_at: null,
      erased_at: null,
    };
    await tx.trx.insertInto('registrations').values(row).execute();
    await tx.trx
      .insertInto('tokens')
      .values({ hash: hashToken(cancelToken), kind: 'cancel', forum_id: forumId, subject_id: id, created_at: nowIso })
      .execute();
    await settleSeats(tx.trx, forumId, tx.now);
    await forumChanged(tx, forumId);
    return {
      status: 201,
      body: {
        id,
        code,
        forumId,
        outcome,
        waitlistPosition: await waitlistPosition(tx.trx, forumId, seq, outcome),
        cancelToken,
        createdAt: nowIso,
      },
    };
  });
});


signup.get('/forums/:forumId/registrations', async (c) => {
  const deps = c.get('deps');
  const forumId = pathId(c, 'forumId', 'forum');
  await requireAuth(c, ['admin']);
  const q = checkQuery(c, registrationListQuery);
  await loadForumRow(deps.db, forumId);
  const offset = decodeCursor(q.cursor);
  const limit = q.limit ?? 20;
  return deps.db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('registrations')
      .selectAll()
      .where('forum_id', '=', forumId)
      .orderBy((eb) => eb.case().when('outcome', '=', 'confirmed').then(0).when('outcome', '=', 'waitlisted').then(1).else(2).end())
      .orderBy('seq');
    if (q.outcome) query = query.where('outcome', '=', q.outcome);
    const rows = await query.limit(limit + 1).offset(offset).execute();
    // waitlist positions: rank among waitlisted by seq
    const wl = await trx.selectFrom('registrations').select('seq').where('forum_id', '=', forumId).where('outcome', '=', 'waitlisted').orderBy('seq').execute();
    const pos = new Map(wl.map((r, i) => [r.seq, i + 1]));
    return json(200, {
      items: rows.slice(0, limit).map((r) => toRegistration(r, r.outcome === 'waitlisted' ? (pos.get(r.seq) ?? null) : null)),
      nextCursor: rows.length > limit ? encodeCursor(offset + limit) : null,
    });
  });
});

async function myRegistration(c: Context<Env>, db: Q): Promise<RegRow> {
  const who = await requireAuth(c, ['cancel']);
  const row = await db.selectFrom('registrations').selectAll().where('id', '=', who.subjectId ?? '').executeTakeFirst();
  if (!row) throw new ProblemError('unauthorized', 'The registration of this token no longer exists.');
  return row;
}

signup.get('/registrations/me', async (c) => {
  const deps = c.get('deps');
  const row = await myRegistration(c, deps.db);
  return json(200, toStatus(row, await waitlistPosition(deps.db, row.forum_id, row.seq, row.outcome)));
});

signup.delete('/registrations/me', async (c) => {
  const deps = c.get('deps');
  const who = await requireAuth(c, ['cancel']);
  return write(c, { who, idempotency: 'optional' }, async (tx) => {
    const row = await tx.trx.selectFrom('registrations').selectAll().where('id', '=', who.subjectId ?? '').executeTakeFirst();
    if (!row) throw new ProblemError('unauthorized', 'The registration of this token no longer exists.');
    if (row.outcome === 'cancelled') return { status: 200, body: toStatus(row, null) };
    const forum = await loadForumRow(tx.trx, row.forum_id);
    if (['live', 'finished', 'reported'].includes(forum.status)) {
      throw new ProblemError('conflict', 'The forum has already taken place; the registration can no longer be cancelled.');
    }
    const nowIso = tx.now.toISOString();
    await tx.trx.updateTable('registrations').set({ outcome: 'cancelled', cancelled_at: nowIso }).where('id', '=', row.id).execute();
    await settleSeats(tx.trx, row.forum_id, tx.now);
    await forumChanged(tx, row.forum_id);
    void deps;
    return { status: 200, body: toStatus({ ...row, outcome: 'cancelled', cancelled_at: nowIso }, null) };
  });
});
