/**
 * The signup form's values as the person fills them in, and the error codes their checks give
 * (validate.ts, loaded with the check chunk, turns values into errors; check.ts into words).
 */
import type { SignupForm } from '../../api/types.js';

export type ContactKind = 'phone' | 'email';

export interface SignupValues {
  name: string;
  contactKind: ContactKind;
  contact: string;
  district: string;
  ageGroup: string;
  role: string;
  answers: Record<string, string | string[]>;
  accessibility: string[];
  accessibilityNote: string;
  consents: Record<string, boolean>;
  guardianName: string;
  guardianContactKind: ContactKind;
  guardianContact: string;
  guardianConsent: boolean;
  website: string;
}

export const emptyValues = (): SignupValues => ({
  name: '',
  contactKind: 'phone',
  contact: '',
  district: '',
  ageGroup: '',
  role: '',
  answers: {},
  accessibility: [],
  accessibilityNote: '',
  consents: {},
  guardianName: '',
  guardianContactKind: 'phone',
  guardianContact: '',
  guardianConsent: false,
  website: '',
});

/** Error codes, turned into words by the element's messages (`err`). */
export type ErrorCode =
  | 'name'
  | 'nameLong'
  | 'contact'
  | 'phone'
  | 'email'
  | 'district'
  | 'ageGroup'
  | 'role'
  | 'answer'
  | 'long'
  | 'consent'
  | 'guardianName'
  | 'guardianConsent'
  | 'invalid'
  | 'form';

/** Under 14: a legal guardian must consent too (the form asks for their details). */
export const isUnder = (v: SignupValues, form: SignupForm) => form.guardianRequiredUnder > 0 && v.ageGroup === 'under14';

/** The id of a field's control (`answers.q1` → `f-answers-q1`); its hint and error add `-hint`, `-error`. */
export const fid = (key: string) => `f-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
