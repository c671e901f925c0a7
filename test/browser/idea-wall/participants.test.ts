import { expect, fixtureSync, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/define/hd-idea-wall.js';
import '../../../src/define/hd-provider.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { resetRegistry } from '../../../src/api/registry.js';
import { forget, has, liveForum, loaded, participant, settled, shadow, until, type LiveForum } from './helpers.js';

describe('<hd-idea-wall> for a facilitator: who has joined, and revoking one', () => {
  let lf: LiveForum;
  before(async () => {
    await setViewport({ width: 1024, height: 1400 });
    lf = await liveForum({ voteBudget: 3, tables: 4 });
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });

  it('counts a participant who joined, revokes them after a confirm step by keyboard, and their dots leave the idea live', async () => {
    const root = fixtureSync<HTMLElement>(html`<div>
      <hd-provider api-base=${lf.apiBase} token=${lf.facilitatorToken}><hd-idea-wall mode="facilitator" forum-id=${lf.forum.id}></hd-idea-wall></hd-provider>
    </div>`);
    const el = root.querySelector('hd-idea-wall') as HdIdeaWall;
    await loaded(el);
    const head = () => shadow(el, '.people-head p')?.textContent ?? '';

    // Opened: nobody yet.
    (await until(() => shadow<HTMLElement>(el, 'details.people summary'), 'the participants section')).click();
    await until(() => head().includes('참가 0명'), 'nobody joined yet');

    // Someone joins at table 2 and puts two dots on an idea.
    const p = await participant(lf, 2);
    const posted = await p.post(`두 번 참가한 사람의 제안 ${Date.now()}`);
    await p.vote(posted.id);
    await p.vote(posted.id);
    await until(() => el.shownIdeas.find((i) => i.id === posted.id)?.votes === 2, 'two dots on the idea');
    shadow<HTMLButtonElement>(el, '.people .refresh')!.click();
    await until(() => head().includes('참가 1명'), 'one joined');
    const row = await until(() => {
      const r = shadow(el, `[data-pid="${p.session.participantId}"]`);
      return r?.textContent?.includes('스티커 2/3개') && r;
    }, "the participant's row with their dots");
    expect(row.textContent).to.contain('2번 테이블');
    await settled(el);
    await expect(el).to.be.accessible();

    // By keyboard: the revoke button asks first; Escape goes back to it, nothing revoked.
    const revoke = row.querySelector<HTMLButtonElement>('button.revoke')!;
    revoke.focus();
    await sendKeys({ press: 'Enter' });
    const dialog = await until(() => shadow<HTMLDialogElement>(el, 'dialog.revoke[open]'), 'the confirm step');
    expect(dialog.textContent).to.contain('스티커 2개가 풀리고');
    await until(() => el.shadowRoot!.activeElement?.textContent?.trim() === '돌아가기', 'the keyboard on "go back"');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await until(() => !shadow(el, 'dialog.revoke'), 'the dialog closed');
    await until(() => el.shadowRoot!.activeElement === shadow(el, `[data-pid="${p.session.participantId}"] button.revoke`), 'the keyboard back on the revoke button');
    expect(el.shownIdeas.find((i) => i.id === posted.id)?.votes).to.equal(2);

    // Again, and confirmed.
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el, 'dialog.revoke[open]'), 'the confirm step again');
    await until(() => el.shadowRoot!.activeElement?.textContent?.trim() === '돌아가기', 'the keyboard on "go back"');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement?.textContent?.trim()).to.equal('참가 취소');
    await sendKeys({ press: 'Enter' });

    await until(() => shadow(el, '.status')!.textContent!.includes('참가자 1명의 참가를 취소했습니다. 스티커 2개가 풀렸습니다.'), 'the status line confirms');
    expect(shadow(el, 'dialog.revoke')).to.equal(null);
    // The dots leave the idea live; the idea stays.
    await until(() => el.shownIdeas.find((i) => i.id === posted.id)?.votes === 0, 'the dots released on the wall');
    expect(has(el, posted.id)).to.equal(true);
    await until(() => head().includes('참가 0명 · 참가 취소 1명'), 'one revoked');
    expect(shadow(el, `[data-pid="${p.session.participantId}"]`)).to.equal(null);
    await settled(el);
    await expect(el).to.be.accessible();
  });

  it('says plainly when revoking fails, and revokes on retry', async () => {
    const root = fixtureSync<HTMLElement>(html`<div>
      <hd-provider api-base=${lf.apiBase} token=${lf.facilitatorToken}><hd-idea-wall mode="facilitator" forum-id=${lf.forum.id}></hd-idea-wall></hd-provider>
    </div>`);
    const el = root.querySelector('hd-idea-wall') as HdIdeaWall;
    await loaded(el);
    const p = await participant(lf, 3);
    (await until(() => shadow<HTMLElement>(el, 'details.people summary'), 'the participants section')).click();
    const row = await until(() => shadow(el, `[data-pid="${p.session.participantId}"]`), "the participant's row");
    // A fault the real server cannot be asked for: the first revoke is refused (mock, one request).
    const real = window.fetch;
    let refused = 0;
    window.fetch = (input, init) => {
      if (init?.method === 'DELETE' && String(input).includes('/participants/') && !refused++) {
        return Promise.resolve(new Response(JSON.stringify({ type: 'about:blank', title: 'Forbidden', status: 403 }), { status: 403, headers: { 'Content-Type': 'application/problem+json' } }));
      }
      return real(input, init);
    };
    try {
      row.querySelector<HTMLButtonElement>('button.revoke')!.click();
      await until(() => shadow(el, 'dialog.revoke[open]'), 'the confirm step');
      shadow<HTMLButtonElement>(el, 'dialog.revoke button[type=submit]')!.click();
      const alert = await until(() => shadow(el, 'dialog.revoke [role=alert]'), 'the error in the dialog');
      expect(alert.textContent!.trim().length).to.be.above(0);
      const retry = shadow<HTMLButtonElement>(el, 'dialog.revoke button[type=submit]')!;
      expect(retry.textContent!.trim()).to.equal('다시 시도');
      await settled(el);
      await expect(el).to.be.accessible();
      retry.click();
      await until(() => shadow(el, '.status')!.textContent!.includes('참가자 1명의 참가를 취소했습니다'), 'revoked on retry');
      expect(refused).to.equal(2);
    } finally {
      window.fetch = real;
    }
  });
});
