import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/hd-idea-wall.js';
import '../src/define/hd-provider.js';
import { FAKE_ADMIN_TOKEN, FAKE_API, fakeLoader, type FakeBackend, type FakeLoaded } from './fake/index.js';

/**
 * `<hd-idea-wall>` — the live wall at the venue — on the in-browser fake backend (the demo seed's
 * live forum: 8 tables, voting open, join code HYEON24). Phones join from the QR code's
 * `join-code` and `table`; facilitators get a token (here through `<hd-provider token>`); the
 * projector shows the room a QR code. Stories that act "from elsewhere" do so in `play`.
 */

/** A fresh fake, and no participant session left on this device by an earlier story. */
async function wallLoader(context: Parameters<typeof fakeLoader>[0]): Promise<FakeLoaded & { forumId: string }> {
  for (const key of Object.keys(localStorage)) if (key.startsWith('hd-idea-wall:')) localStorage.removeItem(key);
  const loaded = await fakeLoader(context);
  const { fake } = loaded;
  let forumId = fake.demo.liveForumId;
  if (context.parameters['emptyForum']) forumId = await liveEmptyForum(fake);
  if (context.parameters['votingClosed']) {
    await fake.fetch(`${FAKE_API}/forums/${forumId}/voting`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${FAKE_ADMIN_TOKEN}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ open: false }),
    });
  }
  const many = context.parameters['manyIdeas'];
  if (typeof many === 'number') {
    const words = ['버스 배차', '공원 그늘막', '주차장', '도서관 시간', '가로등', '자전거길', '경로당', '하천 산책로'];
    await fake.seedIdeas(forumId, Array.from({ length: many }, (_, i) => ({ text: `${words[i % words.length]} 제안 ${i + 1}: 이렇게 바꾸면 좋겠습니다`, table: 1 + (i % 8) })));
  }
  return { ...loaded, forumId };
}

/** A live forum with no ideas yet (through the fake's admin API). */
async function liveEmptyForum(fake: FakeBackend): Promise<string> {
  const call = async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const res = await fake.fetch(`${FAKE_API}${path}`, {
      method,
      headers: { Authorization: `Bearer ${FAKE_ADMIN_TOKEN}`, 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    return (await res.json()) as T;
  };
  const start = new Date(Date.now() - 1800_000);
  const forum = await call<{ id: string }>('POST', '/forums', {
    title: '우리 동네 공원 이야기',
    summary: '막 시작한 토론회',
    district: '화도읍',
    venue: { name: '화도읍 행정복지센터', address: '경춘로 1890' },
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 3600_000).toISOString(),
    capacity: 40,
    tables: 5,
    categories: ['시설', '안전', '프로그램'],
    joinCode: 'PARK25',
  });
  await call('POST', `/forums/${forum.id}/status`, { status: 'live' });
  await call('PUT', `/forums/${forum.id}/voting`, { open: true });
  return forum.id;
}

type Loaded = FakeLoaded & { forumId: string };
const of = (loaded: Record<string, unknown>) => loaded as unknown as Loaded;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const JOIN_HREF = 'https://www.nyj.go.kr/demo/venue.html?code={code}&table={table}';

const meta: Meta = {
  title: 'Widgets/Idea wall',
  component: 'hd-idea-wall',
  tags: ['autodocs'],
  loaders: [wallLoader],
  parameters: { layout: 'padded' },
};
export default meta;
type Story = StoryObj;

const participant = (loaded: Record<string, unknown>, table = 3, lang?: string) =>
  html`<hd-idea-wall
    api-base=${FAKE_API}
    forum-id=${of(loaded).forumId}
    join-code=${of(loaded).fake.demo.joinCode || 'PARK25'}
    table=${table}
    lang=${lang ?? 'ko'}
  ></hd-idea-wall>`;

/** A phone that scanned table 3's QR code: joined at once, votes left in the top bar. */
export const Participant: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
};

/** Without the QR code's parameters: the person types the join code and table. */
export const Join: Story = {
  render: (_a, { loaded }) =>
    html`<div style="max-width: 420px"><hd-idea-wall api-base=${FAKE_API} forum-id=${of(loaded).forumId}></hd-idea-wall></div>`,
};

/** The first minutes: nothing posted yet. */
export const Empty: Story = {
  parameters: { emptyForum: true },
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded, 1)}</div>`,
};

/** Loading: the skeleton keeps its height. */
export const Loading: Story = {
  parameters: { fake: { delay: Infinity } },
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
};

/** The backend fails: the message and a retry button. */
export const LoadError: Story = {
  parameters: { fake: { failNext: { status: 503, times: 20 } } },
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
};

/** 2 000 ideas: only the cards in view are rendered. */
export const Many: Story = {
  parameters: { manyIdeas: 2000 },
  render: (_a, { loaded }) => html`<div style="max-width: 520px">${participant(loaded)}</div>`,
};

/** Ideas arrive from other tables while you watch (and a dot now and then). */
export const Live: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
  play: async ({ loaded }) => {
    const { fake, forumId } = of(loaded);
    for (let i = 1; i <= 6; i++) {
      await pause(1200);
      const idea = await fake.postIdea(forumId, `${i}번째로 방금 올라온 제안입니다`, 1 + (i % 8));
      await fake.vote(forumId, idea.id);
    }
  },
};

/** The connection drops: the wall says it is reconnecting; ideas written now wait on the device. */
export const Offline: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
  play: async ({ loaded }) => {
    await pause(1500);
    of(loaded).fake.setOffline(true);
  },
};

/** The stream breaks and comes back: the wall resumes from Last-Event-ID and shows what was posted meanwhile. */
export const Reconnecting: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
  play: async ({ loaded }) => {
    const { fake, forumId } = of(loaded);
    await pause(1500);
    fake.dropStreams();
    for (let i = 1; i <= 3; i++) await fake.postIdea(forumId, `연결이 끊긴 사이에 올라온 제안 ${i}`, 2);
  },
};

/** A facilitator's tablet (token through the provider) beside a phone: hide, pin, categorise, merge, promote, voting round. */
export const Moderation: Story = {
  render: (_a, { loaded }) => {
    const { fake, forumId } = of(loaded);
    return html`<div style="display: grid; grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr); gap: 16px">
      <hd-provider api-base=${FAKE_API} .token=${fake.demo.facilitatorToken}>
        <hd-idea-wall mode="facilitator" forum-id=${forumId}></hd-idea-wall>
      </hd-provider>
      ${participant(loaded, 5)}
    </div>`;
  },
  play: async ({ loaded }) => {
    const { fake, forumId } = of(loaded);
    await pause(1500);
    const idea = await fake.postIdea(forumId, '이 제안은 곧 퍼실리테이터가 숨깁니다', 5);
    await pause(1500);
    await fake.moderate(forumId, idea.id, { status: 'hidden' });
  },
};

/** The projector: ideas by category, the QR code and join code, live counters. */
export const Projector: Story = {
  parameters: { layout: 'fullscreen' },
  render: (_a, { loaded }) => html`<hd-idea-wall
    mode="projector"
    group-by="category"
    api-base=${FAKE_API}
    forum-id=${of(loaded).forumId}
    join-code=${of(loaded).fake.demo.joinCode}
    join-href=${JOIN_HREF}
  ></hd-idea-wall>`,
  play: async ({ loaded }) => {
    const { fake, forumId } = of(loaded);
    for (let i = 1; i <= 4; i++) {
      await pause(2000);
      await fake.postIdea(forumId, `프로젝터에 새로 나타나는 제안 ${i}`, i);
      await fake.join(forumId, i);
    }
  },
};

/** The projector grouped by table. */
export const ProjectorByTable: Story = {
  parameters: { layout: 'fullscreen' },
  render: (_a, { loaded }) => html`<hd-idea-wall
    mode="projector"
    group-by="table"
    sort="votes"
    style="--hd-idea-wall-columns: 4"
    api-base=${FAKE_API}
    forum-id=${of(loaded).forumId}
    join-code=${of(loaded).fake.demo.joinCode}
    join-href=${JOIN_HREF}
  ></hd-idea-wall>`,
};

/** English. */
export const English: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded, 2, 'en')}</div>`,
};

async function until<T>(check: () => T | null | undefined | false, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('story: timed out');
    await pause(50);
  }
}

/** The wall's composer, once it is there: types `text` and sends it. */
async function post(canvas: HTMLElement, text: string): Promise<void> {
  const wall = canvas.querySelector('hd-idea-wall')!;
  const area = await until(() => wall.shadowRoot?.querySelector<HTMLTextAreaElement>('textarea#draft'));
  area.value = text;
  area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await wall.updateComplete;
  wall.shadowRoot!.querySelector<HTMLButtonElement>('form.composer button[type="submit"]')!.click();
}

/** Every dot used: one more is refused with the reason ("투표 스티커를 모두 사용하셨습니다."). */
export const VotesUsedUp: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
  play: async ({ canvasElement }) => {
    const wall = canvasElement.querySelector('hd-idea-wall')!;
    const buttons = await until(() => {
      const found = [...(wall.shadowRoot?.querySelectorAll<HTMLButtonElement>('button.add:not([disabled])') ?? [])];
      return found.length >= 6 && found;
    });
    // One dot on each of the first ideas until the budget is spent, then one more.
    for (const button of buttons.slice(0, 6)) {
      button.click();
      await pause(300);
    }
  },
};

/** Paused (WCAG 2.2.2) with the wall's own button (on a phone, with the list settings): it stands still while new ideas arrive and are counted. */
export const Paused: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
  play: async ({ canvasElement, loaded }) => {
    const { fake, forumId } = of(loaded);
    const wall = canvasElement.querySelector('hd-idea-wall')!;
    await until(() => wall.shadowRoot?.querySelector('[part~="item"]'));
    wall.shadowRoot!.querySelector<HTMLDetailsElement>('details.options')!.open = true;
    (await until(() => wall.shadowRoot?.querySelector<HTMLButtonElement>('button.pause')))!.click();
    await pause(1000);
    for (let i = 1; i <= 3; i++) await fake.postIdea(forumId, `멈춘 사이에 올라온 제안 ${i}`, 4);
  },
};

/** Written while offline: the idea waits on the device (queued) and is sent once when the network is back. */
export const QueuedOffline: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
  play: async ({ canvasElement, loaded }) => {
    await until(() => canvasElement.querySelector('hd-idea-wall')?.shadowRoot?.querySelector('textarea#draft'));
    await pause(1000);
    of(loaded).fake.setOffline(true);
    await post(canvasElement, '인터넷이 끊긴 동안 쓴 제안입니다');
  },
};

/** The server refuses a post: the optimistic card is taken back and the reason shown. */
export const PostRefused: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
  play: async ({ canvasElement, loaded }) => {
    await until(() => canvasElement.querySelector('hd-idea-wall')?.shadowRoot?.querySelector('textarea#draft'));
    await pause(1000);
    of(loaded).fake.failNext(403);
    await post(canvasElement, '서버가 받지 않을 제안입니다');
  },
};

/** Away too long (the server no longer has the missed events): the stream says `reset` and the wall refetches everything. */
export const ResetAfterLongGap: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
  play: async ({ loaded }) => {
    const { fake, forumId } = of(loaded);
    await pause(1500);
    fake.dropStreams();
    for (let i = 1; i <= 3; i++) await fake.postIdea(forumId, `오래 끊긴 사이에 올라온 제안 ${i}`, 6);
    await fake.pruneEvents(forumId);
  },
};

/** Voting round closed: ideas can still be posted, dots cannot be put on. */
export const VotingClosed: Story = {
  parameters: { votingClosed: true },
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
};

/** Sorted by votes (`sort="votes"`; the wall's own sort control does the same). */
export const SortedByVotes: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">
    <hd-idea-wall api-base=${FAKE_API} forum-id=${of(loaded).forumId} join-code=${of(loaded).fake.demo.joinCode} table="3" sort="votes"></hd-idea-wall>
  </div>`,
};

/** Tables are first-class: each table's ideas, votes and people, rolled up into the whole forum. */
export const TableTallies: Story = {
  render: (_a, { loaded }) => html`<div style="max-width: 420px">${participant(loaded)}</div>`,
  play: async ({ canvasElement }) => {
    const wall = canvasElement.querySelector('hd-idea-wall')!;
    (await until(() => wall.shadowRoot?.querySelector<HTMLDetailsElement>('details.options')))!.open = true;
    const details = await until(() => wall.shadowRoot?.querySelector<HTMLDetailsElement>('details[part~="tables"]'));
    details.open = true;
  },
};
