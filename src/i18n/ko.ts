/**
 * Korean messages — the source of every message (polite register, 합니다/하세요체).
 * `en.ts` must provide every key: its type is derived from this object.
 * Widgets add their own keys here and in `en.ts`.
 */
import { formatNumber } from './format.js';

const n = (value: number) => formatNumber(value, 'ko');

export const ko = {
  locale: 'ko',
  common: {
    loading: '불러오는 중입니다…',
    retry: '다시 시도',
    close: '닫기',
  },
  errors: {
    offline: '인터넷에 연결되어 있지 않습니다. 연결을 확인한 뒤 다시 시도해 주세요.',
    network: '서버에 연결하지 못했습니다. 잠시 후 다시 시도해 주세요.',
    timeout: '응답이 늦어지고 있습니다. 잠시 후 다시 시도해 주세요.',
    rateLimited: (seconds: number) => `요청이 많습니다. ${n(seconds)}초 후에 다시 시도해 주세요.`,
    server: '서버에 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    notFound: '요청하신 정보를 찾을 수 없습니다.',
    forbidden: '이 작업을 할 권한이 없습니다.',
    unauthorized: '로그인 정보가 없거나 만료되었습니다. 다시 참여해 주세요.',
    validation: '입력한 내용을 확인해 주세요.',
    conflict: '지금은 처리할 수 없는 요청입니다.',
    payloadTooLarge: '보내는 내용이 너무 큽니다.',
    unknown: '알 수 없는 문제가 생겼습니다. 잠시 후 다시 시도해 주세요.',
    noBackend: '연결할 서버가 지정되지 않았습니다. 위젯에 api-base 속성을 넣거나 hd-provider 안에 두세요.',
    /** Messages for the contract's problem codes. */
    codes: {
      'signup-not-open': '아직 참가 신청 기간이 아닙니다.',
      'signup-closed': '참가 신청이 마감되었습니다.',
      'already-registered': '이미 이 연락처로 참가 신청하셨습니다.',
      'registration-cancelled': '이미 취소된 참가 신청입니다.',
      'forum-not-live': '토론회가 진행 중일 때만 제안을 올릴 수 있습니다.',
      'voting-closed': '지금은 투표 시간이 아닙니다.',
      'vote-budget-exhausted': '투표 스티커를 모두 사용하셨습니다.',
      'no-vote-to-retract': '이 제안에 붙인 스티커가 없습니다.',
      'invalid-transition': '토론회 상태를 그렇게 바꿀 수 없습니다.',
      'invalid-merge': '그 제안으로는 합칠 수 없습니다.',
      'idempotency-key-reused': '같은 요청이 다른 내용으로 다시 전송되었습니다. 새로 고침 후 다시 시도해 주세요.',
      'idempotency-key-in-flight': '앞서 보낸 요청을 처리하고 있습니다. 잠시만 기다려 주세요.',
      'results-not-published': '아직 결과가 공개되지 않았습니다.',
    } as Record<string, string>,
  },
  forumStatus: {
    announced: '모집 예정',
    open: '모집 중',
    closing: '마감 임박',
    full: '대기 접수',
    closed: '마감',
    live: '진행 중',
    finished: '종료',
    reported: '결과 공개',
  },
  responseStatus: {
    accepted: '수용',
    partial: '일부 수용',
    reviewing: '검토 중',
    declined: '불수용',
    awaiting: '답변 대기',
  },
  live: {
    connecting: '실시간 연결 중입니다…',
    open: '실시간 연결됨',
    reconnecting: '연결이 끊겨 다시 연결하는 중입니다…',
    polling: '실시간 연결이 원활하지 않아 주기적으로 새로 고칩니다.',
    closed: '실시간 연결 안 됨',
  },
  forum: {
    seatsLeft: (count: number) => `잔여 ${n(count)}석`,
    noSeatsLeft: '잔여 좌석 없음',
    waitlisted: (count: number) => `대기 ${n(count)}명`,
    votes: (count: number) => `${n(count)}표`,
    table: (number: number) => `${n(number)}번 테이블`,
    venue: '장소',
    date: '일시',
  },
};
