/**
 * Namyangju's administrative districts (6 읍, 3 면, 7 동) as residents name them.
 * The signup form offers these plus OTHER_DISTRICT for people from elsewhere.
 */
export const DISTRICTS = [
  '와부읍',
  '진접읍',
  '화도읍',
  '진건읍',
  '오남읍',
  '퇴계원읍',
  '별내면',
  '수동면',
  '조안면',
  '호평동',
  '평내동',
  '금곡동',
  '양정동',
  '다산1동',
  '다산2동',
  '별내동',
] as const;

export const OTHER_DISTRICT = '기타(남양주시 외)';

export type District = (typeof DISTRICTS)[number];
