import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { FAKE_API, fakeLoader, type FakeBackend, type FakeLoaded, type FakeParameters } from './fake/index.ts';
import { defineGuideElements } from './fake/guide.ts';

defineGuideElements();

/**
 * Every story runs on the reference server itself, in the browser (its own app and routes over
 * an in-memory SQLite, seeded with its demo seed): no server to start. Put `loaders: [fakeLoader]` on the
 * meta, give the widget `api-base=${FAKE_API}`, describe the situation in `parameters.fake`, and
 * act on `loaded.fake` from the story (post an idea "from another table", drop the stream…).
 */
const meta: Meta = {
  title: 'Guides/Fake backend',
  loaders: [fakeLoader],
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;
const fakeOf = (loaded: Record<string, unknown>): FakeBackend => (loaded as unknown as FakeLoaded).fake;

const usage = `import { FAKE_API, fakeLoader, type FakeLoaded } from './fake/index.ts';

export default { title: 'Widgets/Idea wall', loaders: [fakeLoader] } satisfies Meta;

// parameters.fake: { scenario: 'demo' | 'empty', delay: ms | Infinity, offline: true,
//                    failNext: 503 | { status, times }, now: Date | ISO string, seed }
export const Loading: StoryObj = {
  parameters: { fake: { delay: Infinity } },
  render: (_args, { loaded }) => {
    const { fake } = loaded as FakeLoaded;
    return html\`<hd-idea-wall api-base=\${FAKE_API} forum-id=\${fake.demo.liveForumId}></hd-idea-wall>\`;
  },
};

// fake.demo: liveForumId, openForumId, fullForumId, closedForumId, announcedForumId,
//            reportedForumId, finishedForumId, joinCode, facilitatorToken, adminToken
// faults:    fake.setOffline(on), fake.failNext(status, times?, { applied? }), fake.delay(ms),
//            fake.dropStreams(), await fake.pruneEvents(forumId)
// elsewhere (requests to the same server; each returns a promise of its answer):
//            fake.postIdea(forumId, text, table?), fake.vote(forumId, ideaId),
//            fake.moderate(forumId, ideaId, patch), fake.merge(forumId, ideaId, intoId),
//            fake.respond(forumId, proposalId, status, answer?), fake.publishResults(forumId),
//            fake.register(forumId, n), fake.setStatus(forumId, status), fake.join(forumId, table)
// seed data: fake.seedIdeas(forumId, [{ text, table }])  (thousands at once, no live events)`;

/** How a story uses the fake (the code to copy). */
export const Usage: Story = {
  render: () => html`<pre style="font-size:14px;line-height:1.45;white-space:pre-wrap;max-width:110ch"><code>${usage}</code></pre>`,
};

/** The fake's demo forums through the real `ApiClient` (`getApi(FAKE_API).listForums()`). */
export const Forums: Story = {
  render: () => html`<hd-fake-guide-forums api-base=${FAKE_API}></hd-fake-guide-forums>`,
};

/**
 * The live forum's newest ideas over the fake's event stream. The buttons act from elsewhere:
 * an idea arrives as `idea.created`; a dropped stream resumes from `Last-Event-ID` and loses
 * nothing; offline breaks the stream until you come back.
 */
export const LiveIdeaFeed: Story = {
  render: (_args, { loaded }) => {
    const fake = fakeOf(loaded);
    const forumId = fake.demo.liveForumId;
    let n = 0;
    let offline = false;
    const post = () => void fake.postIdea(forumId, `다른 테이블에서 올린 제안 ${++n}: 정류장에 실시간 도착 안내를 달아 주세요`, 3);
    const toggle = (e: Event) => {
      offline = !offline;
      fake.setOffline(offline);
      (e.currentTarget as HTMLButtonElement).textContent = offline ? 'Back online' : 'Go offline';
    };
    return html`<div style="display:grid;gap:12px;max-width:60ch">
      <div style="display:flex;gap:8px;flex-wrap:wrap">
        <button data-action="post" @click=${post}>Post an idea from table 3</button>
        <button data-action="drop" @click=${() => fake.dropStreams()}>Drop the stream</button>
        <button data-action="offline" @click=${toggle}>Go offline</button>
      </div>
      <hd-fake-guide-feed api-base=${FAKE_API} forum-id=${forumId}></hd-fake-guide-feed>
    </div>`;
  },
};

/** `parameters: { fake: { delay: Infinity } }` — nothing ever answers: the loading state stays. */
export const Loading: Story = {
  parameters: { fake: { delay: Infinity } satisfies FakeParameters },
  render: () => html`<hd-fake-guide-forums api-base=${FAKE_API}></hd-fake-guide-forums>`,
};

/** `parameters: { fake: { offline: true } }` — requests fail as on a dead network (`NetworkError`). */
export const Offline: Story = {
  parameters: { fake: { offline: true } satisfies FakeParameters },
  render: (_args, { loaded }) => {
    const fake = fakeOf(loaded);
    return html`<button @click=${(e: Event) => {
        fake.setOffline(false);
        (e.currentTarget as HTMLButtonElement).disabled = true;
      }}>Come back online, then Retry</button>
      <hd-fake-guide-forums api-base=${FAKE_API}></hd-fake-guide-forums>`;
  },
};

/** `parameters: { fake: { failNext: 503 } }` — the first request fails with a problem+json 503. */
export const ServerError: Story = {
  parameters: { fake: { failNext: 503 } satisfies FakeParameters },
  render: () => html`<hd-fake-guide-forums api-base=${FAKE_API}></hd-fake-guide-forums>`,
};

/** `parameters: { fake: { scenario: 'empty' } }` — a backend without any forum. */
export const Empty: Story = {
  parameters: { fake: { scenario: 'empty' } satisfies FakeParameters },
  render: () => html`<hd-fake-guide-forums api-base=${FAKE_API}></hd-fake-guide-forums>`,
};
