/**
 * Word lists for the demo seed: names by generation, the citizen facilitators, generic
 * sticky notes, and the city's stock phrases for answers and timelines.
 */

/** Surnames with rough weights (per 1,000 people). */
export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['김', 215], ['이', 147], ['박', 84], ['최', 47], ['정', 44], ['강', 24], ['조', 21], ['윤', 21],
  ['장', 20], ['임', 17], ['한', 15], ['오', 15], ['서', 15], ['신', 14], ['권', 14], ['황', 14],
  ['안', 13], ['송', 13], ['류', 12], ['전', 11], ['홍', 11], ['고', 9], ['문', 9], ['양', 9],
  ['손', 9], ['배', 8], ['백', 8], ['허', 7], ['유', 7], ['남', 6], ['심', 6], ['노', 6], ['하', 5],
  ['곽', 4], ['성', 4], ['차', 4], ['주', 4], ['우', 4], ['구', 4], ['민', 3], ['나', 3], ['진', 3],
];

/** Given names as people of each generation tend to have them. */
export const GIVEN_NAMES = {
  teen: ['서연', '하은', '지우', '서현', '민서', '수아', '예린', '채원', '시우', '하준', '도윤', '서준', '예준', '주원', '지호', '건우', '현준', '유나', '윤서', '다인', '은우', '지안', '선우', '가은'],
  young: ['지현', '수빈', '민지', '예진', '지은', '유진', '혜린', '소연', '다은', '하늘', '민준', '현우', '지훈', '성현', '승민', '준영', '도현', '태윤', '우진', '재원', '은비', '가영', '동욱', '상민', '보람', '슬기'],
  middle: ['미경', '은주', '지영', '혜정', '선영', '미영', '현주', '정미', '경희', '은정', '성민', '정훈', '상훈', '성호', '준호', '재훈', '민수', '동현', '현석', '종민', '병훈', '영미', '수진', '은경', '진영', '경민'],
  older: ['영숙', '순자', '정숙', '영자', '옥순', '명숙', '영희', '정희', '춘자', '순옥', '영수', '영호', '영철', '정호', '상철', '광수', '병철', '종수', '기순', '말순', '복순', '경자', '만수', '길남', '석구', '봉순'],
} as const;

/** Generic notes any forum gets a few of, next to its topic's own. */
export const GENERIC_IDEAS: readonly string[] = [
  '결정된 내용을 주민에게 꼭 다시 알려 주세요',
  '담당 공무원이 현장에 직접 와서 봐 주셨으면 합니다',
  '예산이 어떻게 쓰이는지 공개해 주세요',
  '공사할 때 주민 설명회를 먼저 열어 주세요',
  '어르신도 알아볼 수 있게 안내문을 쉽게 써 주세요',
  '이런 토론회를 1년에 한 번은 다시 열어요',
  '주민 모니터링단을 만들어 계속 지켜봐요',
  '시범 사업부터 해 보고 넓혀 가요',
  '다른 시 잘된 사례를 보고 배우면 좋겠어요',
  '아이들 의견도 따로 들어 주세요',
  '민원 넣으면 처리 결과를 문자로 알려 주세요',
  '마을 소식지에 진행 상황을 실어 주세요',
  '행정복지센터에 의견함을 계속 두면 좋겠어요',
  '주말에도 연락할 수 있는 창구가 필요해요',
  '이웃끼리 먼저 할 수 있는 일도 찾아봐요',
  '관련 부서끼리 협의해서 한 번에 처리해 주세요',
];

/** Notes a facilitator hides: off-topic, a test, or naming a private person. */
export const HIDEABLE_IDEAS: readonly string[] = [
  '테스트 ㅋㅋ',
  '○○운수 △△△ 기사 이름 공개합니다 매번 불친절해요',
  '아 배고프다 점심 뭐 먹지',
];

/** Why the city may turn a proposal down when no tailored reason is written. */
export const DECLINE_REASONS: readonly string[] = [
  '해당 부지가 개발제한구역에 있어 관련 법령상 새 시설을 설치하기 어렵습니다.',
  '사업 관할이 경기도에 있어 시가 단독으로 추진할 수 없습니다. 제안 내용은 경기도에 공식 전달하였습니다.',
  '올해와 내년 예산 여건상 새 사업을 편성하기 어렵습니다. 중기지방재정계획을 세울 때 다시 검토하겠습니다.',
  '인근 주민 사이에 의견이 엇갈려 추가 의견 수렴 없이 추진하기 어렵습니다.',
  '비슷한 사업이 이미 다른 부서에서 진행 중이어서 그 사업 안에서 요구를 반영하도록 하겠습니다.',
];

export const STATUS_LABEL = {
  accepted: '수용',
  partial: '일부 수용',
  reviewing: '검토 중',
  declined: '불수용',
  awaiting: '답변 대기',
} as const;

/** Short answers to the generic text question, by audience. */
export const INCONVENIENCE_SAMPLES: readonly string[] = [
  '매일 지나다니면서 불편했는데 말할 곳이 없었습니다.',
  '아이와 함께 다니기 위험한 곳이 있습니다.',
  '민원을 여러 번 넣었지만 바뀌지 않았어요.',
  '저녁 시간에 특히 불편합니다.',
  '부모님이 이용하시기 어려워하십니다.',
  '이사 온 지 얼마 안 돼서 잘 모르지만 관심이 많습니다.',
  '주말마다 겪는 일이라 꼭 이야기하고 싶습니다.',
];

/** Josa 은/는, 을/를, 이/가 after a word (by its last syllable's final consonant). */
export function josa(word: string, pair: '은는' | '을를' | '이가' | '과와' | '으로로'): string {
  const last = [...word.replace(/[^가-힣]+$/u, '')].pop();
  if (!last) return word + pair.slice(-1);
  const code = last.charCodeAt(0) - 0xac00;
  const final = code >= 0 && code <= 11171 ? code % 28 : 0;
  if (pair === '으로로') return word + (final === 0 || final === 8 ? '로' : '으로');
  return word + (final === 0 ? pair[1] : pair[0]);
}
