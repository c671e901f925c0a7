/**
 * Strings of `<hd-forum-calendar>` only (shared ones — statuses, seats, errors — come from `src/i18n`).
 * Korean ships with the element; English (`messages-en.ts`) is a chunk fetched when a page asks for it.
 */
import { formatNumber } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'ko');

export const ko = {
  prevMonth: '이전 달',
  nextMonth: '다음 달',
  today: '오늘',
  views: '보기 방식',
  month: '달력',
  list: '목록',
  filters: '토론회 찾기',
  district: '지역',
  topic: '주제',
  status: '상태',
  search: '검색어',
  allDistricts: '전체 지역',
  allTopics: '전체 주제',
  allStatuses: '전체 상태',
  clear: '조건 지우기',
  forums: (count: number, titles: string) => (count ? `토론회 ${n(count)}건: ${titles}` : '토론회 없음'),
  more: (count: number) => `+${n(count)}`,
  emptyMonth: '이 달에는 토론회가 없습니다.',
  shown: (month: string, count: number) => `${month} 토론회 ${n(count)}건`,
  subscribe: '토론회 일정 구독(.ics)',
};

export type CalendarMessages = typeof ko;
