/**
 * Messages of `<hd-signup-form>`. Korean is the source (polite register) and ships with the
 * element; English (`messages-en.ts`, typed by this object, so a missing key is a type error) is
 * a separate chunk loaded only when a page asks for `lang="en"`. These are the words of the form as
 * it first shows; the parts loaded later (submit.ts, views.ts, guardian.ts, notices.ts) bring their
 * own, in both languages.
 * The consent texts themselves come from the backend's form definition (`SignupForm.consents`).
 */
import { formatNumber } from '../../i18n/format.js';

const n = (value: number) => formatNumber(value, 'ko');

export const ko = {
  required: '필수',
  optional: '선택',
  seats: (left: number, capacity: number) => `잔여 ${n(left)}석 / 정원 ${n(capacity)}명`,
  when: '일시',
  where: '장소',
  // fields
  name: '이름',
  contact: '연락처',
  contactHint: '참가 확정과 변경 사항을 이 연락처로 알려 드립니다.',
  phone: '휴대전화 또는 전화번호',
  email: '이메일',
  phoneHint: '예: 010-1234-5678, 01012345678, 031-590-1234',
  emailHint: '예: name@example.com',
  contactKind: '연락 방법',
  district: '사는 곳(읍·면·동)',
  districtHint: '남양주시 밖에 사시면 ‘기타’를 선택해 주세요.',
  choose: '선택해 주세요',
  ageGroup: '연령대',
  ages: {
    under14: '14세 미만',
    '14-19': '14~19세',
    '20s': '20대',
    '30s': '30대',
    '40s': '40대',
    '50s': '50대',
    '60s': '60대',
    '70plus': '70세 이상',
  } as Record<string, string>,
  role: '참여 구분',
  roles: { participant: '참가자', facilitator: '시민 퍼실리테이터 지원' } as Record<string, string>,
  roleHints: {
    participant: '토론 테이블에 앉아 의견을 나눕니다.',
    facilitator: '교육을 받은 뒤 테이블 토론의 진행을 맡습니다.',
  } as Record<string, string>,
  questions: '사전 질문',
  questionsHint: '응답은 아래 ‘사전 질문 응답’ 수집에 동의하신 경우에만 전달됩니다.',
  chars: (max: number) => `${n(max)}자 이내`,
  access: '편의 지원 요청',
  accessHint: '필요한 편의를 모두 선택해 주세요. 아래 ‘편의 지원’ 수집에 동의하신 경우에만 전달됩니다.',
  needs: {
    'sign-language': '수어 통역',
    wheelchair: '휠체어 접근',
    childcare: '아이 돌봄',
    'large-print': '큰 글씨 자료',
  } as Record<string, string>,
  accessNote: '그 밖의 요청 사항',
  consentTitle: '개인정보 수집·이용 동의',
  consentIntro: '항목별로 동의 여부를 선택해 주세요. 필수 항목에 동의하셔야 신청할 수 있습니다.',
  purpose: '수집·이용 목적',
  items: '수집 항목',
  retention: '보유·이용 기간',
  refusal: '동의를 거부할 권리와 불이익',
  agree: '위 내용에 동의합니다.',
  honeypot: '이 칸은 비워 두세요',
  submit: '참가 신청하기',
  sending: '보내는 중입니다…',
  noForum: '토론회를 지정해 주세요(forum-id).',
};

export type SignupMessages = typeof ko;
