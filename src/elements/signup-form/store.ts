/**
 * A submission that could not reach the server, kept in localStorage until it is confirmed.
 *
 * What is stored is personal data (name, contact, answers) and an Idempotency-Key whose repeat
 * would replay the receipt — cancel token included — to whoever sends it again with the same
 * body. So it is stored only while a submission is pending (never as a draft of every
 * keystroke), one entry per backend and forum, dropped after a week, and removed as soon as
 * the server answers (confirmed, waitlisted, or refused for good) or the person discards it.
 * Receipts and cancel tokens are never stored.
 */
import type { RegistrationInput } from '../../api/types.js';
import { storage, storageKey } from './pending-key.js';
import type { SignupValues } from './values.js';

export interface Pending {
  v: 1;
  key: string;
  body: RegistrationInput;
  values: SignupValues;
  savedAt: number;
}

const MAX_AGE = 7 * 24 * 3600 * 1000;

export function loadPending(baseUrl: string, forumId: string): Pending | undefined {
  try {
    const raw = storage()?.getItem(storageKey(baseUrl, forumId));
    if (!raw) return undefined;
    const pending = JSON.parse(raw) as Pending;
    if (pending?.v !== 1 || typeof pending.key !== 'string' || !pending.body || !pending.values || !(Date.now() - pending.savedAt < MAX_AGE)) {
      clearPending(baseUrl, forumId);
      return undefined;
    }
    return pending;
  } catch {
    return undefined;
  }
}

export function savePending(baseUrl: string, forumId: string, pending: Pending): void {
  try {
    storage()?.setItem(storageKey(baseUrl, forumId), JSON.stringify(pending));
  } catch {
    // Full or blocked: the submission still lives in memory while the page is open.
  }
}

export function clearPending(baseUrl: string, forumId: string): void {
  try {
    storage()?.removeItem(storageKey(baseUrl, forumId));
  } catch {
    // nothing to clear
  }
}
