/**
 * The signup form's validation (the same rules as the contract and the reference backend: Korean
 * phone formats, e-mail) and the request body built from the values — holding back every field
 * whose consent was not given (`ConsentItem.fields`). Part of the `check` chunk (see check.ts):
 * the values themselves are in values.ts.
 */
import type { RegistrationInput, SignupForm } from '../../api/types.js';
import { isUnder, type ContactKind, type ErrorCode, type SignupValues } from './values.js';

/** A Korean phone number: mobile 010-1234-5678 / 01012345678, Seoul 02-…, regional 031-590-1234, 070-…. */
export function isKoreanPhone(value: string): boolean {
  const v = value.trim();
  if (!/^[0-9][0-9 -]{6,16}[0-9]$/.test(v)) return false;
  const d = v.replace(/[ -]/g, '');
  return /^(01[016789][0-9]{7,8}|02[0-9]{7,8}|0(3[1-3]|4[1-4]|5[1-5]|6[1-4])[0-9]{7,8}|070[0-9]{8})$/.test(d);
}

export function isEmail(value: string): boolean {
  const v = value.trim();
  return v.length <= 254 && /^[^\s@"<>()]+@[^\s@"<>()]+\.[A-Za-z]{2,}$/.test(v);
}

/** Whether a request field may be sent: every consent that lists it was given. */
export function allowed(field: string, v: SignupValues, form: SignupForm): boolean {
  return form.consents.every((c) => !c.fields?.includes(field) || v.consents[c.id] === true);
}

const blank = (a: string | string[] | undefined) => a === undefined || (typeof a === 'string' ? a.trim() === '' : a.length === 0);

function contactError(kind: ContactKind, value: string): ErrorCode | undefined {
  if (!value.trim()) return 'contact';
  if (kind === 'phone' ? !isKoreanPhone(value) : !isEmail(value)) return kind;
  return undefined;
}

/** The form's field keys in the order they appear (the order of the error summary). */
export function fieldKeys(v: SignupValues, form: SignupForm): string[] {
  return [
    'name',
    'contact',
    'district',
    'ageGroup',
    ...(isUnder(v, form) ? ['guardian.name', 'guardian.contact', 'guardian.consent'] : []),
    'role',
    ...form.questions.map((q) => `answers.${q.id}`),
    'accessibility',
    'accessibilityNote',
    ...form.consents.map((c) => `consents.${c.id}`),
  ];
}

/** The error of one field, or undefined. */
export function validateField(key: string, v: SignupValues, form: SignupForm): ErrorCode | undefined {
  switch (key) {
    case 'name':
      return !v.name.trim() ? 'name' : v.name.trim().length > 50 ? 'nameLong' : undefined;
    case 'contact':
      return contactError(v.contactKind, v.contact);
    case 'district':
      return form.districts.includes(v.district) ? undefined : 'district';
    case 'ageGroup':
      return form.ageGroups.includes(v.ageGroup as never) ? undefined : 'ageGroup';
    case 'role':
      return v.role === 'participant' || v.role === 'facilitator' ? undefined : 'role';
    case 'guardian.name':
      return isUnder(v, form) && !v.guardianName.trim() ? 'guardianName' : undefined;
    case 'guardian.contact':
      return isUnder(v, form) ? contactError(v.guardianContactKind, v.guardianContact) : undefined;
    case 'guardian.consent':
      return isUnder(v, form) && !v.guardianConsent ? 'guardianConsent' : undefined;
  }
  if (key.startsWith('answers.')) {
    const q = form.questions.find((x) => `answers.${x.id}` === key);
    if (!q || !allowed('answers', v, form)) return undefined;
    const a = v.answers[q.id];
    if (blank(a)) return q.required ? 'answer' : undefined;
    return typeof a === 'string' && a.length > (q.maxLength ?? 2000) ? 'long' : undefined;
  }
  if (key.startsWith('consents.')) {
    const c = form.consents.find((x) => `consents.${x.id}` === key);
    return c?.required && v.consents[c.id] !== true ? 'consent' : undefined;
  }
  if (key === 'accessibilityNote') return v.accessibilityNote.length > 500 ? 'long' : undefined;
  return undefined;
}

/** Every error of the form, in field order. */
export function validate(v: SignupValues, form: SignupForm): Record<string, ErrorCode> {
  const errors: Record<string, ErrorCode> = {};
  for (const key of fieldKeys(v, form)) {
    const e = validateField(key, v, form);
    if (e) errors[key] = e;
  }
  return errors;
}

/** What will be sent: only what the person gave and consented to. */
export function buildInput(v: SignupValues, form: SignupForm): RegistrationInput {
  const input: RegistrationInput = {
    name: v.name.trim(),
    contact: { kind: v.contactKind, value: v.contact.trim() },
    district: v.district,
    ageGroup: v.ageGroup as RegistrationInput['ageGroup'],
    role: v.role as RegistrationInput['role'],
    consentVersion: form.consentVersion,
    consents: Object.fromEntries(form.consents.map((c) => [c.id, v.consents[c.id] === true])),
  };
  if (allowed('answers', v, form)) {
    const answers: Record<string, string | string[]> = {};
    for (const q of form.questions) {
      const a = v.answers[q.id];
      if (!blank(a)) answers[q.id] = typeof a === 'string' ? a.trim() : [...a!];
    }
    if (Object.keys(answers).length) input.answers = answers;
  }
  if (allowed('accessibility', v, form) && v.accessibility.length) {
    input.accessibility = form.accessibilityOptions.filter((o) => v.accessibility.includes(o));
  }
  if (allowed('accessibilityNote', v, form) && v.accessibilityNote.trim()) input.accessibilityNote = v.accessibilityNote.trim();
  if (isUnder(v, form)) {
    input.guardian = { name: v.guardianName.trim(), contact: { kind: v.guardianContactKind, value: v.guardianContact.trim() }, consent: true };
  }
  if (v.website) input.website = v.website;
  return input;
}
