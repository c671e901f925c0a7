// <hd-signup-form>'s later parts when their code cannot be fetched (issue #6: a part that fails to
// load shows an error with a retry, never a dead control or a loading state for ever; focus is
// not lost when the part swaps in). The network fault is made where the real server cannot make
// it: the part's import is made to fail, as a dropped connection would. Each test is a part's
// FIRST fetch in this page, so the order matters.
import { expect, fixture, html } from '@open-wc/testing';
import { resetRegistry } from '../../../src/api/registry.js';
import '../../../src/define/hd-signup-form.js';
import { importers, type HdSignupForm } from '../../../src/elements/signup-form/signup-form.js';
import { admin, until } from '../helpers/server.js';
import { $, fillValid, phones, registerByApi, text, type } from './fixtures.js';

let n = 0;
const phone = phones(4000);

async function newForum(status: 'open' | 'closed' = 'open'): Promise<string> {
  const start = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const forum = await admin<{ id: string }>('POST', '/forums', {
    title: `불러오기 실패 시험 ${n++}`,
    summary: '시험용 토론회입니다.',
    district: '진접읍',
    venue: { name: '진접읍 행정복지센터', address: '경기도 남양주시 진접읍 해밀예당1로 1' },
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 3600 * 1000).toISOString(),
    capacity: 30,
  });
  await admin('POST', `/forums/${forum.id}/status`, { status: 'open' });
  if (status === 'closed') await admin('POST', `/forums/${forum.id}/status`, { status: 'closed' });
  return forum.id;
}

type Part = keyof typeof importers;
const real = { ...importers };
const parts = importers as Record<Part, () => Promise<unknown>>;
/** The part's code cannot be fetched (until `restore`). */
const breakPart = (part: Part) => (parts[part] = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
const restore = () => Object.assign(importers, real);

const retryButton = (el: HdSignupForm) => el.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button');


describe('<hd-signup-form>: a later part whose code cannot be fetched', () => {
  afterEach(() => {
    restore();
    resetRegistry();
  });

  it('a cancel link: says so with a retry; the retry brings the registration and focuses its heading', async () => {
    const forumId = await newForum();
    const mine = await registerByApi(forumId, '관리 화면 시험', phone());
    breakPart('views');
    const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" cancel-token=${mine.cancelToken}></hd-signup-form>`);
    const retry = await until(() => retryButton(el), 'the retry');
    expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
    expect(retry.textContent!.trim()).to.not.equal('');
    await expect(el).to.be.accessible();

    restore();
    retry.focus();
    retry.click();
    const heading = await until(() => el.shadowRoot!.querySelector<HTMLElement>('h2[data-top]'), 'the registration');
    await until(() => el.shadowRoot!.querySelector('.mine'), 'its details');
    expect(text(el)).to.include('관리 화면 시험');
    expect(el.shadowRoot!.activeElement).to.equal(heading);
    expect(el.matches(':state(manage)')).to.equal(true);
  });

  it('a closed forum: says so with a retry, then the closed notice (focused)', async () => {
    const forumId = await newForum('closed');
    breakPart('notices');
    const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" forum-id=${forumId}></hd-signup-form>`);
    const retry = await until(() => retryButton(el), 'the retry');
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();

    restore();
    retry.focus();
    retry.click();
    const notice = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part="notice"][data-top]'), 'the notice');
    expect(notice.textContent).to.include('참가 신청이 마감되었습니다.');
    expect(el.shadowRoot!.activeElement).to.equal(notice);
    expect(retryButton(el)).to.equal(null);
  });

  it('submitted before the checking code could be fetched: nothing is sent, the retry is focused, and the retry submits', async () => {
    const forumId = await newForum();
    breakPart('check');
    const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" forum-id=${forumId}></hd-signup-form>`);
    await until(() => el.shadowRoot!.querySelector('form'), 'the form');
    await fillValid(el, phone());
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    const retry = await until(() => retryButton(el), 'the retry');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(retry);
    // The form and what was typed stay.
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('홍길동');
    const regs = await admin<{ items: unknown[] }>('GET', `/forums/${forumId}/registrations?limit=10`);
    expect(regs.items).to.have.length(0);
    await expect(el).to.be.accessible();

    restore();
    retry.click();
    expect(await until(() => el.shadowRoot!.querySelector('.outcome h2')?.textContent, 'the confirmation', 10_000)).to.equal('참가 신청이 확정되었습니다');
    const after = await admin<{ items: { name: string }[] }>('GET', `/forums/${forumId}/registrations?limit=10`);
    expect(after.items.map((r) => r.name)).to.deep.equal(['홍길동']);
  });

  it('under 14: the guardian section says so with a retry inside the form; the retry brings the fields and focuses the first', async () => {
    const forumId = await newForum();
    breakPart('guardian');
    const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" forum-id=${forumId}></hd-signup-form>`);
    await until(() => el.shadowRoot!.querySelector('form'), 'the form');
    type(el, '#f-name', '어린이');
    type(el, '#f-ageGroup', 'under14');
    const retry = await until(() => retryButton(el), 'the retry');
    expect($(el, 'form').contains(retry)).to.equal(true);
    expect($(el, '[role="alert"]').textContent).to.include('서버에 연결하지 못했습니다.');
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('어린이');
    await expect(el).to.be.accessible();

    restore();
    retry.focus();
    retry.click();
    const first = await until(() => el.shadowRoot!.querySelector<HTMLInputElement>('#f-guardian-name'), 'the guardian fields');
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(first);
    expect(retryButton(el)).to.equal(null);
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('어린이');
  });
});
