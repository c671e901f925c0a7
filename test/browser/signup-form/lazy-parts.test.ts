// <hd-signup-form>'s parts that load later (issue #6): the form as first shown fetches none of
// them; each arrives when its state does, and what a person sees meanwhile is never a broken form.
// The order of the tests matters: each checks a part's FIRST fetch in this page.
import { expect, fixture, html } from '@open-wc/testing';
import { registryDefaults, resetRegistry } from '../../../src/api/registry.js';
import '../../../src/define/hd-signup-form.js';
import type { HdSignupForm } from '../../../src/elements/signup-form/signup-form.js';
import { admin, until } from '../helpers/server.js';
import { $, fillValid, phones, registerByApi, text, tick, type } from './fixtures.js';

let n = 0;
const phone = phones(3000);

async function newForum(capacity = 30, questions = false): Promise<string> {
  const start = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  const forum = await admin<{ id: string }>('POST', '/forums', {
    title: `나중에 오는 부분 시험 ${n++}`,
    summary: '시험용 토론회입니다.',
    district: '진접읍',
    venue: { name: '진접읍 행정복지센터', address: '경기도 남양주시 진접읍 해밀예당1로 1' },
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 3 * 3600 * 1000).toISOString(),
    capacity,
  });
  if (questions) {
    await admin('PUT', `/forums/${forum.id}/signup-form`, {
      questions: [{ id: 'why', label: '참여하시는 이유는 무엇인가요?', kind: 'text', required: false, maxLength: 300 }],
    });
  }
  await admin('POST', `/forums/${forum.id}/status`, { status: 'open' });
  return forum.id;
}

const regs = async (forumId: string) => (await admin<{ items: { name: string; outcome: string }[] }>('GET', `/forums/${forumId}/registrations?limit=100`)).items;

/** The element's later parts this page has fetched so far (file names). */
const LATER = /\/signup-form\/(check|submit|views|guardian|notices|messages-en|store|qr)\.[jt]s/;
const fetched = () =>
  performance
    .getEntriesByType('resource')
    .map((e) => LATER.exec(new URL(e.name).pathname)?.[1])
    .filter((name): name is string => !!name);

async function mount(forumId: string): Promise<HdSignupForm> {
  const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" forum-id=${forumId}></hd-signup-form>`);
  await until(() => el.shadowRoot!.querySelector('form, .notice'), 'the form');
  return el;
}


describe('<hd-signup-form>: parts that load later', () => {
  afterEach(() => {
    registryDefaults.client = {};
    resetRegistry();
  });

  it('the form as a resident first sees it (Korean, with questions) fetches none of them; the first touch fetches checking, sending and the confirmation', async () => {
    const forumId = await newForum(30, true);
    const el = await mount(forumId);
    await el.updateComplete;
    const t = text(el);
    for (const words of ['이름', '연락처', '사는 곳', '연령대', '참여 구분', '참여하시는 이유는 무엇인가요?', '편의 지원 요청', '개인정보 수집·이용 동의', '참가 신청하기']) {
      expect(t).to.include(words);
    }
    expect(el.matches(':state(form)')).to.equal(true);
    expect(fetched()).to.deep.equal([]);

    $(el, '#f-name').focus(); // a person's first touch (focus, pointer or key)
    await until(() => ['check', 'submit', 'views'].every((part) => fetched().includes(part)), 'the parts fetched ahead');
    expect(fetched().filter((part) => ['guardian', 'notices', 'messages-en'].includes(part))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('under 14: the guardian section shows its loading state, then its fields; the form around it stays, and it submits with the guardian', async () => {
    const forumId = await newForum();
    const el = await mount(forumId);
    await fillValid(el, phone());
    const name = $(el, '#f-name');
    const seen: string[] = [];
    const watch = new MutationObserver(() => {
      const form = el.shadowRoot!.querySelector('form');
      if (!form?.contains(name)) seen.push('form gone');
      else if (form.querySelector('#f-guardian-name')) seen.push('fields');
      else if (form.querySelector('.skeleton[aria-busy="true"]')) seen.push('loading');
    });
    watch.observe(el.shadowRoot!, { childList: true, subtree: true });
    expect(fetched()).to.not.include('guardian');
    type(el, '#f-ageGroup', 'under14');
    await el.updateComplete;
    watch.disconnect();
    expect(seen[0]).to.equal('loading');
    expect(seen).to.include('fields');
    expect(seen).to.not.include('form gone');
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('홍길동');
    expect(fetched()).to.include('guardian');
    expect(text(el)).to.include('법정대리인(보호자) 정보');
    // Its styles came with it (adopted, not a <style> element: the page may forbid inline styles).
    expect(getComputedStyle($(el, '.guardian')).borderTopWidth).to.equal('2px');
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    await expect(el).to.be.accessible();

    type(el, '#f-guardian-name', '홍부모');
    type(el, '#f-guardian-contact', '031-590-1234');
    tick(el, '#f-guardian-consent');
    await el.updateComplete;
    let guardian: unknown;
    el.addEventListener('hd-signup-submit', (e) => (guardian = e.detail.input.guardian), { once: true });
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    expect(await until(() => el.shadowRoot!.querySelector('.outcome h2')?.textContent, 'the confirmation', 10_000)).to.equal('참가 신청이 확정되었습니다');
    expect(guardian).to.deep.equal({ name: '홍부모', contact: { kind: 'phone', value: '031-590-1234' }, consent: true });
    expect((await regs(forumId)).map((r) => r.outcome)).to.deep.equal(['confirmed']);
  });

  it('a forum filling up while its form is on screen: the form stays as typed, then says it signs up for the waitlist', async () => {
    const forumId = await newForum(1);
    const el = await mount(forumId);
    type(el, '#f-name', '늦은 사람');
    await el.updateComplete;
    const name = $(el, '#f-name');
    expect(fetched()).to.not.include('notices');
    // The seat goes once the form follows the forum live (its stream is open), as on a page left open.
    await until(() => (el as unknown as { live: { state: string } }).live.state === 'open', 'the live stream');
    await registerByApi(forumId, '먼저 온 사람', phone()); // the last seat goes elsewhere (the live stream says so)
    await until(() => $(el, 'button[type="submit"]').textContent === '대기자로 신청하기', 'the waitlist button', 12_000);
    expect($(el, '#f-name')).to.equal(name);
    expect($<HTMLInputElement>(el, '#f-name').value).to.equal('늦은 사람');
    expect(text(el)).to.include('정원이 찼습니다');
    expect(fetched()).to.include('notices');
    expect(el.matches(':state(full)')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('the later parts speak the page’s language: English guardian fields and closed notice', async () => {
    const forumId = await newForum();
    const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" forum-id=${forumId} lang="en"></hd-signup-form>`);
    await until(() => el.shadowRoot!.querySelector('form'), 'the form');
    type(el, '#f-ageGroup', 'under14');
    await el.updateComplete;
    expect(text(el)).to.include('Legal guardian');
    expect($(el, 'label[for="f-guardian-name"]').textContent).to.match(/Guardian’s name\s*\(required\)/);
    const closedId = await newForum();
    await admin('POST', `/forums/${closedId}/status`, { status: 'closed' });
    const closed = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" forum-id=${closedId} lang="en"></hd-signup-form>`);
    await until(() => closed.shadowRoot!.querySelector('.notice'), 'the notice');
    await closed.updateComplete;
    expect(text(closed)).to.include('Signup is closed.');
    expect(closed.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(closed).to.be.accessible();
  });

  it('a cancel link shows the management view from its chunk, styled through adopted style sheets', async () => {
    const forumId = await newForum();
    const mine = await registerByApi(forumId, '관리 화면', phone());
    const el = await fixture<HdSignupForm>(html`<hd-signup-form api-base="/api" cancel-token=${mine.cancelToken}></hd-signup-form>`);
    await until(() => el.shadowRoot!.querySelector('.mine'), 'the registration');
    await el.updateComplete;
    expect(text(el)).to.match(/관리 화면[\s\S]*참가 확정/);
    expect(el.matches(':state(manage)')).to.equal(true);
    await until(() => el.shadowRoot!.querySelector('svg[part="qr"] path'), 'the QR code');
    expect(getComputedStyle($(el, '.ticket')).display).to.equal('grid');
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0);
    expect(el.shadowRoot!.querySelector('form')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
