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
  const trimmed = value.trim();
  if (!/^[0-9][0-9 -]{6,16}[0-9]$/.test(trimmed)) return false;
  const digits = trimmed.replace(/[ -]/g, '');
  return /^(01[016789][0-9]{7,8}|02[0-9]{7,8}|0(3[1-3]|4[1-4]|5[1-5]|6[1-4])[0-9]{7,8}|070[0-9]{8})$/.test(digits);
}

export function isEmail(value: string): boolean {
  const trimmed = value.trim();
  return trimmed.length <= 254 && /^[^\s@"<>()]+@[^\s@"<>()]+\.[A-Za-z]{2,}$/.test(trimmed);
}

/** Whether a request field may be sent: every consent that lists it was given. */
export function allowed(field: string, values: SignupValues, form: SignupForm): boolean {
  return form.consents.every((consent) => !consent.fields?.includes(field) || values.consents[consent.id] === true);
}

const blank = (answer: string | string[] | undefined) => answer === undefined || (typeof answer === 'string' ? answer.trim() === '' : answer.length === 0);

function contactError(kind: ContactKind, value: string): ErrorCode | undefined {
  if (!value.trim()) return 'contact';
  if (kind === 'phone' ? !isKoreanPhone(value) : !isEmail(value)) return kind;
  return undefined;
}

/** The form's field keys in the order they appear (the order of the error summary). */
export function fieldKeys(values: SignupValues, form: SignupForm): string[] {
  return [
    'name',
    'contact',
    'district',
    'ageGroup',
    ...(isUnder(values, form) ? ['guardian.name', 'guardian.contact', 'guardian.consent'] : []),
    'role',
    ...form.questions.map((q) => `answers.${q.id}`),
    'accessibility',
    'accessibilityNote',
    ...form.consents.map((c) => `consents.${c.id}`),
  ];
}

/** The error of one field, or undefined. */
export function validateField(key: string, values: SignupValues, form: SignupForm): ErrorCode | undefined {
  switch (key) {
    case 'name':
      return !values.name.trim() ? 'name' : values.name.trim().length > 50 ? 'nameLong' : undefined;
    case 'contact':
      return contactError(values.contactKind, values.contact);
    case 'district':
      return form.districts.includes(values.district) ? undefined : 'district';
    case 'ageGroup':
      return form.ageGroups.includes(values.ageGroup as never) ? undefined : 'ageGroup';
    case 'role':
      return values.role === 'participant' || values.role === 'facilitator' ? undefined : 'role';
    case 'guardian.name':
      return isUnder(values, form) && !values.guardianName.trim() ? 'guardianName' : undefined;
    case 'guardian.contact':
      return isUnder(values, form) ? contactError(values.guardianContactKind, values.guardianContact) : undefined;
    case 'guardian.consent':
      return isUnder(values, form) && !values.guardianConsent ? 'guardianConsent' : undefined;
  }
  if (key.startsWith('answers.')) {
    const question = form.questions.find((candidate) => `answers.${candidate.id}` === key);
    if (!question || !allowed('answers', values, form)) return undefined;
    const answer = values.answers[question.id];
    if (blank(answer)) return question.required ? 'answer' : undefined;
    return typeof answer === 'string' && answer.length > (question.maxLength ?? 2000) ? 'long' : undefined;
  }
  if (key.startsWith('consents.')) {
    const consent = form.consents.find((candidate) => `consents.${candidate.id}` === key);
    return consent?.required && values.consents[consent.id] !== true ? 'consent' : undefined;
  }
  if (key === 'accessibilityNote') return values.accessibilityNote.length > 500 ? 'long' : undefined;
  return undefined;
}

/** Every error of the form, in field order. */
export function validate(values: SignupValues, form: SignupForm): Record<string, ErrorCode> {
  const errors: Record<string, ErrorCode> = {};
  for (const key of fieldKeys(values, form)) {
    const error = validateField(key, values, form);
    if (error) errors[key] = error;
  }
  return errors;
}

/** What will be sent: only what the person gave and consented to. */
export function buildInput(values: SignupValues, form: SignupForm): RegistrationInput {
  const input: RegistrationInput = {
    name: values.name.trim(),
    contact: { kind: values.contactKind, value: values.contact.trim() },
    district: values.district,
    ageGroup: values.ageGroup as RegistrationInput['ageGroup'],
    role: values.role as RegistrationInput['role'],
    consentVersion: form.consentVersion,
    consents: Object.fromEntries(form.consents.map((c) => [c.id, values.consents[c.id] === true])),
  };
  if (allowed('answers', values, form)) {
    const answers: Record<string, string | string[]> = {};
    for (const question of form.questions) {
      const answer = values.answers[question.id];
      if (!blank(answer)) answers[question.id] = typeof answer === 'string' ? answer.trim() : [...answer!];
    }
    if (Object.keys(answers).length) input.answers = answers;
  }
  if (allowed('accessibility', values, form) && values.accessibility.length) {
    input.accessibility = form.accessibilityOptions.filter((o) => values.accessibility.includes(o));
  }
  if (allowed('accessibilityNote', values, form) && values.accessibilityNote.trim()) input.accessibilityNote = values.accessibilityNote.trim();
  if (isUnder(values, form)) {
    input.guardian = { name: values.guardianName.trim(), contact: { kind: values.guardianContactKind, value: values.guardianContact.trim() }, consent: true };
  }
  if (values.website) input.website = values.website;
  return input;
}
