import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { normaliseBaseUrl } from '../src/api/client.js';
import '../src/define/hd-result-summary.js';
import '../src/define/hd-results-editor.js';
import type { HdResultsEditor } from '../src/define/hd-results-editor.js';
import { forgetToken, storeToken } from '../src/operator/session.js';
import { FAKE_ADMIN_TOKEN, FAKE_API, fakeLoader, type FakeBackend, type FakeLoaded } from './fake/index.js';

/**
 * `<hd-results-editor>`: after a forum, proposals from its ideas, publishing, and the city's
 * answers over time, on the in-browser fake backend. Stories that start signed in put the fake's
 * admin token in the tab's sessionStorage first (as signing in does). One story puts the public
 * `<hd-result-summary>` beside the editor: what the operator records shows there live.
 */
const meta: Meta = {
  title: 'Operator tools/Results editor',
  component: 'hd-results-editor',
  tags: ['autodocs'],
  loaders: [fakeLoader],
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;
const fakeOf = (loaded: Record<string, unknown>): FakeBackend => (loaded as unknown as FakeLoaded).fake;
const signedIn = () => storeToken(normaliseBaseUrl(FAKE_API), FAKE_ADMIN_TOKEN);

async function until<T>(check: () => T | null | undefined | false, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('story: timed out');
    await new Promise((r) => setTimeout(r, 30));
  }
}

const editorIn = (canvas: HTMLElement) => canvas.querySelector<HdResultsEditor>('hd-results-editor')!;
const inside = <T extends Element>(el: HdResultsEditor, sel: string) => el.shadowRoot?.querySelector<T>(sel) ?? null;

/** Signed out: the sign-in form. */
export const SignedOut: Story = {
  render: () => (forgetToken(normaliseBaseUrl(FAKE_API)), html`<hd-results-editor api-base=${FAKE_API}></hd-results-editor>`),
};

/** Signed in, no forum yet: the finished and reported forums to choose from. */
export const Choosing: Story = {
  render: () => (signedIn(), html`<hd-results-editor api-base=${FAKE_API}></hd-results-editor>`),
};

/** A finished forum, results not published: its ideas, and two proposals made from them. */
export const Drafting: Story = {
  render: (_args, { loaded }) => (signedIn(), html`<hd-results-editor api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.finishedForumId}></hd-results-editor>`),
  play: async ({ canvasElement }) => {
    const el = editorIn(canvasElement);
    (await until(() => inside<HTMLButtonElement>(el, '.idea button'))).click();
    await el.updateComplete;
    el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.idea button')[1]?.click();
  },
};

/** "Publish" pressed with a proposal that has no title: the problems at their fields. */
export const Problems: Story = {
  render: (_args, { loaded }) => (signedIn(), html`<hd-results-editor api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.finishedForumId}></hd-results-editor>`),
  play: async ({ canvasElement }) => {
    const el = editorIn(canvasElement);
    (await until(() => inside<HTMLButtonElement>(el, '.new-proposal'))).click();
    await el.updateComplete;
    inside<HTMLButtonElement>(el, 'button[part=submit]')!.click();
  },
};

/** A reported forum: its proposals with the city's answers and timelines, one answer being written. */
export const Answering: Story = {
  render: (_args, { loaded }) => (signedIn(), html`<hd-results-editor api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-results-editor>`),
  play: async ({ canvasElement }) => {
    const el = editorIn(canvasElement);
    (await until(() => inside<HTMLButtonElement>(el, '.answer-card .actions button'))).click();
  },
};

/**
 * The editor and the public summary side by side: record 수용 and the summary changes without a
 * reload.
 */
export const WithPublicSummary: Story = {
  parameters: { layout: 'fullscreen' },
  render: (_args, { loaded }) => {
    signedIn();
    const id = fakeOf(loaded).demo.reportedForumId;
    return html`<div style="display:grid;gap:2rem;grid-template-columns:repeat(auto-fit,minmax(min(100%,28rem),1fr));padding:1rem">
      <hd-results-editor api-base=${FAKE_API} forum-id=${id}></hd-results-editor>
      <hd-result-summary api-base=${FAKE_API} forum-id=${id}></hd-result-summary>
    </div>`;
  },
};

/** In English (`lang="en"`). */
export const English: Story = {
  render: (_args, { loaded }) => (signedIn(), html`<hd-results-editor api-base=${FAKE_API} lang="en" forum-id=${fakeOf(loaded).demo.reportedForumId}></hd-results-editor>`),
};
