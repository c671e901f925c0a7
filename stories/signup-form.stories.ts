import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/hd-signup-form.js';
import type { HdSignupForm } from '../src/elements/signup-form/signup-form.js';
import { FAKE_API, fakeLoader, type FakeBackend, type FakeLoaded } from './fake/index.js';

/**
 * `<hd-signup-form>`: registration for one forum, on the in-browser fake backend. Stories that
 * show a state reached by doing something (errors, sending, confirmation, cancelling) fill and
 * submit the form in their `play` function, as a person would.
 */
/** A fresh fake; for `parameters.registered`, one registration for the open forum and its cancel token. */
async function signupLoader(context: Parameters<typeof fakeLoader>[0]): Promise<FakeLoaded & { cancelToken?: string }> {
  const loaded = await fakeLoader(context);
  if (!context.parameters['registered']) return loaded;
  const [receipt] = await loaded.fake.register(loaded.fake.demo.openForumId, 1);
  return { ...loaded, cancelToken: receipt!.cancelToken };
}

const meta: Meta = {
  title: 'Widgets/Signup form',
  component: 'hd-signup-form',
  tags: ['autodocs'],
  loaders: [signupLoader],
  parameters: { layout: 'padded' },
};
export default meta;

type Story = StoryObj;
type Ctx = { canvasElement: HTMLElement; loaded: Record<string, unknown> };

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

async function ready(canvas: HTMLElement): Promise<HdSignupForm> {
  const el = canvas.querySelector('hd-signup-form')!;
  await until(() => el.shadowRoot?.querySelector('form'));
  return el;
}

function set(el: HdSignupForm, sel: string, value?: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>(sel)!;
  if (value === undefined) input.click();
  else {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

async function fill(el: HdSignupForm, contact = '010-2345-6789') {
  set(el, '#f-name', '김현답');
  set(el, '#f-contact', contact);
  const district = el.shadowRoot!.querySelector<HTMLSelectElement>('#f-district')!.options[1]!.value;
  set(el, '#f-district', district);
  set(el, '#f-ageGroup', '30s');
  set(el, '#f-role');
  set(el, '#f-consents-personal');
  await el.updateComplete;
}

const submit = (el: HdSignupForm) => el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

const form = (forum: (f: FakeBackend) => string, extra: { lang?: string } = {}) =>
  ((_args: unknown, { loaded }: { loaded: Record<string, unknown> }) => {
    const fake = fakeOf(loaded);
    const cancelToken = (loaded as { cancelToken?: string }).cancelToken ?? '';
    return html`<hd-signup-form api-base=${FAKE_API} forum-id=${forum(fake)} lang=${extra.lang ?? 'ko'} cancel-token=${cancelToken}></hd-signup-form>`;
  }) as Story['render'];

const open = (f: FakeBackend) => f.demo.openForumId;

/** The form of an open forum: summary, fields, the forum's questions, access needs, consents. */
export const Form: Story = { render: form(open) };

/** Waiting for the backend: a skeleton that keeps the height. */
export const Loading: Story = { parameters: { fake: { delay: Infinity } }, render: form(open) };

/** Submitted empty: the error summary on top, each error at its field, focus on the first. */
export const ValidationErrors: Story = {
  render: form(open),
  play: async ({ canvasElement }: Ctx) => submit(await ready(canvasElement)),
};

/** The backend refused the input (400 problem+json): shown in the error summary. */
export const ServerError: Story = {
  render: form(open),
  play: async ({ canvasElement, loaded }: Ctx) => {
    const el = await ready(canvasElement);
    await fill(el);
    fakeOf(loaded).failNext(400);
    submit(el);
  },
};

/** Sending: the button is disabled and says so; a second click sends nothing. */
export const Submitting: Story = {
  render: form(open),
  play: async ({ canvasElement, loaded }: Ctx) => {
    const el = await ready(canvasElement);
    await fill(el);
    fakeOf(loaded).delay(Infinity);
    submit(el);
  },
};

/** The network is gone: the submission waits on this device and is sent when back online. */
export const OfflinePending: Story = {
  render: form(open),
  play: async ({ canvasElement, loaded }: Ctx) => {
    const el = await ready(canvasElement);
    await fill(el);
    fakeOf(loaded).setOffline(true);
    submit(el);
  },
};

/** Confirmed: registration code, its QR code for the door, add to calendar, the cancel link. */
export const Confirmed: Story = {
  render: form(open),
  play: async ({ canvasElement }: Ctx) => {
    const el = await ready(canvasElement);
    await fill(el);
    submit(el);
  },
};

/** A full forum still takes signups: onto the waitlist. */
export const Full: Story = { render: form((f) => f.demo.fullForumId) };

/** Signed up to a full forum: on the waitlist, with the place in line. */
export const Waitlisted: Story = {
  render: form((f) => f.demo.fullForumId),
  play: async ({ canvasElement }: Ctx) => {
    const el = await ready(canvasElement);
    await fill(el);
    submit(el);
  },
};

/** Signup closed: a clear message, no form. */
export const Closed: Story = { render: form((f) => f.demo.closedForumId) };

/** Signup not open yet: a clear message, no form. */
export const NotOpen: Story = { render: form((f) => f.demo.announcedForumId) };

/** The same contact signed up before (409 already-registered). */
export const AlreadyRegistered: Story = {
  render: form(open),
  play: async ({ canvasElement, loaded }: Ctx) => {
    const fake = fakeOf(loaded);
    const el = await ready(canvasElement);
    const id = fake.demo.openForumId;
    const def = (await (await fake.fetch(`${FAKE_API}/forums/${id}/signup-form`)).json()) as { districts: string[]; consentVersion: string };
    await fake.fetch(`${FAKE_API}/forums/${id}/registrations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({ name: '먼저 신청', contact: { kind: 'phone', value: '010-9876-5432' }, district: def.districts[0], ageGroup: '40s', role: 'participant', consentVersion: def.consentVersion, consents: { personal: true } }),
    });
    await fill(el, '010-9876-5432');
    submit(el);
  },
};

/** Opened from the cancel link: the registration, with its QR code, and a way to cancel. */
export const CancelLink: Story = { parameters: { registered: true }, render: form(() => '') };

/** Cancelling asks first. */
export const CancelConfirm: Story = {
  parameters: { registered: true },
  render: form(() => ''),
  play: async ({ canvasElement }: Ctx) => {
    const el = canvasElement.querySelector('hd-signup-form')!;
    const button = await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.danger'));
    button.click();
  },
};

/** Cancelled. */
export const Cancelled: Story = {
  parameters: { registered: true },
  render: form(() => ''),
  play: async ({ canvasElement }: Ctx) => {
    const el = canvasElement.querySelector('hd-signup-form')!;
    (await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('button.danger')))!.click();
    await el.updateComplete;
    (await until(() => el.shadowRoot!.querySelector<HTMLButtonElement>('.confirm button.primary')))!.click();
  },
};

/** Under 14: a legal guardian's name, contact and consent are asked for (PIPA art. 22-2). */
export const Under14Guardian: Story = {
  render: form(open),
  play: async ({ canvasElement }: Ctx) => {
    const el = await ready(canvasElement);
    set(el, '#f-ageGroup', 'under14');
  },
};

/** In English (`lang="en"`); the consent texts come from the backend as they are. */
export const English: Story = { render: form(open, { lang: 'en' }) };

/** Dark: the page declares `color-scheme: dark`. */
export const Dark: Story = {
  render: (args, ctx) => html`<div style="color-scheme:dark;background:#16181d;padding:16px">${form(open)!(args, ctx as never)}</div>`,
};

/** A hostile host page: content-box sizing, odd fonts and margins on everything, 20 px text. */
export const HostilePage: Story = {
  render: (args, ctx) => html`<style>
      .hostile * { box-sizing: content-box !important; margin: 7px; font: italic 20px/1 serif; color: hotpink; }
      .hostile { font-size: 20px; }
    </style>
    <div class="hostile">${form(open)!(args, ctx as never)}</div>`,
};

/** Sent once the network is back: the submission that waited on the device goes out (same Idempotency-Key) and is confirmed. */
export const SentWhenBackOnline: Story = {
  render: form(open),
  play: async ({ canvasElement, loaded }: Ctx) => {
    const fake = fakeOf(loaded);
    const el = await ready(canvasElement);
    await fill(el);
    fake.setOffline(true);
    submit(el);
    await until(() => el.shadowRoot!.querySelector('.pending'));
    await new Promise((r) => setTimeout(r, 1500));
    fake.setOffline(false);
    window.dispatchEvent(new Event('online'));
  },
};

/**
 * The backend refuses a field the widget let through (400 problem+json naming it in `errors`): that
 * field is marked, with the widget's own words, in the summary and at the field, and focus goes there. The widget
 * checks every rule the reference server knows, so the fake is told to answer so
 * (`failNext(400, 1, { errors })`), as a partner backend with rules of its own would.
 */
export const ServerFieldError: Story = {
  render: form(open),
  play: async ({ canvasElement, loaded }: Ctx) => {
    const el = await ready(canvasElement);
    await fill(el);
    fakeOf(loaded).failNext(400, 1, {
      errors: [{ field: 'contact', code: 'invalid_value', message: 'This number cannot receive text messages.' }],
    });
    submit(el);
  },
};
