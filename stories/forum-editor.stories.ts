import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { normaliseBaseUrl } from '../src/api/client.js';
import '../src/define/hd-forum-editor.js';
import type { HdForumEditor } from '../src/define/hd-forum-editor.js';
import { forgetToken, storeToken } from '../src/operator/session.js';
import { FAKE_ADMIN_TOKEN, FAKE_API, fakeLoader, type FakeBackend, type FakeLoaded } from './fake/index.js';

/**
 * `<hd-forum-editor>`: the operator's form for a forum, on the in-browser fake backend. The
 * operator's token lives in the tab's sessionStorage: stories that start signed in put the fake's
 * admin token there first (as signing in does); the others clear it. States reached by doing
 * something (problems, asking before starting the forum) are played as an operator would.
 */
const meta: Meta = {
  title: 'Operator tools/Forum editor',
  component: 'hd-forum-editor',
  tags: ['autodocs'],
  loaders: [fakeLoader],
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;
const fakeOf = (loaded: Record<string, unknown>): FakeBackend => (loaded as unknown as FakeLoaded).fake;
const signedIn = () => storeToken(normaliseBaseUrl(FAKE_API), FAKE_ADMIN_TOKEN);
const signedOut = () => forgetToken(normaliseBaseUrl(FAKE_API));

async function until<T>(check: () => T | null | undefined | false, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > end) throw new Error('story: timed out');
    await new Promise((r) => setTimeout(r, 30));
  }
}

const editorIn = (canvas: HTMLElement) => canvas.querySelector<HdForumEditor>('hd-forum-editor')!;
const inside = <T extends Element>(el: HdForumEditor, sel: string) => el.shadowRoot?.querySelector<T>(sel) ?? null;

function set(el: HdForumEditor, sel: string, value: string): void {
  const input = inside<HTMLInputElement>(el, sel)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

/** Signed out: the sign-in form (the token is kept in this tab only). */
export const SignedOut: Story = {
  render: () => (signedOut(), html`<hd-forum-editor api-base=${FAKE_API}></hd-forum-editor>`),
};

/** Signed in, no forum chosen: a new forum's form. */
export const NewForum: Story = {
  render: () => (signedIn(), html`<hd-forum-editor api-base=${FAKE_API}></hd-forum-editor>`),
};

/** "Create forum" pressed with only a title: every problem at its field and in the summary. */
export const Problems: Story = {
  render: () => (signedIn(), html`<hd-forum-editor api-base=${FAKE_API}></hd-forum-editor>`),
  play: async ({ canvasElement }) => {
    const el = editorIn(canvasElement);
    await until(() => inside(el, '#f-title'));
    set(el, '#f-title', '제목만 쓴 토론회');
    set(el, '#f-capacity', '0');
    await el.updateComplete;
    inside<HTMLButtonElement>(el, 'button[part=submit]')!.click();
  },
};

/** An end before the start: the backend's problem details, at the field they name. */
export const ServerProblem: Story = {
  render: () => (signedIn(), html`<hd-forum-editor api-base=${FAKE_API}></hd-forum-editor>`),
  play: async ({ canvasElement }) => {
    const el = editorIn(canvasElement);
    await until(() => inside(el, '#f-title'));
    for (const [sel, value] of [
      ['#f-title', '진접선 개통 이후 버스 노선 토론회'],
      ['#f-district', '진접읍'],
      ['#f-venue-name', '진접읍 행정복지센터'],
      ['#f-venue-address', '경기도 남양주시 진접읍 해밀예당1로 150'],
      ['#f-startsAt', '2031-05-10T14:00'],
      ['#f-endsAt', '2031-05-10T12:00'],
      ['#f-capacity', '60'],
    ]) set(el, sel!, value!);
    await el.updateComplete;
    inside<HTMLButtonElement>(el, 'button[part=submit]')!.click();
  },
};

/** An open forum: its status, seats and waitlist, questions, consents and the public preview. */
export const Editing: Story = {
  render: (_args, { loaded }) => (signedIn(), html`<hd-forum-editor api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.openForumId}></hd-forum-editor>`),
};

/** A full forum (the waitlist is taking signups). */
export const Full: Story = {
  render: (_args, { loaded }) => (signedIn(), html`<hd-forum-editor api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.fullForumId}></hd-forum-editor>`),
};

/** "Start the forum" pressed: it cannot be undone, so the editor asks first. */
export const ConfirmStart: Story = {
  render: (_args, { loaded }) => (signedIn(), html`<hd-forum-editor api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.closedForumId}></hd-forum-editor>`),
  play: async ({ canvasElement }) => {
    const el = editorIn(canvasElement);
    (await until(() => inside<HTMLButtonElement>(el, '[data-move=live]'))).click();
  },
};

/** The backend cannot be reached while a forum loads: what failed, with a retry. */
export const Offline: Story = {
  parameters: { fake: { offline: true } },
  render: (_args, { loaded }) => (signedIn(), html`<hd-forum-editor api-base=${FAKE_API} forum-id=${fakeOf(loaded).demo.openForumId}></hd-forum-editor>`),
};

/** In English (`lang="en"`). */
export const English: Story = {
  render: (_args, { loaded }) => (signedIn(), html`<hd-forum-editor api-base=${FAKE_API} lang="en" forum-id=${fakeOf(loaded).demo.announcedForumId}></hd-forum-editor>`),
};
