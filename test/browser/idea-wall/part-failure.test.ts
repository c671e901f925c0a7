/**
 * The writer's part cannot be fetched (the connection dropped after the wall loaded; here: the
 * page's Content-Security-Policy turned strict, the one way a page can refuse a module for good):
 * the person is still joined and reads the wall, and where the composer goes the wall says what
 * went wrong, with a retry that keeps the keyboard — never a silent, dead form. This file runs in a
 * page of its own (the policy cannot be lifted again).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/hd-idea-wall.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { resetRegistry } from '../../../src/api/registry.js';
import { settled, forget, liveForum, loaded, participant, shadow, text, until, type LiveForum } from './helpers.js';

describe('<hd-idea-wall> when the writer’s part cannot be fetched', () => {
  let lf: LiveForum;
  before(async () => {
    lf = await liveForum({ voteBudget: 3 });
    await (await participant(lf, 1)).post(`경로당 난방비 지원 ${Date.now()}`);
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });

  it('joins, shows the wall with an error and a retry in the composer’s place, and keeps the keyboard on the retry', async () => {
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id}></hd-idea-wall>`);
    await loaded(el);
    await until(() => shadow(el, '[part~="item"]'), 'the ideas');
    await settled(el);
    await expect(el).to.be.accessible(); // (also loads the accessibility checker while scripts still may load)
    // From now on the page loads no more script.
    const csp = document.createElement('meta');
    csp.httpEquiv = 'Content-Security-Policy';
    csp.content = "script-src 'none'";
    document.head.append(csp);

    shadow<HTMLInputElement>(el, 'input[name=code]')!.focus();
    await sendKeys({ type: lf.forum.joinCode });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: '2' });
    await sendKeys({ press: 'Enter' });
    const alert = await until(() => shadow(el, '[role="alert"]'), 'the error in the composer’s place');
    expect(alert.querySelector('button')!.textContent!.trim()).to.equal('다시 시도');
    expect(shadow(el, '.join'), 'joined: no join form').to.equal(null);
    expect(shadow(el, 'textarea'), 'no composer').to.equal(null);
    expect(shadow(el, '[part~="item"]'), 'the ideas still shown').to.not.equal(null);
    await until(() => el.shadowRoot!.activeElement === alert.querySelector('button'), 'the retry focused');
    await settled(el);
    await expect(el).to.be.accessible();

    // A retry that fails again says so again, and the keyboard stays on its retry.
    await sendKeys({ press: 'Enter' });
    await until(() => shadow(el, '[role="alert"] button') && el.shadowRoot!.activeElement === shadow(el, '[role="alert"] button'), 'the retry focused again');
    expect(text(el)).to.contain('다시 시도');
  });
});
