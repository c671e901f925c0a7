/**
 * `<hd-forum-editor>` against the real reference server: signing in (the token in this tab's
 * sessionStorage only), creating a forum (times in Asia/Seoul while the browser runs in UTC),
 * problems at their fields (ours and the server's), editing, the status moves, a refused token, the
 * keyboard paths, English, and no Lit dev-mode warning.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { registryDefaults, resetRegistry } from '../../../src/api/registry.js';
import type { Forum, ForumAdmin, SignupForm } from '../../../src/api/types.js';
import '../../../src/define/hd-forum-editor.js';
import '../../../src/define/hd-results-editor.js';
import type { HdForumEditor } from '../../../src/define/hd-forum-editor.js';
import type { HdResultsEditor } from '../../../src/define/hd-results-editor.js';
import type { HdForumSavedEvent } from '../../../src/events/forum-saved.js';
import { $, $$, check, click, problems, signIn, text, type, watchLitWarnings } from '../helpers/operator.js';
import { validRegistration } from '../helpers/registration.js';
import { admin, demoInfo, until } from '../helpers/server.js';
import { getApi } from '../../../src/api/registry.js';

const litWarnings = watchLitWarnings();
let n = 0;

async function editor(attrs: { forumId?: string; lang?: string } = {}): Promise<HdForumEditor> {
  const el = await fixture<HdForumEditor>(
    html`<hd-forum-editor api-base="/api" forum-id=${attrs.forumId ?? ''} lang=${attrs.lang ?? 'ko'}></hd-forum-editor>`,
  );
  await el.updateComplete;
  return el;
}

/** Fills in every required field of a new forum (start 14:00, end 17:00 on 2031-05-10, Seoul). */
async function fillForum(el: HdForumEditor, title: string): Promise<void> {
  await type(el, '#f-title', title);
  await type(el, '#f-summary', '광역철도 개통에 맞춰 버스 노선을 주민과 함께 다시 그립니다.');
  await type(el, '#f-topics', '교통, 버스');
  await type(el, '#f-district', '진접읍');
  await type(el, '#f-venue-name', '진접읍 행정복지센터');
  await type(el, '#f-venue-address', '경기도 남양주시 진접읍 해밀예당1로 150');
  await type(el, '#f-startsAt', '2031-05-10T14:00');
  await type(el, '#f-endsAt', '2031-05-10T17:00');
  await type(el, '#f-capacity', '60');
}

const save = (el: HdForumEditor) => click(el, 'button[part=submit]');
const saved = (el: HdForumEditor) => until(() => $(el, '.banner.success'), 'the saved banner');
const forumOf = (id: string) => admin<Forum>('GET', `/forums/${id}`);

async function newForum(over: Record<string, unknown> = {}): Promise<ForumAdmin> {
  return admin<ForumAdmin>('POST', '/forums', {
    title: `편집 시험 ${Date.now()}-${++n}`,
    summary: '시험용 토론회입니다.',
    district: '금곡동',
    venue: { name: '남양주시청', address: '경기도 남양주시 경춘로 1037', lat: 37.636, lng: 127.216 },
    startsAt: '2031-06-01T05:00:00Z',
    endsAt: '2031-06-01T08:00:00Z',
    capacity: 40,
    ...over,
  });
}

describe('<hd-forum-editor>', () => {
  beforeEach(() => sessionStorage.clear());
  afterEach(() => sessionStorage.clear());

  it('signed out: asks for a token, and an empty one is a problem at the field, linked from a summary (keyboard)', async () => {
    const el = await editor();
    await expect(el).to.be.accessible();
    expect(el.matches(':state(signed-out)')).to.equal(true);
    expect($(el, 'form[part=form]')).to.equal(null); // nothing to edit before signing in
    $<HTMLInputElement>(el, '#f-token')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(problems(el)).to.deep.equal({ fields: ['f-token'], summary: ['운영자 토큰을 입력해 주세요.'] });
    expect(el.shadowRoot!.activeElement?.id).to.equal('sign-in-summary');
    await expect(el).to.be.accessible();
    $<HTMLAnchorElement>(el, '.error-summary a')!.click();
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-token');
    await sendKeys({ type: 'short' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(problems(el).summary).to.deep.equal(['토큰은 공백 없이 8자 이상이어야 합니다. 발급받은 토큰을 그대로 붙여 넣어 주세요.']);
  });

  it('keeps the token in this tab’s sessionStorage only — never localStorage, a URL or the page — and shares the sign-in with the other tool', async () => {
    const { adminToken } = await demoInfo();
    const urls: string[] = [];
    resetRegistry();
    registryDefaults.client.fetch = (input, init) => (urls.push(String(input)), fetch(input, init));
    try {
      const wrap = await fixture(html`<div><hd-forum-editor api-base="/api"></hd-forum-editor><hd-results-editor api-base="/api"></hd-results-editor></div>`);
      const el = wrap.querySelector('hd-forum-editor')!;
      const other = wrap.querySelector<HdResultsEditor>('hd-results-editor')!;
      localStorage.clear();
      await signIn(el);
      await until(() => $(other, '.signed-in'), 'the other tool signed in too');
      expect(Object.values({ ...sessionStorage })).to.include(adminToken);
      expect(JSON.stringify({ ...localStorage })).to.not.contain(adminToken);
      expect(location.href).to.not.contain(adminToken);
      expect($<HTMLInputElement>(el, 'input[type=password]')).to.equal(null); // the field is gone, and with it the typed value
      await fillForum(el, `저장소 시험 ${++n}`);
      await save(el);
      await saved(el);
      expect(urls.length).to.be.greaterThan(0);
      for (const url of urls) expect(url).to.not.contain(adminToken);
      expect(el.shadowRoot!.innerHTML).to.not.contain(adminToken);
      await expect(el).to.be.accessible();
      // signing out in the other tool signs this one out as well, and forgets the token
      await click(other, '.signed-in button');
      await until(() => $(el, '#f-token'), 'signed out');
      expect(JSON.stringify({ ...sessionStorage })).to.not.contain(adminToken);
      expect(other.shadowRoot!.activeElement?.id).to.equal('f-token');
    } finally {
      delete registryDefaults.client.fetch;
      resetRegistry();
    }
  });

  it('shows every problem of a new forum at its field and in a summary that links to it; nothing typed is lost', async () => {
    const el = await editor();
    await signIn(el);
    expect(el.matches(':state(creating)')).to.equal(true);
    await expect(el).to.be.accessible();
    await type(el, '#f-title', '제목만 쓴 토론회');
    await type(el, '#f-capacity', '0');
    await type(el, '#f-joinCode', 'ab');
    $<HTMLButtonElement>(el, 'button[part=submit]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const shown = problems(el);
    expect(shown.fields).to.deep.equal(['f-district', 'f-venue-name', 'f-venue-address', 'f-startsAt', 'f-endsAt', 'f-capacity', 'f-joinCode']);
    expect(shown.summary).to.deep.equal([
      '읍·면·동을 입력해 주세요.',
      '장소 이름을 입력해 주세요.',
      '주소를 입력해 주세요.',
      '시작 일시를 입력해 주세요.',
      '종료 일시를 입력해 주세요.',
      '정원은 1부터 10,000까지의 정수로 입력해 주세요.',
      '참여 코드는 영문 대문자와 숫자 4~12자로 입력해 주세요.',
    ]);
    expect(el.shadowRoot!.activeElement?.id).to.equal('forum-summary');
    const capacity = $<HTMLInputElement>(el, '#f-capacity')!;
    expect(capacity.getAttribute('aria-invalid')).to.equal('true');
    expect(capacity.getAttribute('aria-describedby')).to.contain('f-capacity-error');
    expect($(el, '#f-capacity-error')!.textContent).to.contain('정원은 1부터');
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal('제목만 쓴 토론회');
    await expect(el).to.be.accessible();
    // the summary's link moves the keyboard to its field
    $$<HTMLAnchorElement>(el, '.error-summary a')[5]!.click();
    expect(el.shadowRoot!.activeElement).to.equal(capacity);
    // a problem goes once it is fixed
    await type(el, '#f-capacity', '30');
    expect(problems(el).fields).to.not.include('f-capacity');
  });

  it('puts the server’s problem details at the field they name and creates nothing: an end before the start', async () => {
    const el = await editor();
    await signIn(el);
    const title = `서버 검증 시험 ${Date.now()}`;
    await fillForum(el, title);
    await type(el, '#f-endsAt', '2031-05-10T12:00');
    await save(el);
    await until(() => $(el, '.error-summary'), 'the summary');
    expect(problems(el)).to.deep.equal({ fields: ['f-endsAt'], summary: ['종료 일시는 시작 일시보다 뒤여야 합니다.'] });
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal(title);
    expect($<HTMLInputElement>(el, '#f-endsAt')!.value).to.equal('2031-05-10T12:00');
    const found = await admin<{ items: Forum[] }>('GET', `/forums?q=${encodeURIComponent(title)}`);
    expect(found.items).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('a save whose answer was lost is sent again with the same Idempotency-Key: the forum is created once', async () => {
    resetRegistry();
    registryDefaults.client.retries = 0; // the operator, not the client, tries again
    let lose = true;
    registryDefaults.client.fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (lose && init?.method === 'POST') {
        lose = false;
        throw new TypeError('Failed to fetch'); // the server created it; the answer never came
      }
      return res;
    };
    try {
      const el = await editor();
      await signIn(el);
      const title = `응답 유실 시험 ${Date.now()}`;
      await fillForum(el, title);
      await save(el);
      await until(() => $(el, '.error-summary'), 'the failure');
      expect(text($(el, '.error-summary')!)).to.contain('서버에 연결하지 못했습니다');
      expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal(title);
      await save(el);
      await saved(el);
      expect(text($(el, '.banner.success')!)).to.contain('토론회를 만들었습니다.');
      const found = await admin<{ items: Forum[] }>('GET', `/forums?q=${encodeURIComponent(title)}`);
      expect(found.items).to.have.length(1);
    } finally {
      delete registryDefaults.client.fetch;
      delete registryDefaults.client.retries;
      resetRegistry();
    }
  });

  it('creates a forum in Seoul time with its questions, then shows its status, join code, consents and the public preview', async () => {
    const el = await editor();
    await signIn(el);
    const title = `만들기 시험 ${Date.now()}`;
    await fillForum(el, title);
    await type(el, '#f-signupOpensAt', '2031-04-01T09:00');
    await type(el, '#f-signupClosesAt', '2031-05-08T18:00');
    await type(el, '#f-tables', '4');
    await type(el, '#f-categories', '노선, 배차');
    await click(el, '.add-question');
    expect(el.shadowRoot!.activeElement?.id).to.equal('f-questions-0-label');
    await type(el, '#f-questions-0-label', '가장 이야기하고 싶은 주제는 무엇인가요?');
    await type(el, '#f-questions-0-kind', 'choice');
    await type(el, '#f-questions-0-options', '노선\n배차 간격, 시간대\n정류장');
    await check(el, '#f-questions-0-required');
    await click(el, '.add-question');
    await type(el, '#f-questions-1-label', '하고 싶은 말');
    await type(el, '#f-questions-1-maxLength', '300');
    const event = oneEvent(el, 'hd-forum-saved') as Promise<HdForumSavedEvent>;
    await save(el);
    const { detail } = await event;
    expect(detail.created).to.equal(true);
    await saved(el);
    expect(text($(el, '.banner.success')!)).to.contain('토론회를 만들었습니다.');
    const forum = await forumOf(detail.forum.id);
    expect(forum.title).to.equal(title);
    expect(Date.parse(forum.startsAt)).to.equal(Date.parse('2031-05-10T05:00:00Z')); // 14:00 in Seoul
    expect(Date.parse(forum.endsAt)).to.equal(Date.parse('2031-05-10T08:00:00Z'));
    expect(Date.parse(forum.signupClosesAt!)).to.equal(Date.parse('2031-05-08T09:00:00Z'));
    expect([forum.topics, forum.categories, forum.tables, forum.capacity, forum.status]).to.deep.equal([['교통', '버스'], ['노선', '배차'], 4, 60, 'announced']);
    const form = await admin<SignupForm>('GET', `/forums/${forum.id}/signup-form`);
    expect(form.questions).to.deep.equal([
      { id: 'q1', label: '가장 이야기하고 싶은 주제는 무엇인가요?', kind: 'choice', required: true, options: ['노선', '배차 간격, 시간대', '정류장'] },
      { id: 'q2', label: '하고 싶은 말', kind: 'text', required: false, maxLength: 300 },
    ]);
    // shown back in Seoul time, as typed
    expect($<HTMLInputElement>(el, '#f-startsAt')!.value).to.equal('2031-05-10T14:00');
    expect(el.matches(':state(editing)')).to.equal(true);
    const status = text($(el, '.status')!);
    expect(status).to.contain('모집 예정');
    expect($(el, '.status code')!.textContent).to.equal((detail.forum as ForumAdmin).joinCode);
    expect($$(el, '.consent h4').map((h) => h.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(form.consents.map((c) => `${c.title} ${c.required ? '필수' : '선택'}`));
    expect(text($(el, '.consents')!)).to.contain(form.consents[0]!.retention);
    const preview = await until(() => $(el, '.preview hd-signup-form'), 'the preview');
    expect(preview.getAttribute('forum-id')).to.equal(forum.id);
    expect($(el, '.preview')!.hasAttribute('inert')).to.equal(true);
    expect($(el, '.preview hd-forum-calendar')!.getAttribute('q')).to.equal(title);
    await until(() => preview.shadowRoot?.querySelector('h2')?.textContent === title, 'the signup preview shows the forum');
    await expect(el).to.be.accessible();
  });

  it('opens a forum from the picker, saves only what changed (the venue keeps its map position), and asks before dropping unsaved changes', async () => {
    const first = await newForum();
    const second = await newForum();
    const el = await editor();
    await signIn(el);
    await until(() => $(el, `#pick option[value="${first.id}"]`), 'the forum in the picker');
    $<HTMLSelectElement>(el, '#pick')!.value = first.id;
    await click(el, '.picker button[type=submit]');
    await until(() => $<HTMLInputElement>(el, '#f-title')?.value === first.title, 'the forum opened');
    expect($<HTMLInputElement>(el, '#f-startsAt')!.value).to.equal('2031-06-01T14:00');
    expect($(el, '#f-joinCode')).to.equal(null); // set once, at creation
    await type(el, '#f-venue-name', '남양주시청 다산홀');
    await type(el, '#f-capacity', '45');
    // another forum while this one has unsaved changes: ask first, keep editing
    $<HTMLSelectElement>(el, '#pick')!.value = second.id;
    await click(el, '.picker button[type=submit]');
    expect(text($(el, '.switching')!)).to.contain('저장하지 않은 내용이 있습니다.');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('저장하지 않고 불러오기');
    await expect(el).to.be.accessible();
    await click(el, '.switching button.secondary:not(.warning)');
    expect($(el, '.switching')).to.equal(null);
    expect($<HTMLInputElement>(el, '#f-venue-name')!.value).to.equal('남양주시청 다산홀');
    await save(el);
    await saved(el);
    expect(text($(el, '.banner.success')!)).to.contain('변경 내용을 저장했습니다.');
    const after = await forumOf(first.id);
    expect([after.venue, after.capacity, after.title]).to.deep.equal([{ name: '남양주시청 다산홀', address: '경기도 남양주시 경춘로 1037', lat: 37.636, lng: 127.216 }, 45, first.title]);
    // nothing changed since: saying so, not writing
    await save(el);
    await until(() => text($(el, '.banner.success') ?? el).includes('바뀐 내용이 없어'), 'nothing to save');
    expect((await forumOf(first.id)).updatedAt).to.equal(after.updatedAt);
    // saved, so another forum opens at once
    $<HTMLSelectElement>(el, '#pick')!.value = second.id;
    await click(el, '.picker button[type=submit]');
    await until(() => $<HTMLInputElement>(el, '#f-title')?.value === second.title, 'the other forum opened');
  });

  it('refuses a capacity below the confirmed registrations at the capacity field', async () => {
    const forum = await newForum({ capacity: 5 });
    await admin('POST', `/forums/${forum.id}/status`, { status: 'open' });
    const client = getApi('/api');
    for (let i = 0; i < 2; i++) await client.createRegistration(forum.id, await validRegistration(client, forum.id));
    const el = await editor({ forumId: forum.id });
    await signIn(el);
    await until(() => $<HTMLInputElement>(el, '#f-capacity')?.value === '5', 'the forum');
    await type(el, '#f-capacity', '1');
    await save(el);
    await until(() => $(el, '.error-summary'), 'the summary');
    expect(problems(el)).to.deep.equal({ fields: ['f-capacity'], summary: ['정원은 이미 참가가 확정된 2명보다 적게 줄일 수 없습니다.'] });
    expect((await forumOf(forum.id)).capacity).to.equal(5);
    await expect(el).to.be.accessible();
  });

  it('moves the forum along as the contract allows; starting and ending ask first (keyboard)', async () => {
    const forum = await newForum();
    const el = await editor({ forumId: forum.id });
    await signIn(el);
    await until(() => $(el, '.status'), 'the status');
    const moves = () => $$(el, '[data-move]').map((b) => b.textContent!.trim());
    const press = async (move: string) => {
      $<HTMLButtonElement>(el, `[data-move=${move}]`)!.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    };
    expect(moves()).to.deep.equal(['참가 신청 받기', '토론회 시작']);
    await press('open');
    await until(() => text($(el, '.status-note')!).includes('모집 중'), 'opened');
    expect((await forumOf(forum.id)).status).to.equal('open');
    expect(el.shadowRoot!.activeElement?.id).to.equal('status-title');
    expect(moves()).to.deep.equal(['참가 신청 마감', '토론회 시작']);
    await press('closed');
    await until(() => moves()[0] === '참가 신청 다시 받기', 'closed');
    await press('live');
    expect(text($(el, '.confirm')!)).to.contain('되돌릴 수 없습니다');
    expect(el.shadowRoot!.activeElement?.textContent).to.equal('네, 바꿉니다');
    await expect(el).to.be.accessible();
    expect((await forumOf(forum.id)).status).to.equal('closed'); // nothing yet
    await sendKeys({ press: 'Enter' });
    await until(() => moves().join() === '토론회 종료', 'live');
    expect((await forumOf(forum.id)).status).to.equal('live');
    await press('finished');
    await click(el, '.confirm button.primary');
    await until(() => text($(el, '.status')!).includes('결과 편집기'), 'finished');
    expect((await forumOf(forum.id)).status).to.equal('finished');
    expect(moves()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('a refused token signs the operator out and keeps the draft; signed in again, the same draft is saved', async () => {
    const el = await editor();
    await signIn(el, 'not-a-token-the-server-knows');
    const title = `토큰 거절 시험 ${Date.now()}`;
    await fillForum(el, title);
    await save(el);
    await until(() => $(el, '#f-token'), 'asked to sign in again');
    expect(text($(el, '.sign-in .banner.warning')!)).to.contain('입력한 내용은 그대로 남아 있습니다.');
    expect($<HTMLInputElement>(el, '#f-title')!.value).to.equal(title); // the form stays, as typed
    expect(JSON.stringify({ ...sessionStorage })).to.not.contain('not-a-token');
    await expect(el).to.be.accessible();
    await signIn(el);
    await save(el);
    await saved(el);
    const found = await admin<{ items: Forum[] }>('GET', `/forums?q=${encodeURIComponent(title)}`);
    expect(found.items.map((f) => f.title)).to.deep.equal([title]);
  });

  it('speaks English when asked, every label and problem', async () => {
    const el = await editor({ lang: 'en' });
    expect(text($(el, '.sign-in')!)).to.contain('Operator sign-in');
    await signIn(el);
    await type(el, '#f-title', 'English forum');
    await save(el);
    expect(text($(el, 'h2')!)).to.equal('Create a forum');
    expect(problems(el).summary).to.deep.equal([
      'Enter district (읍·면·동).',
      'Enter venue name.',
      'Enter address.',
      'Enter start date and time.',
      'Enter end date and time.',
      'Enter capacity.',
    ]);
    // every word of the form is English (Korean only in the district's own name and its examples)
    const words = $$(el, 'form[part=form] :is(label, legend, .hint, .error, h3, h4, button, p)').map((x) => x.textContent!.trim());
    expect(words.filter((w) => /[가-힣]/.test(w) && !/읍·면·동|화도읍/.test(w))).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});

describe('<hd-forum-editor> in Lit dev mode', () => {
  it('printed no warning in all the states above', () => {
    expect(litWarnings).to.deep.equal([]);
  });
});
