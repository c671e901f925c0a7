/**
 * Words every operator tool shares: signing in and out, the error summary, how a field's problem
 * is put. Korean is the source (polite register); `messages-en.ts` has every key (typed `typeof
 * ko`). Each tool spreads these into its own catalog, so `this.l.t` holds both.
 */

/** 을/를, 은/는, 이/가 by whether the last syllable of a Korean word ends in a consonant. */
const particle = (word: string, withFinal: string, without: string): string => {
  const code = word.trim().charCodeAt(word.trim().length - 1);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 ? withFinal : without;
  return `${withFinal}(${without})`;
};

export const operatorKo = {
  signIn: {
    title: '운영자 로그인',
    intro: '시 담당자나 시민 퍼실리테이터에게 발급된 운영자 토큰으로 로그인해 주세요.',
    token: '운영자 토큰',
    hint: '토큰은 이 브라우저 탭에만 보관되며, 탭을 닫거나 로그아웃하면 지워집니다.',
    submit: '로그인',
    signedIn: '운영자로 로그인했습니다.',
    signOut: '로그아웃',
    format: '토큰은 공백 없이 8자 이상이어야 합니다. 발급받은 토큰을 그대로 붙여 넣어 주세요.',
    expired: '토큰이 맞지 않거나 더 이상 쓸 수 없습니다. 다시 로그인한 뒤 저장해 주세요. 입력한 내용은 그대로 남아 있습니다.',
  },
  summaryTitle: '입력 내용을 확인해 주세요',
  required: '필수',
  optional: '선택',
  saving: '저장하는 중입니다…',
  problem: {
    missing: (label: string) => `${label}${particle(label, '을', '를')} 입력해 주세요.`,
    choose: (label: string) => `${label}${particle(label, '을', '를')} 선택해 주세요.`,
    tooLong: (label: string, max: string) => `${label}${particle(label, '은', '는')} ${max}자 이내로 입력해 주세요.`,
    tooMany: (label: string, max: string) => `${label}${particle(label, '은', '는')} ${max}개까지 입력할 수 있습니다.`,
    range: (label: string, min: string, max: string) => `${label}${particle(label, '은', '는')} ${min}부터 ${max}까지의 정수로 입력해 주세요.`,
    format: (label: string) => `${label}의 형식을 확인해 주세요.`,
    other: (label: string) => `${label}: 입력한 내용을 확인해 주세요.`,
  },
  codes: {
    unauthorized: '토큰이 맞지 않거나 더 이상 쓸 수 없습니다. 다시 로그인해 주세요.',
    forbidden: '이 토큰으로는 이 작업을 할 수 없습니다. 권한이 있는 운영자 토큰으로 로그인해 주세요.',
    'invalid-transition': '지금 상태에서는 할 수 없는 작업입니다. 토론회 상태를 확인해 주세요.',
  } as Record<string, string>,
};

export type OperatorWords = typeof operatorKo;
