/** English words of `<hd-idea-wall>`: a chunk of their own, fetched the first time a wall speaks English. */
import { formatNumber } from '../../i18n/format.js';
import type { ko } from './messages.js';

const ne = (value: number) => formatNumber(value, 'en');

export const en: typeof ko = {
  wallLabel: 'Idea wall',
  join: {
    title: 'Join the forum',
    code: 'Join code',
    table: 'Table number',
    submit: 'Join',
    joining: 'Joining…',
    hint: 'Scan the QR code on your table or type the join code.',
  },
  votes: {
    count: (count: number) => `${ne(count)} ${count === 1 ? 'vote' : 'votes'}`,
    closed: 'Voting is not open right now.',
    open: 'Voting is open.',
    closesIn: (time: string) => `Voting closes in ${time}`,
  },
  filter: {
    table: 'Table',
    allTables: 'All',
    category: 'Category',
    allCategories: 'All categories',
    uncategorised: 'Uncategorised',
    promotedOnly: 'Only ideas promoted to the plenary',
    sort: 'Sort',
    newest: 'Newest',
    votes: 'Most votes',
  },
  idea: {
    table: (table: number) => `Table ${ne(table)}`,
    hidden: 'Hidden',
    pinned: 'Pinned',
    promoted: 'Plenary',
    merged: (count: number) => `${ne(count)} merged`,
  },
  needToken: 'A facilitator token is needed for the facilitation tools.',
  tables: {
    title: 'Tables',
    summary: (ideas: number, votes: number, people: number) => `${ne(ideas)} ideas · ${ne(votes)} votes · ${ne(people)} people`,
    facilitator: (name: string) => `Facilitator ${name}`,
    plenary: 'All',
  },
  live: {
    pause: 'Pause the wall',
    resume: 'Resume',
    paused: 'The wall is paused. New ideas keep arriving.',
    newWhilePaused: (count: number) => `${ne(count)} new ${count === 1 ? 'idea' : 'ideas'}`,
    announce: (count: number) => `${ne(count)} new ${count === 1 ? 'idea' : 'ideas'} posted.`,
    offline: 'You are offline. Everything posted meanwhile will show when you are back.',
  },
  empty: 'No ideas yet. Be the first to post one.',
  emptyFiltered: 'No ideas match.',
  noForum: 'Set the forum (forum-id).',
};
