/** English messages; must have every key of `ko.ts` (a type error otherwise). */
import { formatCount, formatNumber } from './format.js';
import type { Messages } from './messages.js';

const n = (value: number) => formatNumber(value, 'en');
const count = (value: number, one: string, other: string) => formatCount(value, 'en', { one, other });

export const en: Messages = {
  locale: 'en',
  common: {
    loading: 'Loading…',
    retry: 'Try again',
    close: 'Close',
  },
  errors: {
    offline: 'You are offline. Check your connection and try again.',
    network: 'Could not reach the server. Please try again shortly.',
    timeout: 'The server is taking too long to answer. Please try again shortly.',
    rateLimited: (seconds: number) => `Too many requests. Please try again in ${count(seconds, 'second', 'seconds')}.`,
    server: 'Something went wrong on the server. Please try again shortly.',
    notFound: 'We could not find what you asked for.',
    forbidden: 'You are not allowed to do this.',
    unauthorized: 'Your session is missing or has expired. Please join again.',
    validation: 'Please check what you entered.',
    conflict: 'This cannot be done right now.',
    payloadTooLarge: 'What you sent is too large.',
    unknown: 'Something unexpected went wrong. Please try again shortly.',
    noBackend: 'No server to connect to: give the widget an api-base attribute or put it inside an hd-provider.',
    codes: {
      'signup-not-open': 'Signup has not opened yet.',
      'signup-closed': 'Signup has closed.',
      'already-registered': 'You have already registered with this contact.',
      'registration-cancelled': 'This registration has already been cancelled.',
      'forum-not-live': 'Ideas can be posted only while the forum is live.',
      'voting-closed': 'Voting is not open right now.',
      'vote-budget-exhausted': 'You have used all your dots.',
      'no-vote-to-retract': 'You have no dot on this idea.',
      'invalid-transition': 'The forum cannot move to that status.',
      'invalid-merge': 'The idea cannot be merged into that one.',
      'idempotency-key-reused': 'The same request was sent again with different content. Reload and try again.',
      'idempotency-key-in-flight': 'Your earlier request is still being processed. Please wait a moment.',
      'results-not-published': 'The results have not been published yet.',
    },
  },
  forumStatus: {
    announced: 'Coming soon',
    open: 'Open for signup',
    closing: 'Closing soon',
    full: 'Waitlist',
    closed: 'Signup closed',
    live: 'Live now',
    finished: 'Finished',
    reported: 'Results published',
  },
  responseStatus: {
    accepted: 'Accepted',
    partial: 'Partly accepted',
    reviewing: 'Under review',
    declined: 'Declined',
    awaiting: 'Awaiting answer',
  },
  live: {
    connecting: 'Connecting…',
    open: 'Live',
    reconnecting: 'Connection lost, reconnecting…',
    polling: 'Live connection is unreliable; refreshing regularly.',
    closed: 'Not connected',
  },
  forum: {
    seatsLeft: (c: number) => `${count(c, 'seat', 'seats')} left`,
    noSeatsLeft: 'No seats left',
    waitlisted: (c: number) => `${n(c)} on the waitlist`,
    votes: (c: number) => count(c, 'vote', 'votes'),
    table: (number: number) => `Table ${n(number)}`,
    venue: 'Venue',
    date: 'Date',
  },
};
