/**
 * Signup and personal data, on the fake's store: the signup form, registrations (the server's
 * form checks, consents, capacity and waitlist), the registrant's own view and cancelling, and the
 * city's personal-data desk (export, erase, the retention purge).
 */
import { CONSENTS, CONSENT_VERSION, GUARDIAN_REQUIRED_UNDER, retentionEndsAt } from '../../server/domain/consent.ts';
import { DISTRICTS, OTHER_DISTRICT } from '../../server/domain/districts.ts';
import { answerErrors, contactKey, formErrors } from '../../server/domain/registration-checks.ts';
import type { AccessibilityNeed, AgeGroup, Question, RegistrationOutcome, RegistrationReceipt, RegistrationStatus, SignupForm } from '../../src/api/types.js';
import { ProblemError, validationError, type FieldError, type ForumRec, type Principal, type RegistrationRec, type Store } from './store.ts';

// The server's own contact normalisation, so both backends spot the same duplicates.
export { contactKey };

export const AGE_GROUPS: readonly AgeGroup[] = ['under14', '14-19', '20s', '30s', '40s', '50s', '60s', '70plus'];
export const ACCESSIBILITY_NEEDS: readonly AccessibilityNeed[] = ['sign-language', 'wheelchair', 'childcare', 'large-print'];

export function signupForm(f: ForumRec): SignupForm {
  return {
    forumId: f.id,
    questions: f.questions.map((q) => ({ ...q, ...(q.options ? { options: [...q.options] } : {}) })),
    consentVersion: CONSENT_VERSION,
    consents: CONSENTS.filter((c) => c.id !== 'answers' || f.questions.length > 0).map((c) => ({
      ...c,
      items: [...c.items],
      ...(c.fields ? { fields: [...c.fields] } : {}),
    })),
    districts: [...DISTRICTS, OTHER_DISTRICT],
    ageGroups: [...AGE_GROUPS],
    accessibilityOptions: [...ACCESSIBILITY_NEEDS],
    guardianRequiredUnder: GUARDIAN_REQUIRED_UNDER,
  };
}

export function waitlistPosition(f: ForumRec, r: RegistrationRec): number | null {
  if (r.outcome !== 'waitlisted') return null;
  let n = 0;
  for (const x of f.registrations) if (x.outcome === 'waitlisted' && x.seq <= r.seq) n++;
  return n;
}

export function registrationStatus(f: ForumRec, r: RegistrationRec): RegistrationStatus {
  return {
    id: r.id,
    code: r.code,
    forumId: f.id,
    // an erased registration has no cancel token left, so its holder never sees this
    name: r.name ?? '',
    outcome: r.outcome,
    waitlistPosition: waitlistPosition(f, r),
    createdAt: r.createdAt,
    cancelledAt: r.cancelledAt,
  };
}

export function register(
  store: Store,
  forumId: string,
  input: {
    name: string;
    contact: { kind: 'phone' | 'email'; value: string };
    district: string;
    ageGroup: AgeGroup;
    role: 'participant' | 'facilitator';
    answers?: Record<string, string | string[]> | undefined;
    accessibility?: AccessibilityNeed[] | undefined;
    accessibilityNote?: string | undefined;
    consentVersion: string;
    consents: Record<string, boolean>;
    guardian?: { name: string; contact: { kind: 'phone' | 'email'; value: string }; consent: boolean } | undefined;
    website?: string | undefined;
  },
  opts: { ignoreWindow?: boolean } = {},
): RegistrationReceipt {
  const f = store.forum(forumId);
  const errors = formErrors(input);
  const key = contactKey(input.contact, 'contact.value', []) ?? input.contact.value.trim().toLowerCase();
  const formConsents = CONSENTS.filter((k) => k.id !== 'answers' || f.questions.length > 0);
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
  let answers: Record<string, string | string[]> | null = null;
  if (consents.answers) {
    const given = input.answers ?? {};
    errors.push(...answerErrors(f.questions, given));
    answers = Object.keys(given).length ? given : null;
  }
  if (errors.length) throw validationError(errors);

  const nowIso = store.now().toISOString();
  if (!opts.ignoreWindow) {
    if (f.status === 'announced' || (f.signupOpensAt !== null && nowIso < f.signupOpensAt)) {
      throw new ProblemError('signup-not-open', 'Signup for this forum has not opened yet.');
    }
    if ((f.status !== 'open' && f.status !== 'full') || (f.signupClosesAt !== null && nowIso >= f.signupClosesAt)) {
      throw new ProblemError('signup-closed', 'Signup for this forum is closed.');
    }
  }
  if (f.registrations.some((r) => r.contactKey === key && r.outcome !== 'cancelled')) {
    throw new ProblemError('already-registered', 'This contact is already registered for this forum.');
  }
  const confirmed = f.registrations.filter((r) => r.outcome === 'confirmed').length;
  const outcome: RegistrationOutcome = confirmed < f.capacity ? 'confirmed' : 'waitlisted';
  const seq = (f.registrations[f.registrations.length - 1]?.seq ?? 0) + 1;
  const id = store.newId();
  const keepAccessibility = consents.accessibility === true;
  const r: RegistrationRec = {
    id,
    code: `HD-${store.code(6)}`,
    seq,
    name: input.name.trim(),
    contact: { kind: input.contact.kind, value: input.contact.value.trim() },
    contactKey: key,
    district: input.district,
    ageGroup: input.ageGroup,
    role: input.role,
    answers,
    accessibility: keepAccessibility && input.accessibility?.length ? [...input.accessibility] : null,
    accessibilityNote: keepAccessibility && input.accessibilityNote ? input.accessibilityNote : null,
    guardian: input.ageGroup === 'under14' && input.guardian ? { name: input.guardian.name, contact: { ...input.guardian.contact }, consent: input.guardian.consent } : null,
    consentVersion: input.consentVersion,
    consents,
    consentedAt: nowIso,
    outcome,
    createdAt: nowIso,
    cancelledAt: null,
    erasedAt: null,
  };
  f.registrations.push(r);
  const cancelToken = store.issueToken('cancel', f.id, id);
  store.settleSeats(f);
  store.forumChanged(f);
  return { id, code: r.code, forumId: f.id, outcome, waitlistPosition: waitlistPosition(f, r), cancelToken, createdAt: nowIso };
}

export function registrationOf(store: Store, who: Principal): { f: ForumRec; r: RegistrationRec } {
  const f = store.forums.get(who.forumId ?? '');
  const r = f?.registrations.find((x) => x.id === who.subjectId);
  if (!f || !r) throw new ProblemError('unauthorized', 'The registration of this token no longer exists.');
  return { f, r };
}

export function cancel(store: Store, who: Principal): RegistrationStatus {
  const { f, r } = registrationOf(store, who);
  if (r.outcome === 'cancelled') return { ...registrationStatus(f, r), waitlistPosition: null };
  if (['live', 'finished', 'reported'].includes(f.status)) {
    throw new ProblemError('conflict', 'The forum has already taken place; the registration can no longer be cancelled.');
  }
  r.outcome = 'cancelled';
  r.cancelledAt = store.now().toISOString();
  store.settleSeats(f);
  store.forumChanged(f);
  return registrationStatus(f, r);
}

/** Registrations (not yet erased) made with this contact, or naming it as an under-14's guardian. */
export function registrationsOf(store: Store, key: string): { f: ForumRec; r: RegistrationRec; as: 'registrant' | 'guardian' }[] {
  const own: { f: ForumRec; r: RegistrationRec; as: 'registrant' | 'guardian' }[] = [];
  const guarded: typeof own = [];
  for (const f of store.forums.values()) {
    for (const r of f.registrations) {
      if (r.erasedAt !== null) continue;
      if (r.contactKey === key) own.push({ f, r, as: 'registrant' });
      else if (r.guardian && contactKey(r.guardian.contact, '', []) === key) guarded.push({ f, r, as: 'guardian' });
    }
  }
  const byCreated = (a: { r: RegistrationRec }, b: { r: RegistrationRec }) => (a.r.createdAt < b.r.createdAt ? -1 : a.r.createdAt > b.r.createdAt ? 1 : 0);
  return [...own.sort(byCreated), ...guarded.sort(byCreated)];
}

export function exportPersonalData(store: Store, key: string) {
  return {
    exportedAt: store.now().toISOString(),
    registrations: registrationsOf(store, key).map(({ f, r, as }) => ({
      id: r.id,
      code: r.code,
      as,
      forum: { id: f.id, title: f.title, startsAt: f.startsAt, endsAt: f.endsAt },
      name: r.name,
      contact: r.contact ? { ...r.contact } : null,
      district: r.district,
      ageGroup: r.ageGroup,
      role: r.role,
      answers: r.answers,
      accessibility: r.accessibility,
      accessibilityNote: r.accessibilityNote,
      guardian: r.guardian,
      outcome: r.outcome,
      createdAt: r.createdAt,
      cancelledAt: r.cancelledAt,
      consent: {
        version: r.consentVersion,
        consents: { ...r.consents },
        consentedAt: r.consentedAt,
        texts: CONSENTS.filter((k) => k.id in r.consents).map((k) => ({ id: k.id, title: k.title, retention: k.retention })),
      },
      retainedUntil: retentionEndsAt(f.endsAt),
    })),
  };
}

function erase(store: Store, r: RegistrationRec, at: string): void {
  Object.assign(r, { name: null, contact: null, contactKey: null, answers: null, accessibility: null, accessibilityNote: null, guardian: null, erasedAt: at });
  for (const [token, p] of store.tokens) if (p.kind === 'cancel' && p.subjectId === r.id) store.tokens.delete(token);
}

/** Erase one person's identifying data; a registration for a forum still to come is cancelled first. */
export function erasePersonalData(store: Store, key: string): { erased: number; cancelled: number; erasedAt: string; registrationIds: string[] } {
  const matches = registrationsOf(store, key);
  const at = store.now().toISOString();
  const touched = new Set<ForumRec>();
  let cancelled = 0;
  for (const { f, r } of matches) {
    if (r.outcome !== 'cancelled' && !['live', 'finished', 'reported'].includes(f.status)) {
      r.outcome = 'cancelled';
      r.cancelledAt = at;
      touched.add(f);
      cancelled++;
    }
    erase(store, r, at);
  }
  for (const f of touched) {
    store.settleSeats(f);
    store.forumChanged(f);
  }
  return { erased: matches.length, cancelled, erasedAt: at, registrationIds: matches.map((m) => m.r.id) };
}

/** The scheduled job: anonymise registrations past their retention period (a year after the forum). */
export function purgeExpiredPersonalData(store: Store, at: Date = store.now()): number {
  const now = at.toISOString();
  let n = 0;
  for (const f of store.forums.values()) {
    if (f.endsAt >= now || retentionEndsAt(f.endsAt) > now) continue;
    for (const r of f.registrations) {
      if (r.erasedAt !== null) continue;
      erase(store, r, now);
      n++;
    }
  }
  return n;
}

export function putQuestions(store: Store, forumId: string, questions: Question[]): SignupForm {
  const f = store.forum(forumId);
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  questions.forEach((q, i) => {
    if (seen.has(q.id)) errors.push({ field: `questions.${i}.id`, code: 'duplicate', message: `Question id "${q.id}" is used twice.` });
    seen.add(q.id);
    if (q.kind !== 'text' && (!q.options || q.options.length === 0)) {
      errors.push({ field: `questions.${i}.options`, code: 'required', message: 'Choice questions need options.' });
    }
  });
  if (errors.length) throw validationError(errors);
  f.questions = questions.map((q) => ({ ...q }));
  return signupForm(f);
}
