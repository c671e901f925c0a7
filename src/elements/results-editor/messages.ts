/**
 * `<hd-results-editor>`'s words: the operator tools' shared words plus its own. Korean is the
 * source (polite register, the city's terms: 토론회, 제안, 시 답변); `messages-en.ts` has every key.
 * The five response statuses (수용 / 일부 수용 / 검토 중 / 불수용 / 답변 대기) are the shared
 * catalog's `responseStatus`, the same words `<hd-result-summary>` shows.
 */
import { operatorKo } from '../../operator/messages.js';

export const ko = {
  ...operatorKo,
  codes: {
    ...operatorKo.codes,
    'invalid-transition': '토론회가 끝난 뒤에 결과를 공개할 수 있습니다. 토론회 편집기에서 “토론회 종료”를 먼저 눌러 주세요.',
  } as Record<string, string>,
  title: '결과와 시 답변',
  picker: {
    label: '토론회',
    hint: '끝났거나 결과를 공개한 토론회입니다.',
    choose: '토론회를 골라 주세요',
    load: '불러오기',
    option: (title: string, date: string, status: string) => `${title} (${date} · ${status})`,
    none: '끝난 토론회가 아직 없습니다.',
  },
  forumStatus: '진행 상태',
  notFinished: '이 토론회는 아직 끝나지 않았습니다. 결과는 토론회를 종료한 뒤에 공개할 수 있습니다.',
  ideas: {
    title: '토론회에서 나온 의견',
    intro: '전체 공유된 의견과 표를 많이 받은 의견부터 보입니다. 의견으로 제안을 만들거나, 제안에 출처 의견으로 더할 수 있습니다.',
    none: '이 토론회에는 공개된 의견이 없습니다.',
    promoted: '전체 공유',
    meta: (table: string, votes: string) => `${table}번 테이블 · ${votes}표`,
    make: '제안으로 만들기',
    makeLabel: (text: string) => `제안으로 만들기: ${text}`,
    all: (n: string) => `의견 모두 보기 (${n}건)`,
    fewer: '주요 의견만 보기',
  },
  proposals: {
    title: '시에 전달할 제안',
    intro: '제안마다 제목, 분야, 담당 부서와 출처 의견을 정해 주세요. 공개하면 출처 의견의 표를 합해 순위가 매겨집니다.',
    none: '아직 제안이 없습니다. 위의 의견으로 만들거나 직접 추가해 주세요.',
    number: (n: string) => `제안 ${n}`,
    name: '제안 제목',
    category: '분야',
    department: '담당 부서',
    departmentHint: '예: 교통정책과',
    sources: '출처 의견',
    sourcesNone: '아직 출처 의견이 없습니다.',
    votes: (n: string) => `출처 의견 표 합계 ${n}표`,
    pick: '더할 의견',
    add: '의견 더하기',
    drop: '빼기',
    dropLabel: (text: string) => `빼기: ${text}`,
    remove: '삭제',
    removeLabel: (n: string) => `제안 ${n} 삭제`,
    new: '제안 추가',
  },
  publish: {
    attended: '참석 인원',
    attendedHint: '토론회에 실제로 참석한 사람 수입니다.',
    summary: '결과 요약',
    summaryHint: '비워 두면 참석 인원과 의견 수로 요약을 만듭니다.',
    republishHint: '다시 공개해도 제목이 같은 제안의 시 답변과 추진 경과는 그대로 남습니다. 제목을 바꾸거나 뺀 제안의 기록은 사라집니다.',
    submit: '결과 공개',
    again: '결과 다시 공개',
    done: '결과를 공개했습니다. 시민에게 보이는 결과 요약에 바로 반영됩니다.',
  },
  answers: {
    title: '시 답변 기록',
    intro: '제안마다 시의 답변과 추진 경과를 기록해 주세요. 기록할 때마다 날짜가 붙은 경과가 하나씩 쌓입니다.',
    rank: (n: string) => `${n}위`,
    votes: (n: string) => `${n}표`,
    votesLabel: '투표',
    department: '담당 부서',
    unassigned: '배정 전',
    answer: '시 답변',
    noAnswer: '아직 시 답변이 없습니다.',
    timeline: '추진 경과',
    open: '답변 기록하기',
    close: '닫기',
    openLabel: (title: string) => `답변 기록하기: ${title}`,
    status: '답변 상태',
    answerField: '시 답변',
    answerHint: '시민에게 그대로 공개됩니다.',
    date: '경과 날짜',
    dateHint: '한국 시간 기준 날짜입니다. 비워 두면 오늘로 기록합니다.',
    note: '경과 내용',
    noteHint: '비워 두면 “시가 제안을 수용했습니다.”처럼 답변 상태에 맞는 문장으로 기록합니다.',
    submit: '답변 기록',
    done: (title: string) => `시 답변을 기록했습니다: ${title}`,
  },
};

export type ResultsEditorMessages = typeof ko;
