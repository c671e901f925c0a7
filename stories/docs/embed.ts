/**
 * What a web editor pastes, element by element: the snippets and the plain-words explanation of
 * every attribute, in Korean first and then English. The element docs pages (`.storybook/docs-page.ts`)
 * and the getting-started page (`stories/getting-started.mdx`) both show these, so a snippet is
 * written once. `test/build/storybook.test.ts` checks every tag and attribute used here against
 * `custom-elements.json`, and that every attribute there has an explanation here.
 *
 * Plain data, no imports: the Node tests read it as well as the Storybook preview.
 */

/** Where the examples say the city's server is. Editors replace it with theirs. */
export const EXAMPLE_ORIGIN = 'https://forum.example.kr';
export const EXAMPLE_API = `${EXAMPLE_ORIGIN}/api`;
/** The one script tag: a small loader that fetches a widget's code when its tag appears. */
export const SCRIPT_TAG = `<script type="module" src="${EXAMPLE_ORIGIN}/dist/cdn/hyeondap.js"></script>`;

export interface Bilingual {
  ko: string;
  en: string;
}

/** One attribute, explained for someone who has never used a web component (markdown). */
export interface AttributeDoc extends Bilingual {
  name: string;
  /** An example value, as it would appear in the tag. */
  example?: string;
}

export interface SnippetDoc {
  /** What this variant is for (markdown). */
  title: Bilingual;
  /** The HTML to paste (without the script tag; the page shows that once, on top). */
  code: string;
}

export interface ElementEmbedDoc {
  tag: string;
  /** Who uses it and where it goes on the page (markdown, one paragraph each). */
  intro: Bilingual;
  /** The first snippet is the one to start from; the others are variants. */
  snippets: SnippetDoc[];
  attributes: AttributeDoc[];
  /** Properties that are not attributes (set from JavaScript), when an editor may need one. */
  properties?: AttributeDoc[];
  /** The events a page's own script may listen for (markdown per event). */
  events?: AttributeDoc[];
  /** A theming example: CSS custom properties this element reads. */
  theming: { code: string } & Bilingual;
}

const apiBase: AttributeDoc = {
  name: 'api-base',
  example: EXAMPLE_API,
  ko: '토론회 데이터를 주는 서버(백엔드)의 API 주소입니다. 시 서버가 아닌 다른 기관의 서버를 쓰려면 이 주소만 바꾸면 됩니다. 페이지에 `<hd-provider api-base="…">`가 이 위젯을 감싸고 있으면 생략할 수 있습니다.',
  en: 'The API address of the server (backend) that holds the forums. To use another organisation’s server instead of the city’s, change only this address. It can be left out when an `<hd-provider api-base="…">` wraps the widget.',
};

const lang: AttributeDoc = {
  name: 'lang',
  example: 'en',
  ko: '화면 언어입니다. 비워 두면 한국어(또는 페이지 `<html lang>`의 언어)이고, `en`이면 영어입니다. 날짜와 시간은 언제나 한국 시간으로 보입니다.',
  en: 'Language of the widget. Empty: Korean (or the page’s `<html lang>`); `en`: English. Dates and times are always shown in Korea time.',
};

export const embedDocs: Record<string, ElementEmbedDoc> = {
  'hd-provider': {
    tag: 'hd-provider',
    intro: {
      ko: '화면에 아무것도 그리지 않는 포장지입니다. 안에 넣은 위젯 모두에게 서버 주소(`api-base`), 언어, 토큰을 한 번에 알려 줍니다. 위젯이 여러 개인 페이지에서 주소를 한 곳에만 적고 싶을 때 씁니다. 위젯이 하나뿐이면 없어도 됩니다.',
      en: 'A wrapper that draws nothing itself. It tells every widget inside it the server address (`api-base`), the language and a token, once. Use it when a page has several widgets and you want to write the address in one place; with a single widget you do not need it.',
    },
    snippets: [
      {
        title: { ko: '일정과 참가 신청을 한 서버로', en: 'A calendar and a signup form on one server' },
        code: `<hd-provider api-base="${EXAMPLE_API}" locale="ko">
  <hd-forum-calendar signup-href="/signup.html?forum={id}"></hd-forum-calendar>
  <hd-result-summary></hd-result-summary>
</hd-provider>`,
      },
      {
        title: { ko: '퍼실리테이터용 비공개 페이지 (토큰)', en: 'A facilitators’ private page (token)' },
        code: `<hd-provider api-base="${EXAMPLE_API}" token="퍼실리테이터-토큰">
  <hd-idea-wall forum-id="토론회-번호" mode="facilitator"></hd-idea-wall>
</hd-provider>`,
      },
    ],
    attributes: [
      {
        ...apiBase,
        ko: '토론회 데이터를 주는 서버(백엔드)의 API 주소입니다. 안에 있는 위젯은 모두 이 주소를 씁니다(위젯에 자기 `api-base`가 있으면 그것이 우선합니다). 다른 기관의 서버를 쓰려면 이 주소만 바꾸면 됩니다.',
        en: 'The API address of the server (backend) that holds the forums. Every widget inside uses it (a widget’s own `api-base` wins). To use another organisation’s server, change only this address.',
      },
      {
        name: 'locale',
        example: 'en',
        ko: '안에 있는 위젯의 언어입니다. `ko`(기본) 또는 `en`. 위젯 자신의 `lang`이 있으면 그것이 우선합니다.',
        en: 'Language of the widgets inside: `ko` (default) or `en`. A widget’s own `lang` wins.',
      },
      {
        name: 'token',
        example: '퍼실리테이터-토큰',
        ko: '퍼실리테이터나 관리자 화면에서만 씁니다. 안에 있는 위젯이 보내는 모든 요청에 이 권한을 붙입니다. **누구나 보는 페이지에는 넣지 마세요.** 토큰은 주소(URL)에 넣지 말고, 로그인한 사람만 여는 페이지에 두세요.',
        en: 'Only for facilitator or admin screens: every request of the widgets inside carries this permission. **Never put it on a public page**, and never in a URL; keep it on a page only signed-in staff open.',
      },
    ],
    theming: {
      ko: '테마 변수는 `<hd-provider>`에도 줄 수 있습니다. 안에 있는 위젯이 모두 따릅니다.',
      en: 'Theme variables can be set on `<hd-provider>` too; every widget inside follows them.',
      code: `hd-provider {
  --hd-color-accent: #0b6e4f;  /* 강조색 · accent */
  --hd-radius: 4px;            /* 모서리 · corners */
}`,
    },
  },

  'hd-forum-calendar': {
    tag: 'hd-forum-calendar',
    intro: {
      ko: '시민이 토론회를 찾는 달력입니다. 넓은 곳에서는 월간 달력, 좁은 곳(휴대전화)에서는 목록으로 보이고, 지역·주제·상태로 거르거나 검색할 수 있습니다. 토론회마다 날짜와 시간, 장소(지도 링크), 남은 자리, "내 캘린더에 추가"가 있고, 제목은 참가 신청이나 결과 페이지로 가는 링크입니다.',
      en: 'The calendar where residents find a forum: a month grid where there is room, a list on phones, with filters by district, topic and status and a search. Each forum shows its date and time, venue (with a map link), seats left and “add to my calendar”; its title links to its signup or results page.',
    },
    snippets: [
      {
        title: { ko: '기본: 일정과 참가 신청 링크', en: 'Basic: the calendar with signup links' },
        code: `<hd-forum-calendar
  api-base="${EXAMPLE_API}"
  signup-href="/signup.html?forum={id}"
></hd-forum-calendar>`,
      },
      {
        title: { ko: '한 지역의 모집 중인 토론회만, 목록으로', en: 'Only one district’s open forums, as a list' },
        code: `<hd-forum-calendar
  api-base="${EXAMPLE_API}"
  view="list"
  district="화도읍"
  status="open,full"
  signup-href="/signup.html?forum={id}"
></hd-forum-calendar>`,
      },
    ],
    attributes: [
      apiBase,
      {
        name: 'signup-href',
        example: '/signup.html?forum={id}',
        ko: '참가 신청을 받는(또는 곧 받을) 토론회의 제목이 가는 참가 신청 페이지 주소입니다. `{id}` 자리에 그 토론회의 번호가 들어갑니다. 그 페이지에는 `<hd-signup-form>`을 붙이세요. 갈 곳이 없는 토론회의 제목은 링크가 아닌 글자로 보입니다.',
        en: 'Address of the signup page the title of a forum that takes signups (or soon will) leads to; `{id}` is replaced by the forum’s id. Put an `<hd-signup-form>` on that page. A title with nowhere to go is plain text, not a link.',
      },
      {
        name: 'results-href',
        example: '/results.html?forum={id}',
        ko: '이미 열린 토론회(종료, 결과 공개)의 제목이 가는 결과 페이지 주소입니다. `{id}` 자리에 토론회 번호가 들어갑니다. 그 페이지에는 `<hd-result-summary>`를 붙이세요(결과가 나오기 전에는 언제 나오는지 알려 줍니다).',
        en: 'Address of the results page the title of a forum that has taken place (finished, reported) leads to; `{id}` is replaced by the forum’s id. Put an `<hd-result-summary>` on that page (before the results are out it says when they are expected).',
      },
      {
        name: 'forum-href',
        example: '/forums/{id}',
        ko: '토론회마다 자기 페이지가 있는 사이트라면 그 주소입니다. 있으면 상태와 상관없이 모든 제목이 이 주소로 가고, `signup-href`·`results-href`보다 우선합니다.',
        en: 'If your site has a page per forum, its address: every title then leads there, whatever the forum’s status, ahead of `signup-href` and `results-href`.',
      },
      {
        name: 'view',
        example: 'list',
        ko: '`month`(월간 달력) 또는 `list`(목록). 비워 두면 위젯 너비가 480px 이상일 때 달력, 그보다 좁으면 목록입니다.',
        en: '`month` (a month grid) or `list`. Empty: the grid when the widget is at least 480px wide, else the list.',
      },
      {
        name: 'month',
        example: '2026-05',
        ko: '처음 보여 줄 달입니다(`연-월`, 예: `2026-05`). 비워 두면 이번 달입니다.',
        en: 'The month shown first, as `YYYY-MM` (e.g. `2026-05`). Empty: this month.',
      },
      {
        name: 'district',
        example: '화도읍',
        ko: '이 읍·면·동의 토론회만 보여 줍니다(예: `화도읍`).',
        en: 'Only forums in this district (읍·면·동, e.g. `화도읍`).',
      },
      {
        name: 'topic',
        example: '교통',
        ko: '이 주제의 토론회만 보여 줍니다(예: `교통`).',
        en: 'Only forums with this topic (e.g. `교통`).',
      },
      {
        name: 'status',
        example: 'open,full',
        ko: '이 상태의 토론회만 보여 줍니다. 쉼표로 여러 개: `announced`(모집 예정), `open`(모집 중), `full`(대기 접수), `closed`(마감), `live`(진행 중), `finished`(종료), `reported`(결과 공개).',
        en: 'Only forums in these states, comma-separated: `announced`, `open`, `full` (waitlist), `closed`, `live`, `finished`, `reported`.',
      },
      {
        name: 'q',
        example: '버스',
        ko: '처음부터 넣어 둘 검색어입니다. 시민이 위젯의 검색 칸에 입력해도 같은 일을 합니다.',
        en: 'A search to start with; typing in the widget’s search box does the same.',
      },
      {
        name: 'map-href',
        example: 'https://map.naver.com/p/search/{query}',
        ko: '장소의 지도 링크입니다. `{query}` 자리에 주소가 들어갑니다. 기본은 카카오맵이며, 네이버 지도는 `https://map.naver.com/p/search/{query}`입니다.',
        en: 'Map link of a venue; `{query}` is replaced by the address. Kakao Map by default; Naver: `https://map.naver.com/p/search/{query}`.',
      },
      {
        name: 'refresh-interval',
        example: '60',
        ko: '남은 자리 수를 새로 받아 오는 간격(초)입니다. 기본 60초, `0`이면 시민이 페이지로 돌아왔을 때만 새로 받습니다.',
        en: 'Seconds between refreshes of the seat counts (default 60); `0`: only when the reader comes back to the page.',
      },
      lang,
    ],
    events: [
      {
        name: 'hd-forum-select',
        ko: '시민이 토론회 제목의 링크를 눌렀을 때 일어납니다(`event.detail.forum`, `event.detail.href`). 페이지 스크립트에서 `event.preventDefault()`를 부르면 그 주소로 옮겨 가지 않습니다.',
        en: 'A person followed a forum title’s link (`event.detail.forum`, `event.detail.href`). Call `event.preventDefault()` in the page’s script to stay on the page instead of going there.',
      },
    ],
    theming: {
      ko: '위젯은 페이지의 CSS와 섞이지 않습니다. 색과 크기는 `--hd-`로 시작하는 CSS 변수로 바꿉니다.',
      en: 'The page’s CSS does not reach inside the widget; change colours and sizes with the `--hd-…` CSS variables.',
      code: `hd-forum-calendar {
  --hd-color-accent: #0b6e4f;                 /* 강조색 · accent */
  --hd-forum-calendar-today: #c2410c;         /* 오늘 표시 · today */
  --hd-forum-calendar-cell-height: 7em;       /* 달력 칸 높이 · day cell height */
}`,
    },
  },

  'hd-signup-form': {
    tag: 'hd-signup-form',
    intro: {
      ko: '한 토론회의 참가 신청서입니다. 토론회 요약, 이름·연락처·지역·연령대, 참가자 또는 시민 퍼실리테이터 지원, 토론회별 질문, 편의 지원 요청, 개인정보 수집·이용 동의(필수와 선택을 따로)를 받습니다. 자리가 다 차면 대기자로 받고, 신청이 끝나면 신청 번호와 QR 코드, 캘린더 추가, 취소 링크를 보여 줍니다. 인터넷이 끊겨도 신청은 사라지지 않고 다시 연결되면 한 번만 보내집니다.',
      en: 'The signup form of one forum: the forum’s summary, name, contact, district, age group, participant or citizen-facilitator application, the forum’s own questions, accessibility requests and the personal-information consents (required and optional apart). When the seats are taken it puts people on the waitlist; afterwards it shows the registration code with a QR code, add-to-calendar and a cancel link. A signup is never lost when the network drops: it is sent once when the connection is back.',
    },
    snippets: [
      {
        title: { ko: '참가 신청 페이지', en: 'The signup page' },
        code: `<hd-signup-form api-base="${EXAMPLE_API}" forum-id="토론회-번호"></hd-signup-form>`,
      },
      {
        title: {
          ko: '달력에서 넘어오는 신청 페이지 (`signup.html?forum=…`): 주소의 번호를 위젯에 넘기는 스크립트 파일',
          en: 'A signup page the calendar links to (`signup.html?forum=…`): a script file hands the id in the address to the widget',
        },
        code: `<hd-signup-form api-base="${EXAMPLE_API}"></hd-signup-form>
<script type="module" src="/signup-page.js"></script>
<!-- signup-page.js:
  const id = new URLSearchParams(location.search).get('forum');
  if (id) document.querySelector('hd-signup-form').setAttribute('forum-id', id);
-->`,
      },
    ],
    attributes: [
      apiBase,
      {
        name: 'forum-id',
        example: '토론회-번호',
        ko: '신청받을 토론회의 번호입니다. 토론회 관리 화면이나 달력의 `signup-href` 링크(`{id}`)에서 얻습니다.',
        en: 'The id of the forum to sign up for, from the forum admin screen or the calendar’s `signup-href` link (`{id}`).',
      },
      {
        name: 'cancel-token',
        ko: '보통은 쓰지 않습니다. 신청 확인 화면의 취소 링크(주소 끝의 `#cancel=…`)로 이 페이지를 열면 위젯이 스스로 취소 화면을 보여 줍니다. 취소 토큰을 HTML에 직접 적지 마세요.',
        en: 'Usually not needed: opening this page through the confirmation’s cancel link (`#cancel=…` at the end of the address) shows the cancel view by itself. Never write a cancel token into the HTML.',
      },
      lang,
    ],
    events: [
      {
        name: 'hd-signup-submit',
        ko: '신청을 보내기 직전에 일어납니다(`event.detail.input`이 보낼 내용). `preventDefault()`로 보내지 않게 할 수 있습니다.',
        en: 'Just before a signup is sent (`event.detail.input` is what will be sent); `preventDefault()` stops it.',
      },
      {
        name: 'hd-signup-complete',
        ko: '서버가 신청을 받았을 때(확정 또는 대기) 일어납니다. 방문 통계 등에 씁니다.',
        en: 'The server took the signup (confirmed or waitlisted); for analytics and the like.',
      },
      {
        name: 'hd-signup-cancel',
        ko: '신청이 취소되었을 때 일어납니다.',
        en: 'A registration was cancelled.',
      },
    ],
    theming: {
      ko: '신청서 너비와 확인 화면 색을 바꿀 수 있습니다.',
      en: 'The form’s width and the confirmation panel’s colour can be changed.',
      code: `hd-signup-form {
  --hd-color-accent: #0b6e4f;                    /* 강조색 · accent */
  --hd-signup-form-max-width: 36em;              /* 최대 너비 · widest */
  --hd-signup-form-panel-color: #0b6e4f;         /* 확인 화면 · confirmation panel */
}`,
    },
  },

  'hd-idea-wall': {
    tag: 'hd-idea-wall',
    intro: {
      ko: '토론회 현장의 실시간 게시판입니다. 참가자는 휴대전화로 테이블의 QR 코드를 찍어 들어와 제안을 올리고 스티커(점)로 투표합니다. 퍼실리테이터는 태블릿에서 제안을 숨기고, 분류하고, 합치고, 고정하고, 투표 시간을 엽니다. 프로젝터 화면은 모든 제안을 크게 보여 주고 참여 QR 코드를 띄웁니다. 한 토론회에 세 화면을 `mode`로 나눕니다.',
      en: 'The live board at the venue. Participants scan their table’s QR code with a phone, post ideas and vote with dots. Facilitators, on tablets, hide, categorise, merge and pin ideas and open the voting round. The projector shows every idea large with a QR code to join. One forum, three screens, chosen with `mode`.',
    },
    snippets: [
      {
        title: {
          ko: '참가자 페이지: 참여 코드와 테이블 번호를 시민이 직접 입력합니다',
          en: 'The participants’ page: people type the join code and their table number',
        },
        code: `<hd-idea-wall api-base="${EXAMPLE_API}" forum-id="토론회-번호"></hd-idea-wall>`,
      },
      {
        title: {
          ko: '테이블 QR 코드가 여는 참가자 페이지 (`venue.html?code=…&table=…`): 주소의 코드와 번호를 위젯에 넘기는 스크립트 파일로 바로 참여',
          en: 'The participants’ page a table QR code opens (`venue.html?code=…&table=…`): a script file hands the code and table in the address to the widget, so people join at once',
        },
        code: `<hd-idea-wall api-base="${EXAMPLE_API}" forum-id="토론회-번호"></hd-idea-wall>
<script type="module" src="/venue-page.js"></script>
<!-- venue-page.js:
  const params = new URLSearchParams(location.search);
  const wall = document.querySelector('hd-idea-wall');
  wall.setAttribute('join-code', params.get('code') ?? '');
  wall.setAttribute('table', params.get('table') ?? '');
-->`,
      },
      {
        title: { ko: '프로젝터 화면', en: 'The projector screen' },
        code: `<hd-idea-wall
  api-base="${EXAMPLE_API}"
  forum-id="토론회-번호"
  mode="projector"
  group-by="category"
  join-code="HYEON24"
  join-href="${EXAMPLE_ORIGIN}/venue.html?code={code}&table={table}"
></hd-idea-wall>`,
      },
      {
        title: { ko: '퍼실리테이터 화면 (로그인한 사람만 여는 페이지)', en: 'The facilitator screen (a page only signed-in staff open)' },
        code: `<hd-provider api-base="${EXAMPLE_API}" token="퍼실리테이터-토큰">
  <hd-idea-wall forum-id="토론회-번호" mode="facilitator"></hd-idea-wall>
</hd-provider>`,
      },
    ],
    attributes: [
      apiBase,
      {
        name: 'forum-id',
        example: '토론회-번호',
        ko: '진행 중인 토론회의 번호입니다.',
        en: 'The id of the live forum.',
      },
      {
        name: 'mode',
        example: 'projector',
        ko: '`participant`(참가자, 휴대전화, 기본), `facilitator`(퍼실리테이터, 태블릿, 토큰 필요), `projector`(프로젝터, 입력 없음).',
        en: '`participant` (phones, the default), `facilitator` (tablets, needs a token) or `projector` (the big screen, no input).',
      },
      {
        name: 'join-code',
        example: 'HYEON24',
        ko: '토론회 참여 코드입니다. 참가자 화면에 `table`과 함께 주면 시민이 입력하지 않고 바로 참여합니다(테이블 QR 코드 주소에서 페이지 스크립트로 넘깁니다). 비워 두면 시민이 입력합니다. 프로젝터 화면에 주면 큰 글씨와 QR 코드로 보여 줍니다.',
        en: 'The forum’s join code. On the participants’ page, given with `table`, people join without typing (a page script copies both from the table QR code’s address); left empty, people type it. On the projector it is shown large with a QR code.',
      },
      {
        name: 'table',
        example: '3',
        ko: '참가자의 테이블 번호입니다(테이블 QR 코드 주소에서 넘깁니다). `join-code`와 함께 있으면 바로 참여합니다.',
        en: 'The participant’s table number (handed over from the table QR code’s address). With `join-code` the person joins at once.',
      },
      {
        name: 'join-href',
        example: `${EXAMPLE_ORIGIN}/venue.html?code={code}&table={table}`,
        ko: '프로젝터의 QR 코드가 가리킬 참가자 페이지 주소입니다. `{code}`와 `{table}` 자리에 참여 코드와 테이블 번호가 들어갑니다.',
        en: 'Projector: the participants’ page the QR code points to; `{code}` and `{table}` are filled in.',
      },
      {
        name: 'group-by',
        example: 'table',
        ko: '프로젝터에서 제안을 묶는 방법: `category`(분류별, 기본), `table`(테이블별), `none`(묶지 않음).',
        en: 'Projector: group ideas by `category` (default), `table`, or `none`.',
      },
      {
        name: 'sort',
        example: 'votes',
        ko: '제안 순서: `newest`(최신순, 기본) 또는 `votes`(투표순).',
        en: 'Order of ideas: `newest` (default) or `votes`.',
      },
      {
        name: 'paused',
        ko: '값 없이 적으면 게시판이 움직이지 않습니다(새 제안은 계속 받아 세어 둡니다). 보통은 화면의 "멈춤" 단추로 시민이 직접 켜고 끕니다.',
        en: 'Written without a value, the wall stands still (new ideas keep arriving and are counted). Normally people use the wall’s own pause button.',
      },
    ],
    properties: [
      {
        name: 'token',
        ko: '퍼실리테이터 토큰은 속성(HTML)이 아니라 `<hd-provider token="…">`로 넘기세요. 주소(URL)에 넣지 마세요.',
        en: 'Pass a facilitator’s token through `<hd-provider token="…">`, not as an HTML attribute, and never in a URL.',
      },
    ],
    events: [
      {
        name: 'hd-idea-posted',
        ko: '이 화면에서 올린 제안을 서버가 받았을 때 일어납니다.',
        en: 'The server took an idea posted from this screen.',
      },
      {
        name: 'hd-vote-changed',
        ko: '스티커를 붙이거나 뗀 것을 서버가 확인했을 때 일어납니다.',
        en: 'The server confirmed a dot put on or taken back.',
      },
      {
        name: 'hd-idea-wall-joined',
        ko: '참가자가 테이블에 참여했을 때 일어납니다.',
        en: 'A participant joined at a table.',
      },
    ],
    theming: {
      ko: '프로젝터의 글자 크기와 열 수, 카드 배경을 바꿀 수 있습니다.',
      en: 'The projector’s text size and columns and the card background can be changed.',
      code: `hd-idea-wall[mode="projector"] {
  --hd-idea-wall-projector-font-size: 32px;   /* 프로젝터 글자 · projector text */
  --hd-idea-wall-columns: 4;                  /* 열 수 · columns */
}
hd-idea-wall {
  --hd-idea-wall-card-background: #fffdf5;    /* 카드 배경 · card background */
}`,
    },
  },

  'hd-result-summary': {
    tag: 'hd-result-summary',
    intro: {
      ko: '토론회가 끝난 뒤 무엇이 나왔고 시가 어떻게 답했는지 보여 줍니다. 참석 인원과 제안·투표 수, 투표순 제안과 각 제안의 시 답변(수용 / 일부 수용 / 검토 중 / 불수용 / 답변 대기)과 진행 경과, 분류·지역·연령대 그래프, CSV 내려받기와 인쇄를 제공합니다. `forum-id`를 비우면 지금까지의 모든 토론회 현황을 보여 줍니다.',
      en: 'What came of a forum and how the city answered: turnout, ideas and votes, proposals ranked by votes with the city’s answer (accepted / partly / under review / declined / awaiting) and its follow-up timeline, charts by category, district and age group, a CSV download and a print view. Without `forum-id` it shows every forum so far.',
    },
    snippets: [
      {
        title: { ko: '한 토론회의 결과', en: 'One forum’s results' },
        code: `<hd-result-summary api-base="${EXAMPLE_API}" forum-id="토론회-번호"></hd-result-summary>`,
      },
      {
        title: { ko: '전체 현황 (2025년만)', en: 'The whole programme (2025 only)' },
        code: `<hd-result-summary api-base="${EXAMPLE_API}" year="2025"></hd-result-summary>`,
      },
    ],
    attributes: [
      apiBase,
      {
        name: 'forum-id',
        example: '토론회-번호',
        ko: '결과를 보여 줄 토론회의 번호입니다. 비우면 전체 현황을 보여 줍니다.',
        en: 'The forum whose results to show. Empty: the whole programme.',
      },
      {
        name: 'year',
        example: '2025',
        ko: '전체 현황에서 이 해에 열린 토론회만 보여 줍니다.',
        en: 'Programme view: only forums held in this year.',
      },
      {
        name: 'district',
        example: '화도읍',
        ko: '전체 현황에서 이 읍·면·동의 토론회만 보여 줍니다.',
        en: 'Programme view: only forums held in this district.',
      },
      {
        name: 'forum-href',
        example: '/results.html?forum={id}',
        ko: '전체 현황의 토론회 이름이 가는 결과 페이지 주소입니다. `{id}` 자리에 토론회 번호가 들어갑니다. 새 탭으로 열거나 주소를 나눌 수 있고, 그냥 누르면 위젯이 그 자리에서 결과를 보여 줍니다. 비워 두면 이 페이지 주소에 `#hd-forum=번호`를 붙인 링크가 되고, 그 주소로 열면 위젯이 그 토론회를 보여 줍니다.',
        en: 'Programme view: the results page a forum’s name links to; `{id}` is replaced by the forum’s id. It opens in a new tab and can be shared; a plain click shows the results in place. Empty: a link to this page with `#hd-forum=<id>`, which the widget opens.',
      },
      lang,
    ],
    events: [
      {
        name: 'hd-result-forum-select',
        ko: '전체 현황에서 시민이 토론회를 골랐을 때 일어납니다. 그대로 두면 위젯이 그 토론회의 결과를 보여 주고, `preventDefault()`를 부르면 페이지 스크립트가 직접 다른 페이지로 보낼 수 있습니다.',
        en: 'A person chose a forum in the programme view. By default the widget shows that forum’s results; call `preventDefault()` to navigate yourself.',
      },
    ],
    theming: {
      ko: '그래프 열 수와 숫자 칸의 최소 너비를 바꿀 수 있습니다.',
      en: 'The chart columns and the narrowest figure tile can be changed.',
      code: `hd-result-summary {
  --hd-color-accent: #0b6e4f;              /* 강조색 · accent */
  --hd-result-summary-chart-columns: 2;    /* 그래프 열 수 · chart columns */
  --hd-result-summary-stat-min: 8em;       /* 숫자 칸 최소 너비 · figure tile */
}`,
    },
  },
  'hd-forum-editor': {
    tag: 'hd-forum-editor',
    intro: {
      ko: '시 담당자와 시민 퍼실리테이터가 쓰는 **운영자 도구**입니다. 토론회를 만들고 고치며(제목, 소개, 주제, 읍·면·동, 장소, 한국 시간 일시, 정원, 신청 기간, 테이블 수), 참가 신청서의 질문을 정하고, 참가 신청 받기·마감·토론회 시작·종료로 상태를 바꿉니다. 저장한 토론회가 시민에게 어떻게 보이는지 일정과 신청서로 미리 보여 줍니다. **시민이 보는 페이지에는 넣지 마세요.** 운영자는 위젯 안에서 운영자 토큰으로 로그인하며, 토큰은 그 브라우저 탭에만 보관됩니다.',
      en: 'An **operator tool** for the city’s staff and citizen facilitators: create and edit a forum (title, summary, topics, district, venue, date and time in Korea time, capacity, signup period, tables), set its signup questions, and move it along (open signup, close it, start, end). A saved forum is previewed as residents see it. **Do not put it on a public page.** Operators sign in inside the tool with an operator token, kept in that browser tab only.',
    },
    snippets: [
      {
        title: { ko: '직원용 페이지에 넣기', en: 'On a staff page' },
        code: `<hd-forum-editor api-base="${EXAMPLE_API}"></hd-forum-editor>`,
      },
      {
        title: { ko: '한 토론회를 바로 열기', en: 'Open one forum at once' },
        code: `<hd-forum-editor api-base="${EXAMPLE_API}" forum-id="토론회-번호"></hd-forum-editor>`,
      },
    ],
    attributes: [
      apiBase,
      {
        name: 'forum-id',
        example: '토론회-번호',
        ko: '고칠 토론회의 번호입니다. 비우면 새 토론회를 만드는 화면이 나옵니다. 운영자가 위젯 안에서 다른 토론회를 고를 수도 있습니다.',
        en: 'The forum to edit. Empty: a form for a new forum. The operator can also pick one inside the tool.',
      },
      lang,
    ],
    events: [
      {
        name: 'hd-forum-saved',
        ko: '토론회를 만들거나, 고친 내용·신청서 질문·상태를 저장했을 때 일어납니다. `event.detail.forum`에 저장된 토론회가 있습니다.',
        en: 'A forum was created, or its details, questions or status saved; `event.detail.forum` is the forum as saved.',
      },
      {
        name: 'hd-editor-forum-select',
        ko: '운영자가 토론회를 열거나 새로 만들었을 때 일어납니다(`event.detail.forumId`).',
        en: 'The operator opened or created a forum (`event.detail.forumId`).',
      },
    ],
    theming: {
      ko: '양식이 넓어지는 최대 너비를 바꿀 수 있습니다(미리 보기는 더 넓게 씁니다).',
      en: 'The widest the form gets can be changed (the preview may use more).',
      code: `hd-forum-editor {
  --hd-color-accent: #0b6e4f;          /* 강조색 · accent */
  --hd-forum-editor-max-width: 60em;   /* 양식 최대 너비 · form width */
}`,
    },
  },

  'hd-results-editor': {
    tag: 'hd-results-editor',
    intro: {
      ko: '토론회가 끝난 뒤 쓰는 **운영자 도구**입니다. 전체 공유된 의견과 표를 많이 받은 의견으로 제안(제목, 분야, 담당 부서, 출처 의견과 표)을 만들어 결과를 공개하고, 그 뒤 몇 달 동안 제안마다 시 답변(수용·일부 수용·검토 중·불수용·답변 대기)과 날짜가 붙은 추진 경과를 기록합니다. 같은 페이지나 시민 페이지의 `<hd-result-summary>`가 바로 따라 바뀝니다. **시민이 보는 페이지에는 넣지 마세요.**',
      en: 'An **operator tool** for after a forum: turn the ideas shared with the room and those with most votes into proposals (title, category, department, source ideas with their votes), publish the results, and over the following months record the city’s response to each proposal (accepted, partly, under review, declined, awaiting) with dated follow-up. Any `<hd-result-summary>` of the forum follows at once. **Do not put it on a public page.**',
    },
    snippets: [
      {
        title: { ko: '직원용 페이지에, 시민에게 보이는 결과와 나란히', en: 'On a staff page, beside the public summary' },
        code: `<hd-provider api-base="${EXAMPLE_API}">
  <hd-results-editor forum-id="토론회-번호"></hd-results-editor>
  <hd-result-summary forum-id="토론회-번호"></hd-result-summary>
</hd-provider>`,
      },
    ],
    attributes: [
      apiBase,
      {
        name: 'forum-id',
        example: '토론회-번호',
        ko: '결과를 다룰 토론회의 번호입니다. 비우면 끝났거나 결과를 공개한 토론회 가운데에서 고르게 합니다.',
        en: 'The forum whose results to handle. Empty: the operator chooses among the forums that have ended or are reported.',
      },
      lang,
    ],
    events: [
      {
        name: 'hd-results-published',
        ko: '결과를 공개(또는 다시 공개)했을 때 일어납니다. `event.detail.result`에 공개된 결과가 있습니다.',
        en: 'The results were published (or published again); `event.detail.result` holds them.',
      },
      {
        name: 'hd-proposal-answered',
        ko: '제안에 대한 시 답변을 기록했을 때 일어납니다(`event.detail.proposal`).',
        en: 'The city’s response to a proposal was recorded (`event.detail.proposal`).',
      },
      {
        name: 'hd-editor-forum-select',
        ko: '운영자가 토론회를 열었을 때 일어납니다(`event.detail.forumId`). 옆의 결과 요약을 그 토론회로 바꿀 때 씁니다.',
        en: 'The operator opened a forum (`event.detail.forumId`): use it to point a summary beside the tool at that forum.',
      },
    ],
    theming: {
      ko: '도구가 넓어지는 최대 너비를 바꿀 수 있습니다.',
      en: 'The widest the tool gets can be changed.',
      code: `hd-results-editor {
  --hd-color-accent: #0b6e4f;            /* 강조색 · accent */
  --hd-results-editor-max-width: 60em;   /* 최대 너비 · width */
}`,
    },
  },
};

/** Page-wide design tokens an editor is most likely to set (all are listed in Foundations/Design tokens). */
export const commonTokens: AttributeDoc[] = [
  { name: '--hd-color-accent', example: '#1d5fbf', ko: '강조색(단추, 링크, 선택된 것)', en: 'Accent colour (buttons, links, what is selected)' },
  { name: '--hd-font-family', example: 'inherit', ko: '글꼴. 비워 두면 한국어에 맞는 시스템 글꼴', en: 'Font; unset, a Korean-friendly system font' },
  { name: '--hd-font-size', example: '16px', ko: '본문 글자 크기(16px 이상을 권합니다)', en: 'Body text size (16px or more)' },
  { name: '--hd-radius', example: '8px', ko: '모서리 둥글기', en: 'Corner radius' },
  { name: '--hd-color-surface', example: '#ffffff', ko: '위젯 배경색', en: 'Widget background' },
  { name: '--hd-color-text', example: '#1f2328', ko: '글자색', en: 'Text colour' },
];
