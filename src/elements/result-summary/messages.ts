/**
 * `<hd-result-summary>`'s own words for one forum's results. Korean is the source (polite
 * register) and ships with the element; English is `messages-en.ts` (typed `typeof ko`, so a
 * missing key is a type error), fetched only by a page that asks for it. The words of the parts
 * that load later (the programme view, the charts and tables, the CSV) live in their own chunks
 * (`programme.ts`, `details.ts`, `csv.ts`), in both languages. Numbers and dates arrive formatted
 * by the caller. Shared words (response statuses, retry, errors) come from `src/i18n`.
 */
export const ko = {
  title: '토론회 결과',
  published: (date: string) => `${date} 결과 공개`,
  figures: '주요 수치',
  stats: {
    registered: '참가 신청',
    attended: '참석',
    tables: '테이블',
    facilitators: '퍼실리테이터',
    ideas: '의견',
    votes: '투표',
  },
  people: (n: string) => `${n}명`,
  items: (n: string) => `${n}건`,
  votes: (n: string) => `${n}표`,
  tables: (n: string) => `${n}개`,
  perTable: '테이블별 집계',
  proposals: '시에 전달된 제안과 시 답변',
  noProposals: '이 토론회에서는 시에 전달된 제안이 없습니다.',
  rank: (n: string) => `${n}위`,
  category: '분야',
  department: '담당 부서',
  unassigned: '배정 전',
  answer: '시 답변',
  answeredAt: (date: string) => `${date} 답변`,
  noAnswer: '아직 시 답변이 없습니다.',
  ideasFrom: '이 제안이 나온 의견',
  ideaMeta: (table: string, votes: string) => `${table}번 테이블 · ${votes}표`,
  timeline: '추진 경과',
  glance: '한눈에 보기',
  byCategory: '분야별 의견과 투표',
  byDistrict: '거주 지역별 참가 신청',
  byAge: '연령대별 참가 신청',
  showTable: '표로 보기',
  hideTable: '표 닫기',
  download: 'CSV 내려받기',
  print: '인쇄',
};

export type ResultMessages = typeof ko;
