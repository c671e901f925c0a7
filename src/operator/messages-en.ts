/** The operator tools' shared words in English (see messages.ts). */
import type { OperatorWords } from './messages.js';

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

export const operatorEn: OperatorWords = {
  signIn: {
    title: 'Operator sign-in',
    intro: 'Sign in with the operator token issued to you as city staff or a citizen facilitator.',
    token: 'Operator token',
    hint: 'The token is kept in this browser tab only and is removed when you close the tab or sign out.',
    submit: 'Sign in',
    signedIn: 'Signed in as an operator.',
    signOut: 'Sign out',
    format: 'A token is at least 8 characters with no spaces. Paste it exactly as issued.',
    expired: 'The token was refused or can no longer be used. Sign in again, then save. What you entered is still here.',
  },
  summaryTitle: 'There is a problem',
  required: 'required',
  optional: 'optional',
  saving: 'Saving…',
  problem: {
    missing: (label) => `Enter ${lower(label)}.`,
    choose: (label) => `Choose ${lower(label)}.`,
    tooLong: (label, max) => `${label} must be ${max} characters or fewer.`,
    tooMany: (label, max) => `${label}: at most ${max}.`,
    range: (label, min, max) => `${label} must be a whole number from ${min} to ${max}.`,
    format: (label) => `Check the format of ${lower(label)}.`,
    other: (label) => `${label}: check what you entered.`,
  },
  codes: {
    unauthorized: 'The token was refused or can no longer be used. Sign in again.',
    forbidden: 'This token may not do this. Sign in with an operator token that may.',
    'invalid-transition': 'That cannot be done in the forum’s current state. Check its status.',
  },
};
