/**
 * No text below 16 px at default zoom (the README's promise; the month view used 13 px and cut
 * titles short). Every text node each widget draws is walked in each state it renders, on a phone
 * (390 px) and a desktop (1280 px) screen, against the real reference server.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { registryDefaults, resetRegistry } from '../../src/api/registry.js';
import type { ForumAdmin, ForumPage } from '../../src/api/types.js';
import '../../src/define/hd-forum-calendar.js';
import '../../src/define/hd-result-summary.js';
import type { HdForumCalendar } from '../../src/elements/forum-calendar/forum-calendar.js';
import type { HdResultSummary } from '../../src/elements/result-summary/result-summary.js';
import { admin, demoInfo, until } from './helpers/server.js';
import { seenText, smallText } from './helpers/text-size.js';

const RUN = Math.random().toString(36).slice(2, 8);
// A month of its own far ahead, so only this file's forums are in it.
const YEAR = 2060 + Math.floor(Math.random() * 40);
const MONTH = `${YEAR}-03`;
const TOPIC = `글자-${RUN}`;
const LONG = '진접선 개통 이후, 우리 동네 버스와 마을버스 노선은 어떻게 바뀌어야 할까요';

/** Answer with this error instead of the network while set; hold every response until `gate` settles. */
let failWith: Error | undefined;
let gate: Promise<void> | undefined;

async function forum(day: number, hour: number, status?: 'open' | 'closed'): Promise<ForumAdmin> {
  const date = `${MONTH}-${String(day).padStart(2, '0')}`;
  const created = await admin<ForumAdmin>('POST', '/forums', {
    title: `${LONG} ${RUN} ${hour}시`,
    summary: '글자 크기 시험용 토론회입니다.',
    topics: [TOPIC],
    district: '진접읍',
    venue: { name: '진접읍 행정복지센터', address: '경기도 남양주시 진접읍 장현로 83' },
    startsAt: `${date}T${String(hour).padStart(2, '0')}:00:00+09:00`,
    endsAt: `${date}T${String(hour + 2).padStart(2, '0')}:00:00+09:00`,
    capacity: 30,
  });
  if (!status) return created;
  await admin('POST', `/forums/${created.id}/status`, { status: 'open' });
  return status === 'open' ? created : admin<ForumAdmin>('POST', `/forums/${created.id}/status`, { status });
}

/** Asserts that `el` draws text, none of it below 16 px. */
function allReadable(el: Element, state: string): void {
  expect(seenText(el), `${state}: the walk found text`).to.be.greaterThan(3);
  expect(smallText(el).join('\n'), `${state}: text below 16 px`).to.equal('');
}

const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

describe('text is at least 16 px everywhere in the widgets', () => {
  before(async () => {
    resetRegistry();
    registryDefaults.client = {
      retries: 0,
      fetch: async (input, init) => {
        if (gate) await gate;
        if (failWith) throw failWith;
        return fetch(input, init);
      },
    };
    await forum(10, 10, 'open');
    await forum(10, 13, 'open');
    await forum(10, 15, 'closed');
    await forum(10, 17);
    await forum(18, 19, 'open');
  });
  after(async () => {
    resetRegistry();
    registryDefaults.client = {};
    await setViewport({ width: 800, height: 600 });
  });
  afterEach(() => {
    failWith = undefined;
    gate = undefined;
  });

  for (const size of SIZES) {
    describe(`<hd-forum-calendar> at ${size.width} px`, () => {
      before(() => setViewport(size));
      const loaded = (el: HdForumCalendar) => until(() => el.matches(':not(:state(loading))') && !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'the forums');

      for (const view of ['month', 'list'] as const) {
        it(`${view} view: the toolbar, filters, a busy day, its opened list and the cards`, async () => {
          const el = await fixture<HdForumCalendar>(
            html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} view=${view} signup-href="/s?forum={id}"></hd-forum-calendar>`,
          );
          await loaded(el);
          allReadable(el, `${view} view`);
          if (view === 'month') {
            const day = el.shadowRoot!.querySelector<HTMLElement>(`[data-day="${MONTH}-10"]`)!;
            day.click();
            await until(() => el.shadowRoot!.querySelectorAll('[part="day-panel"] [part="forum"]').length === 4, 'the day’s forums');
            allReadable(el, 'the opened day');
          } else {
            await until(() => el.shadowRoot!.querySelectorAll('[part="forum"]').length === 5, 'the cards');
            allReadable(el, 'the list');
          }
        });
      }

      it('loading, empty, nothing matching and error', async () => {
        let release!: () => void;
        gate = new Promise((r) => (release = r));
        const loading = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month="${YEAR}-${size.width < 800 ? '09' : '10'}" topic=${TOPIC}></hd-forum-calendar>`);
        expect(loading.matches(':state(loading)')).to.equal(true);
        allReadable(loading, 'loading');
        release();
        gate = undefined;
        await loaded(loading);
        expect(loading.matches(':state(empty)')).to.equal(true);
        allReadable(loading, 'an empty month');

        const none = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month=${MONTH} topic=${TOPIC} q="없는검색어${RUN}"></hd-forum-calendar>`);
        await loaded(none);
        await until(() => none.shadowRoot!.querySelector('[part="notice"] button'), 'what matched nothing');
        allReadable(none, 'nothing matches');

        failWith = new TypeError('Failed to fetch');
        const failed = await fixture<HdForumCalendar>(html`<hd-forum-calendar api-base="/api" month="${YEAR}-${size.width < 800 ? '11' : '12'}" topic=${TOPIC}></hd-forum-calendar>`);
        await until(() => failed.shadowRoot!.querySelector('[role="alert"]'), 'the error');
        allReadable(failed, 'error');
      });
    });

    describe(`<hd-result-summary> at ${size.width} px`, () => {
      before(() => setViewport(size));

      it('one forum: figures, proposals, answers, charts and their tables', async () => {
        const page = await (await fetch(`${(await demoInfo()).apiBase}/forums?status=reported&order=desc&limit=5`)).json() as ForumPage;
        const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${page.items[0]!.id}></hd-result-summary>`);
        await until(() => el.shadowRoot!.querySelector('article .proposal'), 'the summary');
        el.shadowRoot!.querySelector('.charts')!.scrollIntoView();
        await until(() => el.shadowRoot!.querySelector('figure svg[role=img]'), 'the charts');
        await el.updateComplete;
        for (const toggle of el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[aria-controls]')) toggle.click();
        await el.updateComplete;
        allReadable(el, 'a forum’s results');
      });

      it('the programme: totals, responses and the forum list', async () => {
        const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api"></hd-result-summary>`);
        await until(() => el.shadowRoot!.querySelectorAll('.forums .status-text').length >= 3, 'the forum list');
        allReadable(el, 'the programme');
      });

      it('waiting for the results', async () => {
        const page = await (await fetch(`${(await demoInfo()).apiBase}/forums?status=finished&limit=1`)).json() as ForumPage;
        const el = await fixture<HdResultSummary>(html`<hd-result-summary api-base="/api" forum-id=${page.items[0]!.id}></hd-result-summary>`);
        await until(() => el.matches(':state(waiting)'), 'the waiting view');
        allReadable(el, 'waiting');
      });
    });
  }
});

