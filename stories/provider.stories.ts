import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/define/hd-provider.js';
import '../src/define/hd-forum-calendar.js';
import '../src/define/hd-result-summary.js';
import '../src/define/hd-idea-wall.js';
import '../src/define/hd-signup-form.js';
import { FAKE_API, fakeLoader, type FakeBackend, type FakeLoaded } from './fake/index.js';

/**
 * `<hd-provider>`: one place for the backend address, the language and a token; the widgets
 * inside take them from it. It draws nothing itself. On the in-browser fake backend.
 */
interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Provider',
  component: 'hd-provider',
  tags: ['autodocs'],
  loaders: [fakeLoader],
  parameters: { layout: 'padded' },
  args: { locale: '' },
  argTypes: { locale: { control: 'select', options: ['', 'ko', 'en'] } },
};
export default meta;

type Story = StoryObj<Args>;
const fakeOf = (loaded: Record<string, unknown>): FakeBackend => (loaded as unknown as FakeLoaded).fake;

/** Two widgets without an `api-base` of their own: both use the provider's backend (one client, one cache). */
export const SharedBackend: Story = {
  render: (args) => html`<hd-provider api-base=${FAKE_API} locale=${ifDefined(args.locale || undefined)}>
    <div style="display:grid;gap:24px">
      <hd-forum-calendar view="list" signup-href="/signup.html?forum={id}"></hd-forum-calendar>
      <hd-result-summary year="2025"></hd-result-summary>
    </div>
  </hd-provider>`,
};

/** `locale="en"`: every widget inside speaks English unless it has its own `lang`. */
export const Locale: Story = {
  args: { locale: 'en' },
  render: (args) => html`<hd-provider api-base=${FAKE_API} locale=${args.locale}>
    <div style="display:grid;gap:24px">
      <hd-forum-calendar view="list"></hd-forum-calendar>
      <hd-forum-calendar view="list" lang="ko"></hd-forum-calendar>
    </div>
  </hd-provider>`,
};

/** A facilitator token handed to the wall inside (a property here; on a private page the `token` attribute). */
export const FacilitatorToken: Story = {
  render: (_args, { loaded }) => {
    const fake = fakeOf(loaded);
    return html`<hd-provider api-base=${FAKE_API} .token=${fake.demo.facilitatorToken}>
      <hd-idea-wall mode="facilitator" forum-id=${fake.demo.liveForumId}></hd-idea-wall>
    </hd-provider>`;
  },
};

/** No backend anywhere: a signup form without `api-base` and outside any provider says so. */
export const NoBackend: Story = {
  render: () => html`<hd-signup-form forum-id="forum-1"></hd-signup-form>`,
};
