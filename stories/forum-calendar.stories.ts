import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/hd-forum-calendar.js';
import type { HdForumSelectEvent } from '../src/events/forum-select.js';
import { FAKE_ADMIN_TOKEN, FAKE_API, fakeLoader, type FakeLoaded } from './fake/index.js';

/**
 * `<hd-forum-calendar>`: upcoming and past forums as a month grid or a list, on the in-browser
 * fake backend (the demo seed). Choose a day (click, or arrows + Enter in the grid) to see its
 * forums; a forum's title leads to `forum-href`, else by its status to `signup-href` or
 * `results-href`, and is plain text where none fits.
 */
interface Args {
  view: string;
  district: string;
  topic: string;
  status: string;
  q: string;
  lang: string;
  'signup-href': string;
  'results-href': string;
  'forum-href': string;
}

/** The fake plus, for `parameters.manyOnOneDay`, five more forums on one day three days from now. */
async function calendarLoader(context: Parameters<typeof fakeLoader>[0]): Promise<FakeLoaded & { day?: string }> {
  const loaded = await fakeLoader(context);
  const call = async (path: string, body: unknown) => {
    const res = await loaded.fake.fetch(`${FAKE_API}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${FAKE_ADMIN_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { id: string };
  };
  if (context.parameters['everyStatus']) return { ...loaded, day: await everyStatus(loaded.fake, call) };
  if (!context.parameters['manyOnOneDay']) return loaded;
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(Date.now() + 3 * 86_400_000);
  const titles = ['마을 도서관 운영 시간', '공원 반려견 놀이터', '골목 주차 질서', '어린이 놀이터 그늘막', '하천 산책로 조명'];
  for (const [i, title] of titles.entries()) {
    const hour = String(9 + i * 2).padStart(2, '0');
    const end = String(11 + i * 2).padStart(2, '0');
    const forum = await call('/forums', {
      title: `${title}, 주민 의견을 듣습니다`,
      summary: '같은 날 여러 동에서 열리는 토론회입니다.',
      topics: ['생활환경'],
      district: ['와부읍', '평내동', '호평동', '다산1동', '별내동'][i],
      venue: { name: '행정복지센터 대회의실', address: '경기도 남양주시 경춘로 1037' },
      startsAt: `${day}T${hour}:00:00+09:00`,
      endsAt: `${day}T${end}:00:00+09:00`,
      capacity: 30,
    });
    if (i % 2 === 0) await call(`/forums/${forum.id}/status`, { status: 'open' });
  }
  return { ...loaded, day };
}

/**
 * For `parameters.everyStatus`: one forum in each status a resident can see, on successive days of
 * next month (the dates are made up; the badges are what the story shows). Returns that month.
 */
async function everyStatus(fake: FakeLoaded['fake'], call: (path: string, body: unknown) => Promise<{ id: string }>): Promise<string> {
  const next = new Date(Date.now() + 32 * 86_400_000);
  const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(next).slice(0, 7);
  const kinds = [
    ['모집 예정', 'announced', 30],
    ['모집 중', 'open', 30],
    ['마감 임박', 'closing', 30],
    ['대기 접수', 'full', 10],
    ['마감', 'closed', 30],
    ['진행 중', 'live', 30],
    ['종료', 'finished', 30],
    ['결과 공개', 'reported', 30],
  ] as const;
  for (const [i, [label, kind, capacity]] of kinds.entries()) {
    const day = `${month}-${String(2 + i * 2).padStart(2, '0')}`;
    const { id } = await call('/forums', {
      title: `${label}: 상태 표시 예시 토론회`,
      summary: '상태 배지를 보여 주는 예시입니다.',
      topics: ['예시'],
      district: '금곡동',
      venue: { name: '남양주시청 다산홀', address: '경기도 남양주시 경춘로 1037' },
      startsAt: `${day}T14:00:00+09:00`,
      endsAt: `${day}T17:00:00+09:00`,
      capacity,
    });
    if (kind === 'announced') continue;
    await fake.setStatus(id, 'open');
    if (kind === 'closing') await fake.register(id, capacity - 2);
    if (kind === 'full') await fake.register(id, capacity + 2);
    if (kind === 'closed') await fake.setStatus(id, 'closed');
    if (kind === 'live' || kind === 'finished' || kind === 'reported') await fake.setStatus(id, 'live');
    if (kind === 'finished') await fake.setStatus(id, 'finished');
    if (kind === 'reported') await fake.publishResults(id, { attended: 24, proposals: [] });
  }
  return month;
}

const meta: Meta<Args> = {
  title: 'Widgets/Forum calendar',
  component: 'hd-forum-calendar',
  tags: ['autodocs'],
  loaders: [calendarLoader],
  args: {
    view: '',
    district: '',
    topic: '',
    status: '',
    q: '',
    lang: '',
    'signup-href': '/signup.html?forum={id}',
    'results-href': '/results.html?forum={id}',
    'forum-href': '',
  },
  argTypes: {
    view: { control: 'select', options: ['', 'month', 'list'] },
    status: { control: 'select', options: ['', 'announced', 'open', 'full', 'closed', 'live', 'finished', 'reported'] },
    lang: { control: 'select', options: ['', 'ko', 'en'] },
  },
  render: (args) => html`<hd-forum-calendar
    api-base=${FAKE_API}
    view=${ifDefined(args.view || undefined)}
    district=${args.district}
    topic=${args.topic}
    status=${args.status}
    q=${args.q}
    lang=${ifDefined(args.lang || undefined)}
    signup-href=${args['signup-href']}
    results-href=${ifDefined(args['results-href'] || undefined)}
    forum-href=${ifDefined(args['forum-href'] || undefined)}
  ></hd-forum-calendar>`,
};
export default meta;

type Story = StoryObj<Args>;

/** The month grid (the default wherever the calendar is 480px or wider). Today is marked. */
export const Month: Story = { args: { view: 'month' } };

/** The list view (the default below 480px). */
export const List: Story = { args: { view: 'list' } };

/** Below 480px the calendar chooses the list by itself; the grid there shows counts. */
export const Narrow: Story = {
  render: (args, context) => html`<div style="max-width: 390px">${meta.render!({ ...args, view: '' }, context)}</div>`,
};

/** Filters by attribute (the controls inside the widget set the same properties). */
export const Filters: Story = { args: { view: 'list', status: 'open' } };

/** Text search through the API's `q`. */
export const Search: Story = { args: { view: 'list', q: '버스' } };

/** Loading: a skeleton that reserves the calendar's height. */
export const Loading: Story = { parameters: { fake: { delay: Infinity } } };

/** Loading in the list view. */
export const LoadingList: Story = { args: { view: 'list' }, parameters: { fake: { delay: Infinity } } };

/** Nothing matches: the filters that produced it and a way to clear them. */
export const Empty: Story = { args: { view: 'list', district: '조안면', q: '없는 검색어' } };

/** No forums at all this month. */
export const EmptyMonth: Story = { parameters: { fake: { scenario: 'empty' } } };

/** The backend cannot be reached: the message and "try again". */
export const ErrorState: Story = { name: 'Error', parameters: { fake: { offline: true } } };

/** Five forums on one day: two show, "+3" for the rest; choose the day to see all. */
export const ManyOnOneDay: Story = {
  parameters: { manyOnOneDay: true },
  render: (args, { loaded }) => {
    const day = (loaded as { day?: string }).day ?? '';
    return html`<hd-forum-calendar api-base=${FAKE_API} view="month" month=${day.slice(0, 7)} signup-href=${args['signup-href']}></hd-forum-calendar>`;
  },
};

/** English (`lang="en"`, or the page's own `lang`). */
export const English: Story = { args: { lang: 'en' } };

/** On a page that declares dark mode (`color-scheme: dark`). */
export const Dark: Story = {
  render: (args, context) =>
    html`<div style="color-scheme: dark; background: #16181d; padding: 16px">${meta.render!(args, context)}</div>`,
};

/**
 * Every status a resident can see, side by side: 모집 예정, 모집 중, 마감 임박, 대기 접수, 마감, 진행 중, 종료, 결과 공개.
 * Titles that take signups link to `signup-href`, held forums to `results-href`; 마감 and 진행 중 have
 * no page to go to here, so their titles are plain text.
 */
export const EveryStatus: Story = {
  parameters: { everyStatus: true },
  render: (args, { loaded }) =>
    html`<hd-forum-calendar
      api-base=${FAKE_API}
      view="list"
      month=${(loaded as { day?: string }).day ?? ''}
      signup-href=${args['signup-href']}
      results-href=${args['results-href']}
    ></hd-forum-calendar>`,
};

/** A day chosen in the grid: its forums in the panel below (what a screen reader hears for the day). */
export const DayChosen: Story = {
  parameters: { manyOnOneDay: true },
  render: (args, context) => ManyOnOneDay.render!(args, context),
  play: async ({ canvasElement, loaded }) => {
    const day = (loaded as { day?: string }).day ?? '';
    const el = canvasElement.querySelector('hd-forum-calendar')!;
    const end = Date.now() + 8000;
    let cell: HTMLElement | null | undefined;
    while (!(cell = el.shadowRoot?.querySelector<HTMLElement>(`[data-day="${day}"]`)) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    cell?.click();
  },
};

/**
 * Following a forum's link fires `hd-forum-select` (cancelable): a page's own script can take it
 * from there, here by cancelling it and showing what the event carries below the calendar.
 */
export const ForumSelectEvent: Story = {
  render: () => {
    const log = (e: Event) => {
      e.preventDefault(); // the page handles the choice itself: the link is not followed
      const { forum, href } = (e as HdForumSelectEvent).detail;
      const out = document.querySelector<HTMLOutputElement>('#hd-select-log');
      if (out) out.value = `hd-forum-select: ${forum.title} (${forum.id}) → ${href}`;
    };
    return html`<div @hd-forum-select=${log}>
      <hd-forum-calendar api-base=${FAKE_API} view="list" forum-href="/forums/{id}"></hd-forum-calendar>
      <p><output id="hd-select-log" aria-live="polite">—</output></p>
    </div>`;
  },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hd-forum-calendar')!;
    const end = Date.now() + 8000;
    let first: HTMLElement | null | undefined;
    while (!(first = el.shadowRoot?.querySelector<HTMLElement>('[part~="forum-link"]')) && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    first?.click();
  },
};

/**
 * Themed by the host page: design tokens and the calendar's own custom properties set on the tag,
 * and a `::part` for the forum cards (the snippet on the docs page shows the same).
 */
export const Themed: Story = {
  render: (args, context) => html`<style>
      .hd-themed hd-forum-calendar {
        --hd-color-accent: #0b6e4f;
        --hd-forum-calendar-today: #c2410c;
        --hd-radius: 2px;
        --hd-font-family: Georgia, 'Noto Serif KR', serif;
      }
      .hd-themed hd-forum-calendar::part(forum) {
        border-inline-start: 6px solid #0b6e4f;
      }
    </style>
    <div class="hd-themed">${meta.render!({ ...args, view: 'list' }, context)}</div>`,
};
