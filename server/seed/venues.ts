/**
 * Venues the demo forums are held at: the places a Namyangju resident would expect a 현답토론회
 * (행정복지센터, 도서관, 시청, 학교, 마을회관, 시장). Names follow the real institutions; the street
 * numbers are plausible, not verified, and coordinates are approximate neighbourhood centres.
 */
import type { SeedVenue } from './types.ts';

const A = '경기도 남양주시 ';

export const VENUES = {
  cityHall: { name: '남양주시청 다산홀', address: A + '경춘로 1037', lat: 37.6360, lng: 127.2165 },
  geumgokCenter: { name: '금곡동 행정복지센터 2층 회의실', address: A + '경춘로 1004', lat: 37.6372, lng: 127.2089 },
  hongyureung: { name: '홍유릉 인근 금곡동 주민자치센터', address: A + '홍유릉로 248', lat: 37.6298, lng: 127.2116 },
  jeongyakyongLib: { name: '정약용도서관 다목적실', address: A + '다산중앙로 82번길 40', lat: 37.6155, lng: 127.1560 },
  dasan1Center: { name: '다산1동 행정복지센터 대회의실', address: A + '다산순환로 20', lat: 37.6148, lng: 127.1601 },
  dasan2Center: { name: '다산2동 행정복지센터', address: A + '다산지금로 202', lat: 37.5983, lng: 127.1465 },
  dasanSchool: { name: '다산한강초등학교 강당', address: A + '다산한강로 51', lat: 37.6031, lng: 127.1519 },
  wabuCenter: { name: '와부읍 행정복지센터 대강당', address: A + '와부읍 덕소로 109', lat: 37.5866, lng: 127.2095 },
  wabuLib: { name: '와부도서관 세미나실', address: A + '와부읍 석실로 366', lat: 37.5930, lng: 127.2260 },
  paldangHall: { name: '와부읍 팔당리 마을회관', address: A + '와부읍 팔당로 101', lat: 37.5235, lng: 127.2780 },
  jinjeopCenter: { name: '진접읍 행정복지센터 3층 대회의실', address: A + '진접읍 봉현로 27', lat: 37.7184, lng: 127.1888 },
  jinjeopLib: { name: '진접도서관 다목적홀', address: A + '진접읍 해밀예당1로 50', lat: 37.7263, lng: 127.1906 },
  gwangneung: { name: '광릉숲 인근 부평리 마을회관', address: A + '진접읍 광릉내로 66', lat: 37.7485, lng: 127.1772 },
  hwadoCenter: { name: '화도읍 행정복지센터 대회의실', address: A + '화도읍 마석중앙로 48', lat: 37.6528, lng: 127.3075 },
  maseokMarket: { name: '마석 전통시장 상인회 교육장', address: A + '화도읍 마석중앙로 65번길 12', lat: 37.6537, lng: 127.3101 },
  hwadoLib: { name: '화도도서관 강당', address: A + '화도읍 수레로 1210', lat: 37.6479, lng: 127.2999 },
  jingeonCenter: { name: '진건읍 행정복지센터', address: A + '진건읍 사릉로 350', lat: 37.6614, lng: 127.1837 },
  sareungHall: { name: '진건읍 사릉리 마을회관', address: A + '진건읍 사릉로 143', lat: 37.6495, lng: 127.1905 },
  onamCenter: { name: '오남읍 행정복지센터 대강당', address: A + '오남읍 진건오남로 778', lat: 37.6988, lng: 127.2057 },
  onamLib: { name: '오남도서관 다목적실', address: A + '오남읍 오남로 90', lat: 37.7047, lng: 127.2115 },
  toegyewonCenter: { name: '퇴계원읍 행정복지센터', address: A + '퇴계원읍 퇴계원로 77', lat: 37.6480, lng: 127.1440 },
  toegyewonSchool: { name: '퇴계원고등학교 시청각실', address: A + '퇴계원읍 경춘로 1411', lat: 37.6455, lng: 127.1392 },
  byeollaeMyeonCenter: { name: '별내면 행정복지센터', address: A + '별내면 청학로 102', lat: 37.7087, lng: 127.1214 },
  byeollaeCenter: { name: '별내동 행정복지센터 대회의실', address: A + '별내중앙로 30', lat: 37.6462, lng: 127.1189 },
  byeollaeLib: { name: '별내도서관 세미나실', address: A + '별내3로 322', lat: 37.6519, lng: 127.1248 },
  sudongCenter: { name: '수동면 행정복지센터', address: A + '수동면 비룡로 1738', lat: 37.6996, lng: 127.3237 },
  mulgolanHall: { name: '수동면 물골안 마을회관', address: A + '수동면 수동로 585', lat: 37.7235, lng: 127.3318 },
  joanCenter: { name: '조안면 행정복지센터 2층 회의실', address: A + '조안면 다산로 535', lat: 37.5575, lng: 127.3004 },
  neungnaeHall: { name: '조안면 능내리 마을회관', address: A + '조안면 능내로 40', lat: 37.5401, lng: 127.2927 },
  hopyeongCenter: { name: '호평동 행정복지센터', address: A + '호평로 68번길 33', lat: 37.6555, lng: 127.2431 },
  hopyeongSports: { name: '호평체육문화센터 세미나실', address: A + '늘을1로 16번길 75', lat: 37.6617, lng: 127.2504 },
  pyeongnaeCenter: { name: '평내동 행정복지센터 대회의실', address: A + '평내로 29', lat: 37.6437, lng: 127.2362 },
  pyeongnaeLib: { name: '평내도서관 세미나실', address: A + '평내로 51번길 20', lat: 37.6466, lng: 127.2310 },
  yangjeongCenter: { name: '양정동 행정복지센터', address: A + '경강로 285', lat: 37.6048, lng: 127.1813 },
  donongStation: { name: '도농역 인근 양정동 주민자치센터', address: A + '경춘로 622', lat: 37.6087, lng: 127.1611 },
} satisfies Record<string, SeedVenue>;

export type VenueKey = keyof typeof VENUES;
