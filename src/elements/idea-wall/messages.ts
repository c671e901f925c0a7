/**
 * Words of `<hd-idea-wall>` as a reader first sees it: the Korean source (polite register), shipped
 * with the element. English is `messages-en.ts`, a chunk fetched only when a wall speaks English,
 * typed `typeof ko` so a missing key is a type error. The code-split parts (participation.ts,
 * facilitator.ts, projector.ts) carry their own words in both languages.
 */
import { formatNumber } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'ko');

export const ko = {
  wallLabel: '제안 게시판',
  votes: {
    count: (count: number) => `${n(count)}표`,
    closed: '지금은 투표 시간이 아닙니다.',
    open: '투표가 진행 중입니다.',
    closesIn: (time: string) => `투표 마감까지 ${time}`,
  },
  idea: {
    table: (table: number) => `${n(table)}번 테이블`,
    hidden: '숨김',
    pinned: '고정',
    promoted: '전체 회의',
    merged: (count: number) => `제안 ${n(count)}건을 합침`,
  },
  options: '목록 보기 설정 · 테이블별 현황',
  needToken: '퍼실리테이터 토큰이 있어야 진행 도구를 쓸 수 있습니다.',
  live: {
    announce: (count: number) => `새 제안 ${n(count)}건이 올라왔습니다.`,
    offline: '인터넷 연결이 끊겼습니다. 다시 연결되면 놓친 제안을 모두 보여 드립니다.',
  },
  empty: '아직 올라온 제안이 없습니다. 첫 제안을 올려 주세요.',
  emptyFiltered: '조건에 맞는 제안이 없습니다.',
  noForum: '토론회(forum-id)를 지정해 주세요.',
};
