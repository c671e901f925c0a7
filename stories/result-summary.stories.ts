import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/hd-result-summary.js';
import { FAKE_API, fakeLoader, type FakeBackend, type FakeLoaded } from './fake/index.js';

/**
 * `<hd-result-summary>`: what came of a forum and what the city did about it, on the in-browser
 * fake backend. Without `forum-id` it shows the whole programme. Live stories act "from
 * elsewhere" (the city publishes, the city answers) and the summary follows over the stream.
 */
/** A fresh fake; for `parameters.publishedWithoutProposals`, the finished forum's results published with none. */
async function summaryLoader(context: Parameters<typeof fakeLoader>[0]): Promise<FakeLoaded> {
  const loaded = await fakeLoader(context);
  const { fake } = loaded;
  if (context.parameters['publishedWithoutProposals']) await fake.publishResults(fake.demo.finishedForumId, { attended: 24, proposals: [] });
  return loaded;
}

const meta: Meta = {
  title: 'Widgets/Result summary',
  component: 'hd-result-summary',
  tags: ['autodocs'],
  loaders: [summaryLoader],
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;
const fakeOf = (loaded: Record<string, unknown>): FakeBackend => (loaded as unknown as FakeLoaded).fake;

async function until<T>(check: () => T | null | undefined | false, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('story: timed out');
    await new Promise((r) => setTimeout(r, 30));
  }
}

/** A reported forum's summary: figures, proposals with the city's answers and timelines, charts. */
export const Forum: Story = {
  render: (_args, { loaded }) => html`<hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-result-summary>`,
};

/** The whole programme: totals, every forum's responses at a glance, filters by year and district. */
export const Programme: Story = {
  render: () => html`<hd-result-summary api-base=${FAKE_API}></hd-result-summary>`,
};

/** The programme narrowed to one year (the `year` attribute; `district` works the same way). */
export const ProgrammeOneYear: Story = {
  render: () => html`<hd-result-summary api-base=${FAKE_API} year="2025"></hd-result-summary>`,
};

/** Finished, results not published yet: when they are expected. */
export const NotYetReported: Story = {
  render: (_args, { loaded }) => html`<hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.finishedForumId}></hd-result-summary>`,
};

/** The city publishes while the page is open: the summary appears without a reload. */
export const PublishedLive: Story = {
  render: (_args, { loaded }) => html`<hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.finishedForumId}></hd-result-summary>`,
  play: async ({ canvasElement, loaded }) => {
    const el = canvasElement.querySelector('hd-result-summary')!;
    await until(() => el.shadowRoot?.querySelector('.waiting'));
    await new Promise((r) => setTimeout(r, 1000));
    await fakeOf(loaded).publishResults(fakeOf(loaded).demo.finishedForumId);
  },
};

/** The city answers a proposal while the page is open: status, answer and timeline change live. */
export const ResponseChangesLive: Story = {
  render: (_args, { loaded }) => html`<hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-result-summary>`,
  play: async ({ canvasElement, loaded }) => {
    const el = canvasElement.querySelector('hd-result-summary')!;
    await until(() => el.shadowRoot?.querySelector('.proposal'));
    await new Promise((r) => setTimeout(r, 1000));
    const fake = fakeOf(loaded);
    const id = el.shadowRoot!.querySelector<HTMLElement>('.proposal:last-child')!.dataset['id']!;
    await fake.respond(fake.demo.reportedForumId, id, 'accepted', '내년 본예산에 사업비를 반영해 추진하겠습니다.');
  },
};

/** A forum that passed no proposals to the city. */
export const NoProposals: Story = {
  parameters: { publishedWithoutProposals: true },
  render: (_args, { loaded }) => html`<hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.finishedForumId}></hd-result-summary>`,
};

/** Loading: the placeholder keeps the space the summary will take. */
export const Loading: Story = {
  parameters: { fake: { delay: Infinity } },
  render: (_args, { loaded }) => html`<hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-result-summary>`,
};

/** Offline: an error with a retry (turn the network back on from the console: the fake's `setOffline(false)`). */
export const Offline: Story = {
  parameters: { fake: { offline: true } },
  render: (_args, { loaded }) => html`<hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-result-summary>`,
};

/** The programme while the server fails (every retry of the first load): an error, then retry works. */
export const ServerError: Story = {
  parameters: { fake: { failNext: { status: 503, times: 8 } } },
  render: () => html`<hd-result-summary api-base=${FAKE_API}></hd-result-summary>`,
};

/** English. */
export const English: Story = {
  render: (_args, { loaded }) => html`<hd-result-summary lang="en" api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-result-summary>`,
};

/** Themed by the host page (`--hd-*` tokens) on a dark page. */
export const ThemedDark: Story = {
  render: (_args, { loaded }) => html`<div style="color-scheme: dark; background: #16181d; padding: 16px; --hd-color-accent: #7ee2b8; --hd-radius: 2px">
    <hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-result-summary>
  </div>`,
};

/** A chart shown as its data table (the toggle under every chart). */
export const ChartAsTable: Story = {
  render: (_args, { loaded }) => html`<hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-result-summary>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hd-result-summary')!;
    const toggle = await until(() => el.shadowRoot?.querySelector<HTMLButtonElement>('[part~="chart"] button.toggle'));
    toggle.click();
    toggle.closest('figure')?.scrollIntoView({ block: 'start' });
  },
};

/** The programme narrowed to one district (the `district` attribute). */
export const ProgrammeOneDistrict: Story = {
  render: () => html`<hd-result-summary api-base=${FAKE_API} district="화도읍"></hd-result-summary>`,
};

/** Per-table tallies with the forum's total row (the toggle under the headline figures). */
export const PerTableTallies: Story = {
  render: (_args, { loaded }) => html`<hd-result-summary api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-result-summary>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('hd-result-summary')!;
    const toggle = await until(() => el.shadowRoot?.querySelector<HTMLButtonElement>('button.toggle[aria-controls="per-table"]'));
    toggle.click();
  },
};
