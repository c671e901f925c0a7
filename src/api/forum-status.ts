/**
 * The status a person sees: the contract's `ForumStatus`, plus `closing` (마감 임박) for an open
 * forum whose seats or signup window are nearly gone.
 */
import type { Forum, ForumStatus } from './types.js';

export type DisplayStatus = ForumStatus | 'closing';

/** Seats still free (never negative). */
export function seatsLeft(forum: Pick<Forum, 'capacity' | 'registered'>): number {
  return Math.max(0, forum.capacity - forum.registered);
}

/**
 * `closing` when the forum is open and at most max(3, 10 % of capacity) seats are left or signup
 * closes within 72 hours; otherwise the forum's own status.
 */
export function displayStatus(
  forum: Pick<Forum, 'status' | 'capacity' | 'registered' | 'signupClosesAt'>,
  now: number = Date.now(),
): DisplayStatus {
  if (forum.status !== 'open') return forum.status;
  const left = seatsLeft(forum);
  if (left <= Math.max(3, Math.ceil(forum.capacity * 0.1))) return 'closing';
  if (forum.signupClosesAt) {
    const closes = Date.parse(forum.signupClosesAt);
    if (!Number.isNaN(closes) && closes > now && closes - now <= 72 * 3600 * 1000) return 'closing';
  }
  return 'open';
}
