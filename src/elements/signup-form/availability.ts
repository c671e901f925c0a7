import { seatsLeft } from '../../api/forum-status.js';
import type { Forum } from '../../api/types.js';

/** Whether a forum takes signups now: `form` (open), `full` (the waitlist), `not-open` or `closed`. */
export type Availability = 'form' | 'full' | 'not-open' | 'closed';

export function availability(forum: Forum): Availability {
  const now = Date.now();
  if (forum.status === 'announced' || (forum.signupOpensAt && Date.parse(forum.signupOpensAt) > now)) return 'not-open';
  if ((forum.status !== 'open' && forum.status !== 'full') || (forum.signupClosesAt && Date.parse(forum.signupClosesAt) <= now)) return 'closed';
  return forum.status === 'full' || seatsLeft(forum) === 0 ? 'full' : 'form';
}
