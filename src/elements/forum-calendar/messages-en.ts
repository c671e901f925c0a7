/** English strings of `<hd-forum-calendar>`: a chunk of their own, fetched only for `lang="en"`. */
import { formatCount, formatNumber } from '../../i18n/format.js';
import type { CalendarMessages } from './messages.js';

export const en: CalendarMessages = {
  prevMonth: 'Previous month',
  nextMonth: 'Next month',
  today: 'Today',
  views: 'View',
  month: 'Month',
  list: 'List',
  filters: 'Find a forum',
  district: 'District',
  topic: 'Topic',
  status: 'Status',
  search: 'Search',
  allDistricts: 'All districts',
  allTopics: 'All topics',
  allStatuses: 'All statuses',
  clear: 'Clear filters',
  forums: (count, titles) => (count ? `${formatCount(count, 'en', { one: 'forum', other: 'forums' })}: ${titles}` : 'No forums'),
  more: (count) => `+${formatNumber(count, 'en')}`,
  emptyMonth: 'No forums this month.',
  shown: (month, count) => `${month}: ${formatCount(count, 'en', { one: 'forum', other: 'forums' })}`,
  subscribe: 'Subscribe to forum dates (.ics)',
};
