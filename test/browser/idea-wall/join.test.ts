/**
 * A reader watching the wall downloads no writer's code; a person who starts on the join form
 * fetches it (at the latest while the join request is on its way), and the keyboard goes on in the
 * composer. This file runs in a page of its
 * own, so the resource timing tells whether the writer's chunk was fetched.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/hd-idea-wall.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { resetRegistry } from '../../../src/api/registry.js';
import { settled, forget, liveForum, loaded, participant, shadow, text, until, type LiveForum } from './helpers.js';

const fetched = (module: string) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.includes(`/idea-wall/${module}.`));

describe('<hd-idea-wall> for a reader who then joins', () => {
  let lf: LiveForum;
  before(async () => {
    lf = await liveForum({ voteBudget: 3 });
    await (await participant(lf, 1)).post(`자전거 보관대를 늘려 주세요 ${Date.now()}`);
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });

  it('reads the wall without the writer’s code, joins by keyboard, and types the first idea without reaching for the mouse', async () => {
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id}></hd-idea-wall>`);
    await loaded(el);
    await until(() => shadow(el, '[part~="item"]'), 'the ideas');
    expect(shadow(el, '.join'), 'the join form').to.not.equal(null);
    expect(shadow(el, 'button.add'), 'dots before joining').to.equal(null);
    expect(fetched('participation'), 'the writer’s code fetched by a reader').to.equal(false);

    shadow<HTMLInputElement>(el, 'input[name=code]')!.focus();
    await sendKeys({ type: lf.forum.joinCode });
    // Someone who starts on the join form is about to join: the writer's code comes now.
    await until(() => fetched('participation'), 'the writer’s code fetched once the person is on the form');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '3' });
    // On to the button and press it: the button is disabled while the join is on its way (a
    // disabled button loses the focus), yet the keyboard must land in the composer after it.
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('type')).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    await until(() => text(el).includes('3번 테이블에서 참여 중입니다'), 'joined at table 3');
    await el.updateComplete;
    expect(fetched('participation')).to.equal(true);
    expect(shadow(el, '.join')).to.equal(null);
    expect(text(el)).to.contain('남은 스티커 3/3개');
    expect(shadow(el, 'button.add'), 'dots on the cards').to.not.equal(null);
    // The form that had the keyboard is gone; the composer has it now.
    await until(() => el.shadowRoot!.activeElement?.id === 'draft', 'the composer focused');
    const idea = `키보드로 쓴 제안 ${Date.now()}`;
    await sendKeys({ type: idea });
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, '.composer button[type=submit]')!.click();
    await until(() => el.shownIdeas.some((i) => i.text === idea), 'the idea on the wall');
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
