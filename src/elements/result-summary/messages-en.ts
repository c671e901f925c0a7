/**
 * `<hd-result-summary>`'s own words in English: a chunk of its own, fetched the first time a page
 * shows the element in English (a Korean page never downloads it). Every key of the Korean
 * source is required by the type.
 */
import type { ResultMessages } from './messages.js';

export const en: ResultMessages = {
  title: 'Forum results',
  published: (date) => `Results published ${date}`,
  figures: 'Key figures',
  stats: {
    registered: 'Registered',
    attended: 'Attended',
    tables: 'Tables',
    facilitators: 'Facilitators',
    ideas: 'Ideas',
    votes: 'Votes',
  },
  people: (n) => n,
  items: (n) => n,
  votes: (n) => `${n} votes`,
  tables: (n) => n,
  perTable: 'By table',
  proposals: 'Proposals and the city’s answers',
  noProposals: 'This forum passed no proposals to the city.',
  rank: (n) => `No. ${n}`,
  category: 'Category',
  department: 'Department',
  unassigned: 'Not yet assigned',
  answer: 'City’s answer',
  answeredAt: (date) => `Answered ${date}`,
  noAnswer: 'The city has not answered yet.',
  ideasFrom: 'Ideas behind this proposal',
  ideaMeta: (table, votes) => `Table ${table} · ${votes} votes`,
  timeline: 'Follow-up',
  glance: 'At a glance',
  byCategory: 'Ideas and votes by category',
  byDistrict: 'Registrations by district',
  byAge: 'Registrations by age group',
  showTable: 'Show as table',
  hideTable: 'Hide table',
  download: 'Download CSV',
  print: 'Print',
};
