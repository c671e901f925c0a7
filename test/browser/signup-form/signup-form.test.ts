import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { registryDefaults, resetRegistry } from '../../../src/api/registry.js';
import type { RegistrationReceipt } from '../../../src/api/types.js';
import '../../../src/define/hd-signup-form.js';
import type { HdSignupForm } from '../../../src/elements/signup-form/signup-form.js';
import type { HdSignupCancelEvent } from '../../../src/events/signup-cancel.js';
import type { HdSignupCompleteEvent } from '../../../src/events/signup-complete.js';
import type { HdSignupSubmitEvent } from '../../../src/events/signup-submit.js';
import { admin, until } from '../helpers/server.js';

interface Reg {
  name: string;
  outcome: string;
  contact: { value: string };
  answers?: Record<string, unknown>;
  accessibility?: string[];
  accessibilityNote?: string | null;
  consents: Record<string, boolean>;
}

// Lit's dev-mode warnings (an update scheduled during an update, a missing property…), from the
// first element on: each is printed once per class, so the spy is set before any test runs.
const litWarnings: string[] = [];
const warn = console.warn.bind(console);
console.warn = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (/lit\.dev\/msg/.test(text) && !/dev-mode/.test(text)) litWarnings.push(text);
  warn(...args);
};

let n = 0;
const phone = () => `010-${String(2000 + (Date.now() % 7000)).slice(0, 4)}-${String(1000 + n++).padStart(4, '0')}`;

async function newForum(capacity = 30, open = true, questions = false): Promise<string> {
  const start = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const forum = await admin<{ id: string }>('POST', '/forums', {
    title: `신청 위젯 시험 ${n++}`,
    summary: '시험용 토론회입니다.',
    district: '진접읍',
    venue: { name: '진접읍 행정복지센터', address: '경기도 남양주시 진접읍 해밀예당1로 1' },
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 3600 * 1000).toISOString(),
    capacity,
  });
  if (questions) {
    await admin('PUT', `/forums/${forum.id}/signup-form`, {
      questions: [
        { id: 'why', label: '참여하시는 이유는 무엇인가요?', kind: 'text', required: true, maxLength: 300 },
        { id: 'topic', label: '관심 주제', kind: 'choice', required: false, options: ['교통', '돌봄'] },
      ],
    });
  }
  if (open) await admin('POST', `/forums/${forum.id}/status`, { status: 'open' });
  return forum.id;
}

const regs = async (forumId: string) => (await admin<{ items: Reg[] }>('GET', `/forums/${forumId}/registrations?limit=100`)).items;

async function registerByApi(forumId: string, contact = phone(), name = '다른 사람'): Promise<RegistrationReceipt> {
  const res = await fetch(`/api/forums/${forumId}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ name, contact: { kind: 'phone', value: contact }, district: '진접읍', ageGroup: '40s', role: 'participant', consentVersion: '2026-01', consents: { personal: true, accessibility: false, notice: false } }),
  });
  if (res.status !== 201) throw new Error(`registration: ${res.status} ${await res.text()}`);
  return (await res.json()) as RegistrationReceipt;
}

async function mount(forumId: string, lang?: string): Promise<HdSignupForm> {
  const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" forum-id=${forumId} lang=${lang ?? 'ko'}></hd-signup-form>`);
  await until(() => el.shadowRoot!.querySelector('form, .notice, .outcome'), 'the form');
  return el;
}

const $ = <T extends Element = HTMLElement>(el: HdSignupForm, sel: string) => el.shadowRoot!.querySelector<T & HTMLElement>(sel)!;
const text = (el: HdSignupForm) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

function type(el: HdSignupForm, sel: string, value: string, blur = true) {
  const input = $<HTMLInputElement>(el, sel);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  if (blur) input.dispatchEvent(new Event('change', { bubbles: true }));
}
function pick(el: HdSignupForm, sel: string, value: string) {
  type(el, sel, value);
}
function tick(el: HdSignupForm, sel: string, on = true) {
  const box = $<HTMLInputElement>(el, sel);
  if (box.checked !== on) box.click();
}

async function fillValid(el: HdSignupForm, contact = phone()) {
  type(el, '#f-name', '홍길동');
  type(el, '#f-contact', contact);
  pick(el, '#f-district', '진접읍');
  pick(el, '#f-ageGroup', '30s');
  tick(el, '#f-role');
  tick(el, '#f-consents-personal');
  await el.updateComplete;
}

const submit = async (el: HdSignupForm) => {
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await el.updateComplete;
};
const outcome = (el: HdSignupForm) => until(() => el.shadowRoot!.querySelector('.outcome h2')?.textContent, 'an outcome', 10_000);

describe('<hd-signup-form> against the reference server', () => {
  afterEach(() => {
    registryDefaults.client = {};
    resetRegistry();
    for (const k of Object.keys(localStorage)) if (k.startsWith('hd-signup:')) localStorage.removeItem(k);
  });

  describe('the form', () => {
    let forumId: string;
    before(async () => (forumId = await newForum(30, true, true)));

    it('is accessible and shows the forum, the fields, each consent with its purpose, items, retention and refusal', async () => {
      const el = await mount(forumId);
      await expect(el).to.be.accessible();
      const t = text(el);
      expect(t).to.match(/신청 위젯 시험/);
      expect(t).to.match(/잔여 30석/);
      for (const label of ['이름', '연락처', '사는 곳', '연령대', '참여 구분', '시민 퍼실리테이터 지원', '참여하시는 이유는 무엇인가요?', '수어 통역', '휠체어 접근', '아이 돌봄', '큰 글씨 자료']) {
        expect(t).to.include(label);
      }
      const consents = el.shadowRoot!.querySelectorAll('[part="consent"]');
      expect(consents.length).to.equal(4); // personal, accessibility, answers (there are questions), notice
      for (const c of consents) expect(c.textContent).to.match(/수집·이용 목적[\s\S]*수집 항목[\s\S]*보유·이용 기간[\s\S]*동의를 거부할 권리/);
      expect(consents[0]!.textContent).to.include('(필수)');
      expect(consents[1]!.textContent).to.include('(선택)');
      expect($(el, 'label[for="f-name"]').textContent).to.include('(필수)');
      expect(el.matches(':state(form)')).to.equal(true);
    });

    it('keeps the honeypot away from people and assistive technology', async () => {
      const el = await mount(forumId);
      const hp = $(el, '.hp');
      expect(hp.getAttribute('aria-hidden')).to.equal('true');
      expect(hp.inert).to.equal(true);
      expect($(el, '#f-website').tabIndex).to.equal(-1);
    });

    it('on an empty submit: an error summary with links, each error tied to its field, focus on the first', async () => {
      const el = await mount(forumId);
      await submit(el);
      await el.updateComplete;
      const summary = $(el, '[part="error-summary"]');
      expect(summary.getAttribute('role')).to.equal('alert');
      const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
      expect(links).to.deep.equal(['#f-name', '#f-contact', '#f-district', '#f-ageGroup', '#f-role', '#f-consents-personal']);
      expect(el.shadowRoot!.activeElement?.id).to.equal('f-name');
      const name = $(el, '#f-name');
      expect(name.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, `#${name.getAttribute('aria-describedby')!.split(' ').pop()}`).textContent).to.equal('이름을 입력해 주세요.');
      await expect(el).to.be.accessible();
      summary.querySelectorAll('a')[3]!.click();
      expect(el.shadowRoot!.activeElement?.id).to.equal('f-ageGroup');
      expect(await regs(forumId)).to.have.length(0);
    });

    it('validates on blur: a malformed phone number or e-mail, then clears the error once fixed', async () => {
      const el = await mount(forumId);
      type(el, '#f-contact', '010-12');
      await el.updateComplete;
      expect($(el, '#f-contact-error').textContent).to.include('010-1234-5678');
      expect($(el, '#f-contact').getAttribute('aria-invalid')).to.equal('true');
      for (const ok of ['010-1234-5678', '01012345678', '031-590-1234']) {
        type(el, '#f-contact', ok);
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('#f-contact-error'), ok).to.equal(null);
      }
      $<HTMLInputElement>(el, '#f-contact-email').click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#f-contact').type).to.equal('email');
      type(el, '#f-contact', 'name@');
      await el.updateComplete;
      expect($(el, '#f-contact-error').textContent).to.include('name@example.com');
      type(el, '#f-contact', 'name@example.kr');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('#f-contact-error')).to.equal(null);
    });

    it('sends only what was consented to: no answers or access needs without their consent', async () => {
      const el = await mount(forumId);
      await fillValid(el);
      type(el, '#f-answers-why', '동네 돌봄이 궁금합니다.');
      tick(el, '#f-accessibility');
      type(el, '#f-accessibilityNote', '휠체어로 갑니다.');
      await el.updateComplete;
      el.addEventListener('hd-signup-submit', (e) => e.preventDefault(), { once: true }); // the host vetoes: nothing is sent
      setTimeout(() => void submit(el));
      const ev = (await oneEvent(el, 'hd-signup-submit')) as HdSignupSubmitEvent;
      const input = ev.detail.input;
      expect(ev.cancelable).to.equal(true);
      expect(input.answers).to.equal(undefined);
      expect(input.accessibility).to.equal(undefined);
      expect(input.accessibilityNote).to.equal(undefined);
      expect(input.consents).to.deep.equal({ personal: true, accessibility: false, answers: false, notice: false });
      expect(input).to.not.have.property('website');
      await el.updateComplete;
      expect(el.matches(':state(form)')).to.equal(true);
      expect(await regs(forumId)).to.have.length(0);

      tick(el, '#f-consents-answers');
      tick(el, '#f-consents-accessibility');
      await el.updateComplete;
      setTimeout(() => void submit(el));
      const again = (await oneEvent(el, 'hd-signup-submit')) as HdSignupSubmitEvent;
      expect(again.detail.input.answers).to.deep.equal({ why: '동네 돌봄이 궁금합니다.' });
      expect(again.detail.input.accessibility).to.deep.equal(['sign-language']);
      expect(again.detail.input.accessibilityNote).to.equal('휠체어로 갑니다.');
      await outcome(el);
      const stored = (await regs(forumId)).find((r) => r.name === '홍길동')!;
      expect(stored.answers).to.deep.equal({ why: '동네 돌봄이 궁금합니다.' });
      expect(stored.accessibility).to.deep.equal(['sign-language']);
    });

    it('requires the required question only when answers are consented to', async () => {
      const el = await mount(forumId);
      await fillValid(el);
      tick(el, '#f-consents-answers');
      await submit(el);
      await el.updateComplete;
      expect([...$(el, '[part="error-summary"]').querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.deep.equal(['#f-answers-why']);
      expect(el.shadowRoot!.activeElement?.id).to.equal('f-answers-why');
    });
  });

  it('a keyboard-only signup: Tab through the fields, type, choose, tick, Enter', async () => {
    const forumId = await newForum();
    const el = await mount(forumId);
    $(el, '#f-name').focus();
    await sendKeys({ type: '김키보드' });
    await sendKeys({ press: 'Tab' }); // contact kind (phone is chosen)
    await sendKeys({ press: 'Tab' }); // contact number
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-contact');
    await sendKeys({ type: phone() });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-district');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-ageGroup');
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowDown' }); // 30s
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-role');
    await sendKeys({ press: 'Space' });
    $(el, '#f-consents-personal').focus();
    await sendKeys({ press: 'Space' });
    $(el, '#f-name').focus();
    await sendKeys({ press: 'Enter' });
    expect(await outcome(el)).to.equal('참가 신청이 확정되었습니다');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('참가 신청이 확정되었습니다');
    const [reg] = await regs(forumId);
    expect(reg).to.include({ name: '김키보드', outcome: 'confirmed' });
  });

  it('confirmed: code, QR code drawn as SVG, .ics and cancel links; hd-signup-complete without the token', async () => {
    const forumId = await newForum();
    const el = await mount(forumId);
    await fillValid(el);
    setTimeout(() => void submit(el));
    const ev = (await oneEvent(el, 'hd-signup-complete')) as HdSignupCompleteEvent;
    expect(ev.detail.outcome).to.equal('confirmed');
    expect(ev.detail.code).to.match(/^HD-/);
    expect(ev.detail).to.not.have.property('cancelToken');
    expect(JSON.stringify(ev.detail)).to.not.include('hdc_');
    await outcome(el);
    const path = await until(() => el.shadowRoot!.querySelector('svg[part="qr"] path'), 'the QR code');
    expect(path.getAttribute('d')).to.match(/^M\d+ \d+h1v1h-1z/);
    expect($(el, 'svg[part="qr"]').getAttribute('aria-label')).to.include(ev.detail.code);
    expect(text(el)).to.include(ev.detail.code);
    expect($(el, 'a[download]').getAttribute('href')).to.match(new RegExp(`/api/forums/${forumId}/calendar\\.ics$`));
    const cancel = new URL($(el, '.cancel-link a').getAttribute('href')!);
    expect(cancel.hash).to.match(/^#cancel=/);
    expect(cancel.search + cancel.pathname).to.not.include('cancel=');
    expect(el.matches(':state(confirmed)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('submitting: the button is disabled and says so, and a double click sends once', async () => {
    const forumId = await newForum();
    let posts = 0;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    registryDefaults.client = {
      fetch: async (input, init) => {
        if (init?.method !== 'POST') return fetch(input, init);
        posts++;
        await held; // the test decides when the answer may come
        return fetch(input, init);
      },
    };
    resetRegistry();
    const el = await mount(forumId);
    await fillValid(el);
    const button = $<HTMLButtonElement>(el, 'button[type="submit"]');
    button.click();
    button.click();
    await el.updateComplete;
    button.click();
    expect(button.disabled).to.equal(true);
    expect(button.textContent).to.equal('보내는 중입니다…');
    expect(el.matches(':state(sending)')).to.equal(true);
    await expect(el).to.be.accessible();
    release();
    await outcome(el);
    expect(posts).to.equal(1);
    expect(await regs(forumId)).to.have.length(1);
  });

  it('under 14: asks for a legal guardian’s name, contact and consent, and sends them', async () => {
    const forumId = await newForum();
    const el = await mount(forumId);
    await fillValid(el);
    pick(el, '#f-ageGroup', 'under14');
    await el.updateComplete;
    expect(text(el)).to.include('법정대리인');
    await expect(el).to.be.accessible();
    await submit(el);
    await el.updateComplete;
    const links = [...$(el, '[part="error-summary"]').querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#f-guardian-name', '#f-guardian-contact', '#f-guardian-consent']);
    type(el, '#f-guardian-name', '홍부모');
    type(el, '#f-guardian-contact', '031-590-1234');
    tick(el, '#f-guardian-consent');
    await el.updateComplete;
    setTimeout(() => void submit(el));
    const ev = (await oneEvent(el, 'hd-signup-submit')) as HdSignupSubmitEvent;
    expect(ev.detail.input.guardian).to.deep.equal({ name: '홍부모', contact: { kind: 'phone', value: '031-590-1234' }, consent: true });
    expect(await outcome(el)).to.equal('참가 신청이 확정되었습니다');
  });

  it('shows the server’s field errors (problem+json) on the right fields', async () => {
    const forumId = await newForum();
    // The server sees a contact the browser never checked (an older widget, another client): its 400 names contact.value.
    registryDefaults.client = {
      fetch: (input, init) => {
        if (init?.method === 'POST' && typeof init.body === 'string') {
          const body = JSON.parse(init.body) as { contact: { value: string } };
          body.contact.value = '123';
          return fetch(input, { ...init, body: JSON.stringify(body) });
        }
        return fetch(input, init);
      },
    };
    resetRegistry();
    const el = await mount(forumId);
    await fillValid(el);
    await submit(el);
    await until(() => el.shadowRoot!.querySelector('[part="error-summary"]'), 'the error summary');
    await el.updateComplete;
    expect($(el, '#f-contact').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-contact-error').textContent).to.not.equal('');
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-contact');
    await expect(el).to.be.accessible();
  });

  it('already registered (409): says so and offers to change the contact', async () => {
    const forumId = await newForum();
    const contact = phone();
    await registerByApi(forumId, contact);
    const el = await mount(forumId);
    await fillValid(el, contact);
    await submit(el);
    await until(() => el.shadowRoot!.textContent!.includes('이미 신청하셨습니다'), 'already registered');
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="notice"] button')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-contact');
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('홍길동');
  });

  it('full: tells the person they join the waitlist, and shows their place', async () => {
    const forumId = await newForum(1);
    await registerByApi(forumId);
    const el = await mount(forumId);
    expect(text(el)).to.include('대기자 명단');
    expect($(el, 'button[type="submit"]').textContent).to.equal('대기자로 신청하기');
    await expect(el).to.be.accessible();
    await fillValid(el);
    await submit(el);
    expect(await outcome(el)).to.equal('대기자로 접수되었습니다');
    expect(text(el)).to.include('대기 순번 1번');
    expect(el.shadowRoot!.querySelector('svg[part="qr"]')).to.equal(null);
    expect(el.matches(':state(waitlisted)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('waitlisted, page left open: when a seat frees up, the page turns into the confirmation (live)', async () => {
    const forumId = await newForum(1);
    const first = await registerByApi(forumId);
    const el = await mount(forumId);
    await fillValid(el);
    await submit(el);
    expect(await outcome(el)).to.equal('대기자로 접수되었습니다');
    const res = await fetch('/api/registrations/me', { method: 'DELETE', headers: { Authorization: `Bearer ${first.cancelToken}` } });
    expect(res.status).to.equal(200);
    await until(() => el.shadowRoot!.querySelector('.outcome h2')?.textContent === '참가 신청이 확정되었습니다', 'the promotion', 12_000);
    await until(() => el.shadowRoot!.querySelector('svg[part="qr"] path'), 'the QR code');
    expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('대기에서 참가 확정으로 바뀌었습니다.');
  });

  it('not yet open and closed: a clear message and no form', async () => {
    const announced = await newForum(30, false);
    const a = await mount(announced);
    expect(a.shadowRoot!.querySelector('form')).to.equal(null);
    expect(text(a)).to.include('아직 참가 신청 기간이 아닙니다');
    await expect(a).to.be.accessible();
    const closed = await newForum();
    await admin('POST', `/forums/${closed}/status`, { status: 'closed' });
    const c = await mount(closed);
    expect(c.shadowRoot!.querySelector('form')).to.equal(null);
    expect(text(c)).to.include('참가 신청이 마감되었습니다');
    expect(c.matches(':state(closed)')).to.equal(true);
    await expect(c).to.be.accessible();
  });

  it('offline: keeps the submission on the device, and sends it once when the browser is back online', async () => {
    const forumId = await newForum();
    let offline = true;
    const keys: string[] = [];
    registryDefaults.client = {
      retryBaseMs: 1,
      retryMaxMs: 5,
      fetch: (input, init) => {
        if (init?.method === 'POST') keys.push(new Headers(init.headers).get('Idempotency-Key')!);
        if (offline && init?.method === 'POST') return Promise.reject(new TypeError('Failed to fetch'));
        return fetch(input, init);
      },
    };
    resetRegistry();
    const el = await mount(forumId);
    await fillValid(el);
    await submit(el);
    await until(() => el.shadowRoot!.textContent!.includes('신청서를 아직 보내지 못했습니다'), 'the pending notice');
    await el.updateComplete;
    expect(el.matches(':state(pending)')).to.equal(true);
    const stored = Object.keys(localStorage).filter((k) => k.startsWith('hd-signup:'));
    expect(stored).to.have.length(1);
    expect(localStorage.getItem(stored[0]!)).to.not.include('cancelToken');
    await expect(el).to.be.accessible();
    expect(await regs(forumId)).to.have.length(0);

    offline = false;
    window.dispatchEvent(new Event('online'));
    expect(await outcome(el)).to.equal('참가 신청이 확정되었습니다');
    expect(await regs(forumId)).to.have.length(1);
    expect(new Set(keys).size).to.equal(1);
    expect(Object.keys(localStorage).filter((k) => k.startsWith('hd-signup:'))).to.have.length(0);
  });

  it('a pending submission found at load (a reload) is sent, once', async () => {
    const forumId = await newForum();
    registryDefaults.client = { retryBaseMs: 1, retryMaxMs: 5, fetch: (input, init) => (init?.method === 'POST' ? Promise.reject(new TypeError('offline')) : fetch(input, init)) };
    resetRegistry();
    const first = await mount(forumId);
    await fillValid(first);
    await submit(first);
    await until(() => first.matches(':state(pending)'), 'pending');
    first.remove();
    registryDefaults.client = {};
    resetRegistry();
    const el = await mount(forumId);
    expect(await outcome(el)).to.equal('참가 신청이 확정되었습니다');
    expect(await regs(forumId)).to.have.length(1);
  });

  it('the person may delete a pending submission instead', async () => {
    const forumId = await newForum();
    registryDefaults.client = { retryBaseMs: 1, retryMaxMs: 5, fetch: (input, init) => (init?.method === 'POST' ? Promise.reject(new TypeError('offline')) : fetch(input, init)) };
    resetRegistry();
    const el = await mount(forumId);
    await fillValid(el);
    await submit(el);
    await until(() => el.matches(':state(pending)'), 'pending');
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.pending button')].find((b) => b.textContent === '보내지 않고 삭제하기')!.click();
    await el.updateComplete;
    expect(Object.keys(localStorage).filter((k) => k.startsWith('hd-signup:'))).to.have.length(0);
    expect(el.matches(':state(form)')).to.equal(true);
  });

  describe('the cancel link', () => {
    it('shows the registration, asks to confirm, cancels, and promotes the waitlist', async () => {
      const forumId = await newForum(1);
      const mine = await registerByApi(forumId, phone(), '취소할 사람');
      await registerByApi(forumId, phone(), '대기자');
      const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" cancel-token=${mine.cancelToken}></hd-signup-form>`);
      await until(() => el.shadowRoot!.querySelector('.mine'), 'the registration');
      expect(text(el)).to.match(/취소할 사람[\s\S]*참가 확정/);
      await until(() => el.shadowRoot!.querySelector('svg[part="qr"] path'), 'the QR code');
      await expect(el).to.be.accessible();
      const cancelButton = () => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === '참가 신청 취소하기')!;
      cancelButton().click();
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('참가 신청을 취소하시겠습니까?');
      await expect(el).to.be.accessible();
      [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === '아니요, 유지합니다')!.click();
      await el.updateComplete;
      expect((await regs(forumId)).find((r) => r.name === '취소할 사람')!.outcome).to.equal('confirmed');
      cancelButton().click();
      await el.updateComplete;
      setTimeout(() => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent === '네, 취소합니다')!.click());
      const ev = (await oneEvent(el, 'hd-signup-cancel')) as HdSignupCancelEvent;
      expect(ev.detail).to.deep.equal({ forumId, registrationId: mine.id, code: mine.code });
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('참가 신청을 취소했습니다');
      expect(el.matches(':state(cancelled)')).to.equal(true);
      await expect(el).to.be.accessible();
      const after = await regs(forumId);
      expect(after.find((r) => r.name === '취소할 사람')!.outcome).to.equal('cancelled');
      expect(after.find((r) => r.name === '대기자')!.outcome).to.equal('confirmed');
    });

    it('reads #cancel=<token> from the page URL and removes it from the address bar', async () => {
      const forumId = await newForum();
      const mine = await registerByApi(forumId, phone(), '조각 주소');
      const before = location.href;
      history.replaceState(null, '', `${location.pathname}${location.search}#cancel=${mine.cancelToken}`);
      const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api"></hd-signup-form>`);
      expect(location.hash).to.equal('');
      expect(location.href).to.not.include(mine.cancelToken);
      await until(() => el.shadowRoot!.querySelector('.mine'), 'the registration');
      expect(text(el)).to.include('조각 주소');
      history.replaceState(null, '', before);
    });

    it('an unknown token: says the link cannot be used', async () => {
      const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" cancel-token="hdc_not-a-real-token-at-all"></hd-signup-form>`);
      await until(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the message');
      expect(text(el)).to.include('취소 링크가 올바르지 않거나');
      await expect(el).to.be.accessible();
    });
  });

  it('holds its shape inside a hostile page (content-box everywhere, 20 px text, odd fonts on the element)', async () => {
    const forumId = await newForum();
    const wrap = await fixture<HTMLDivElement>(html`<div class="hostile" style="width:360px">
      <style>
        .hostile * { box-sizing: content-box !important; padding: 9px; margin: 7px; font: italic 20px/1 serif; color: hotpink; }
      </style>
      <hd-signup-form api-base="/api" forum-id=${forumId}></hd-signup-form>
    </div>`);
    const el = wrap.querySelector('hd-signup-form')!;
    await until(() => el.shadowRoot!.querySelector('form'), 'the form');
    const host = el.getBoundingClientRect();
    for (const sel of ['#f-name', '#f-district', '#f-accessibilityNote', 'button[type="submit"]']) {
      const box = $(el, sel).getBoundingClientRect();
      expect(box.right, sel).to.be.at.most(host.right + 0.5);
      expect(box.height, sel).to.be.at.least(44);
    }
    const base = getComputedStyle($(el, '.base'));
    expect(base.fontStyle).to.equal('normal');
    expect(base.color).to.not.equal('rgb(255, 105, 180)');
    await expect(el).to.be.accessible();
  });

  it('follows a dark page (color-scheme: dark)', async () => {
    const forumId = await newForum();
    const wrap = await fixture<HTMLDivElement>(html`<div style="color-scheme: dark"><hd-signup-form api-base="/api" forum-id=${forumId}></hd-signup-form></div>`);
    const el = wrap.querySelector('hd-signup-form')!;
    await until(() => el.shadowRoot!.querySelector('form'), 'the form');
    expect(getComputedStyle($(el, '.base')).backgroundColor).to.equal('rgb(22, 24, 29)');
    await expect(el).to.be.accessible();
  });

  it('without a backend (no api-base, no provider) says so instead of loading forever', async () => {
    const el = await fixture<HdSignupForm>(html`<hd-signup-form forum-id="x"></hd-signup-form>`);
    expect(text(el)).to.include('연결할 서버가 지정되지 않았습니다');
    await expect(el).to.be.accessible();
  });

  it('inside a provider whose code has not arrived yet: keeps loading, no “no server” message', async () => {
    const wrap = await fixture<HTMLElement>(html`<hd-provider><hd-signup-form forum-id="x"></hd-signup-form></hd-provider>`);
    const el = wrap.querySelector('hd-signup-form')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.skeleton[aria-busy="true"]')).to.not.equal(null);
    expect(text(el)).to.not.include('연결할 서버');
  });

  it('speaks English with lang="en"', async () => {
    const forumId = await newForum();
    const el = await mount(forumId, 'en');
    expect($(el, 'button[type="submit"]').textContent).to.equal('Sign up');
    expect($(el, 'label[for="f-name"]').textContent).to.match(/Name\s*\(required\)/);
    await submit(el);
    await el.updateComplete;
    expect($(el, '[part="error-summary"] h3').textContent).to.equal('There is a problem');
    await expect(el).to.be.accessible();
    await fillValid(el);
    await submit(el);
    expect(await outcome(el)).to.equal('Your place is confirmed');
    expect($(el, '.cancel-link a').textContent).to.equal('Check or cancel my signup');
    await expect(el).to.be.accessible();
  });
});

describe('<hd-signup-form> in Lit dev mode', () => {
  it('printed no warning in all the states above', () => {
    expect(litWarnings).to.deep.equal([]);
  });
});
