/** English words of `<hd-idea-wall>`: a chunk of their own, fetched the first time a wall speaks English. */
import { formatNumber } from '../../i18n/format.js';
import type { ko } from './messages.js';

const ne = (value: number) => formatNumber(value, 'en');

export const en: typeof ko = {
  wallLabel: 'Idea wall',
  votes: {
    count: (count: number) => `${ne(count)} ${count === 1 ? 'vote' : 'votes'}`,
    closed: 'Voting is not open right now.',
    open: 'Voting is open.',
    closesIn: (time: string) => `Voting closes in ${time}`,
  },
  idea: {
    table: (table: number) => `Table ${ne(table)}`,
    hidden: 'Hidden',
    pinned: 'Pinned',
    promoted: 'Plenary',
    merged: (count: number) => `${ne(count)} merged`,
  },
  options: 'List settings · Tables',
  needToken: 'A facilitator token is needed for the facilitation tools.',
  live: {
    announce: (count: number) => `${ne(count)} new ${count === 1 ? 'idea' : 'ideas'} posted.`,
    offline: 'You are offline. Everything posted meanwhile will show when you are back.',
  },
  empty: 'No ideas yet. Be the first to post one.',
  emptyFiltered: 'No ideas match.',
  noForum: 'Set the forum (forum-id).',
};
