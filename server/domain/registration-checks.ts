/**
 * The registration checks that need no database: contact formats, district, consent version,
 * guardian, honeypot. Pure, so the reference server and the Storybook fake backend give the
 * same answers. They read the raw body defensively, so they also run when the schema check
 * failed and a 400 names every bad field at once (a wrong phone number together with an empty
 * name), not only the schema's.
 */
import { CONSENT_VERSION, hasInvisible, normalizeEmail, normalizeKoreanPhone } from './consent.ts';
import { DISTRICTS, OTHER_DISTRICT } from './districts.ts';

export interface FormFieldError {
  field: string;
  code: string;
  message: string;
}

type Contact = { kind: 'phone' | 'email'; value: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function contactOf(v: unknown): Contact | null {
  return isRecord(v) && (v.kind === 'phone' || v.kind === 'email') && typeof v.value === 'string' && v.value.length >= 3 && v.value.length <= 254
    ? { kind: v.kind, value: v.value }
    : null;
}

/**
 * The contact's normalised key (digits of a phone; an e-mail after NFKC, with its domain in IDNA
 * ASCII, lower-case), or null with an error for `field` (invisible characters have their own).
 */
export function contactKey(contact: Contact, field: string, errors: FormFieldError[]): string | null {
  if (hasInvisible(contact.value.normalize('NFKC'))) {
    errors.push({
      field,
      code: 'invisible_character',
      message: 'Contains a character that cannot be seen (such as a zero-width space); type the contact again.',
    });
    return null;
  }
  const n = contact.kind === 'phone' ? normalizeKoreanPhone(contact.value) : normalizeEmail(contact.value);
  if (n === null) {
    errors.push({
      field,
      code: 'invalid_format',
      message: contact.kind === 'phone' ? 'Not a Korean phone number (e.g. 010-1234-5678 or 031-590-1234).' : 'Not an e-mail address.',
    });
  }
  return n;
}

/** Every database-free problem of a registration body. */
export function formErrors(body: unknown): FormFieldError[] {
  const errors: FormFieldError[] = [];
  if (!isRecord(body)) return errors;
  if (typeof body.website === 'string' && body.website.trim() !== '') {
    errors.push({ field: 'website', code: 'invalid_value', message: 'This field must be left empty.' });
  }
  const contact = contactOf(body.contact);
  if (contact) contactKey(contact, 'contact.value', errors);
  if (typeof body.district === 'string' && body.district !== '' && !(DISTRICTS as readonly string[]).includes(body.district) && body.district !== OTHER_DISTRICT) {
    errors.push({ field: 'district', code: 'invalid_value', message: 'Not one of the form’s districts.' });
  }
  if (typeof body.consentVersion === 'string' && body.consentVersion !== '' && body.consentVersion !== CONSENT_VERSION) {
    errors.push({ field: 'consentVersion', code: 'invalid_value', message: `The form's consent version is ${CONSENT_VERSION}; reload the form.` });
  }
  if (body.ageGroup === 'under14') {
    if (body.guardian === undefined) {
      errors.push({ field: 'guardian', code: 'required', message: 'Registrants under 14 need a legal guardian’s consent.' });
    } else if (isRecord(body.guardian)) {
      const g = contactOf(body.guardian.contact);
      if (g) contactKey(g, 'guardian.contact.value', errors);
    }
  }
  return errors;
}

/** The part of a signup question the answer checks read. */
export interface AnswerQuestion {
  id: string;
  kind: 'text' | 'choice' | 'multi-choice';
  required: boolean;
  options?: readonly string[] | null | undefined;
  maxLength?: number | null | undefined;
}

/** Answers checked against the forum's own questions (unknown ids, required, kinds, options, lengths). */
export function answerErrors(questions: readonly AnswerQuestion[], given: Record<string, string | string[]>): FormFieldError[] {
  const errors: FormFieldError[] = [];
  for (const id of Object.keys(given)) {
    if (!questions.some((q) => q.id === id)) errors.push({ field: `answers.${id}`, code: 'unknown_field', message: `No question "${id}".` });
  }
  for (const q of questions) {
    const a = given[q.id];
    const empty = a === undefined || (typeof a === 'string' ? a.trim() === '' : a.length === 0);
    if (empty) {
      if (q.required) errors.push({ field: `answers.${q.id}`, code: 'required', message: 'This question needs an answer.' });
      continue;
    }
    if (q.kind === 'text') {
      if (typeof a !== 'string') errors.push({ field: `answers.${q.id}`, code: 'invalid_type', message: 'Expected text.' });
      else if (a.length > (q.maxLength ?? 2000)) errors.push({ field: `answers.${q.id}`, code: 'too_long', message: `At most ${q.maxLength ?? 2000} characters.` });
    } else if (q.kind === 'choice') {
      if (typeof a !== 'string' || !(q.options ?? []).includes(a)) errors.push({ field: `answers.${q.id}`, code: 'invalid_value', message: 'Not one of the options.' });
    } else if (!Array.isArray(a) || a.some((x) => !(q.options ?? []).includes(x)) || new Set(a).size !== a.length) {
      errors.push({ field: `answers.${q.id}`, code: 'invalid_value', message: 'Choose among the options, each at most once.' });
    }
  }
  return errors;
}
