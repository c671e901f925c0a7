/**
 * The personal-information consents of every signup form, worded as PIPA art. 15(2) asks:
 * purpose, items, retention, the right to refuse and what refusing means.
 * Change the wording → bump CONSENT_VERSION (registrations keep the version they agreed to).
 */
export const CONSENT_VERSION = '2026-01';

export interface ConsentItem {
  id: string;
  required: boolean;
  title: string;
  purpose: string;
  items: string[];
  retention: string;
  refusal: string;
  fields?: string[];
}

export const CONSENTS: readonly ConsentItem[] = [
  {
    id: 'personal',
    required: true,
    title: '[필수] 참가 신청을 위한 개인정보 수집·이용 동의',
    purpose: '현답토론회 참가 신청 접수, 참가 확정·대기 안내, 본인 확인 및 행사 운영 연락에 이용합니다.',
    items: ['이름', '연락처(휴대전화 번호 또는 이메일)', '거주 읍·면·동', '연령대', '참여 구분(참가자·시민 퍼실리테이터)', '14세 미만인 경우 법정대리인의 이름과 연락처'],
    retention: '토론회 종료 후 1년까지 보유·이용하며, 기간이 지나면 지체 없이 파기합니다.',
    refusal: '동의를 거부할 권리가 있습니다. 다만 필수 항목에 동의하지 않으시면 참가 신청을 하실 수 없습니다.',
  },
  {
    id: 'accessibility',
    required: false,
    title: '[선택] 편의 지원을 위한 개인정보 수집·이용 동의',
    purpose: '수어 통역, 휠체어 접근, 아이 돌봄, 큰 글씨 자료 등 참가에 필요한 편의를 준비하는 데 이용합니다.',
    items: ['필요한 편의 지원 항목', '편의 지원 관련 요청 사항'],
    retention: '토론회 종료 후 1년까지 보유·이용하며, 기간이 지나면 지체 없이 파기합니다.',
    refusal: '동의를 거부할 권리가 있으며, 거부하셔도 참가 신청은 할 수 있습니다. 다만 편의 지원을 미리 준비해 드리기 어려울 수 있습니다.',
    fields: ['accessibility', 'accessibilityNote'],
  },
  {
    id: 'answers',
    required: false,
    title: '[선택] 사전 질문 응답의 수집·이용 동의',
    purpose: '토론 주제와 테이블 구성을 준비하는 데 사전 질문 응답을 이용합니다.',
    items: ['사전 질문에 대한 응답'],
    retention: '토론회 종료 후 1년까지 보유·이용하며, 기간이 지나면 지체 없이 파기합니다.',
    refusal: '동의를 거부할 권리가 있으며, 거부하셔도 참가 신청은 할 수 있습니다. 다만 응답은 저장되지 않습니다.',
    fields: ['answers'],
  },
  {
    id: 'notice',
    required: false,
    title: '[선택] 토론회 결과 및 시 답변 안내를 위한 연락 동의',
    purpose: '토론회 결과 보고서와 제안에 대한 시 답변이 나오면 연락처로 알려 드립니다.',
    items: ['이름', '연락처(휴대전화 번호 또는 이메일)'],
    retention: '시 답변 안내를 마칠 때까지(최대 토론회 종료 후 1년) 보유·이용합니다.',
    refusal: '동의를 거부할 권리가 있으며, 거부하셔도 참가 신청은 할 수 있습니다. 다만 결과 안내를 받으실 수 없습니다.',
  },
];

export const GUARDIAN_REQUIRED_UNDER = 14;

/**
 * The retention period every consent above states: "토론회 종료 후 1년까지". Keep the two in step:
 * past this instant the reference server anonymises the registration (name, contact, answers,
 * needs, guardian removed; the district and age-group counts of published results stay).
 */
export const RETENTION_YEARS_AFTER_FORUM = 1;

/** When the personal data of a registration for a forum ending at `forumEndsAt` is due for removal. */
export function retentionEndsAt(forumEndsAt: string): string {
  const d = new Date(forumEndsAt);
  d.setUTCFullYear(d.getUTCFullYear() + RETENTION_YEARS_AFTER_FORUM);
  return d.toISOString();
}

/**
 * Characters a person cannot see: format controls (zero-width space and joiners, the BOM, soft
 * hyphen, bidi marks), other controls, line and paragraph separators, and every other default-
 * ignorable code point (the Hangul filler among them). A contact holding one is refused: it would
 * look like another contact and slip past the duplicate check.
 */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]/u;

/** Whether a contact holds a character a person cannot see. */
export function hasInvisible(value: string): boolean {
  return INVISIBLE.test(value);
}

/**
 * A contact as it is compared and kept: compatibility-normalised (NFKC: full-width letters and
 * digits become ASCII, ligatures come apart) and trimmed; null when it holds invisible characters.
 */
export function normalizeContactText(value: string): string | null {
  const v = value.normalize('NFKC').trim();
  return hasInvisible(v) ? null : v;
}

/** Digits of a Korean phone number when it is one, else null. */
export function normalizeKoreanPhone(value: string): string | null {
  const v = normalizeContactText(value);
  if (v === null || !/^[0-9][0-9 -]{6,16}[0-9]$/.test(v)) return null;
  const d = v.replace(/[ -]/g, '');
  if (/^01[016789][0-9]{7,8}$/.test(d)) return d; // mobile: 010-1234-5678, 011-123-4567
  if (/^02[0-9]{7,8}$/.test(d)) return d; // Seoul: 02-123-4567, 02-1234-5678
  if (/^0(3[1-3]|4[1-4]|5[1-5]|6[1-4])[0-9]{7,8}$/.test(d)) return d; // regional: 031-590-1234
  if (/^070[0-9]{8}$/.test(d)) return d; // internet phone
  return null;
}

/**
 * A domain in its ASCII form (IDNA, as a browser's address bar does: `예시.한국` →
 * `xn--vh3b83k.xn--3e0b707e`), lower-case; null when it is no host name. The WHATWG URL parser
 * does the conversion (the same as node:url's `domainToASCII`, and it runs in browsers too, where
 * the Storybook fake uses this).
 */
export function domainToAscii(domain: string): string | null {
  if (!/^[^/?#\\:@[\]%\s]+$/.test(domain)) return null;
  try {
    const host = new URL(`http://${domain}/`).hostname;
    return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host) ? host : null;
  } catch {
    return null;
  }
}

/**
 * The duplicate-check key of an e-mail address, else null: NFKC, no invisible characters, the
 * domain in its IDNA ASCII form, all lower-case. `red.team@ｅxample.com` is `red.team@example.com`.
 */
export function normalizeEmail(value: string): string | null {
  const v = normalizeContactText(value);
  if (v === null || v.length > 254 || !/^[^\s@"<>()]+@[^\s@"<>()]+$/.test(v)) return null;
  const at = v.lastIndexOf('@');
  const domain = domainToAscii(v.slice(at + 1));
  if (domain === null || !/\.([a-z]{2,}|xn--[a-z0-9-]{2,})$/.test(domain)) return null;
  return `${v.slice(0, at).toLowerCase()}@${domain}`;
}
