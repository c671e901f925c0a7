import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../../src/define/hd-idea-wall.js';
import '../../../src/define/hd-provider.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { resetRegistry } from '../../../src/api/registry.js';
import { settled, forget, liveForum, loaded, participant, reveal, shadow, text, until, type LiveForum } from './helpers.js';

describe('<hd-idea-wall> for everyone', () => {
  let lf: LiveForum;
  before(async () => {
    lf = await liveForum();
    const p = await participant(lf, 1);
    await p.post('모두를 위한 제안');
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });
  afterEach(() => emulateMedia({ reducedMotion: 'no-preference' }));

  it('speaks English when the page does', async () => {
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall lang="en" api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode} table="2"></hd-idea-wall>`);
    await loaded(el);
    await until(() => text(el).includes('You are at table 2.'), 'joined, in English');
    await settled(el);
    await expect(el).to.be.accessible();
    expect(text(el)).to.contain('3 of 3 dots left');
    expect(text(el)).to.contain('Post idea');
    expect(text(el)).not.to.contain('남은 스티커');
    expect(text(el)).not.to.contain('제안 올리기');
  });

  it('keeps 16 px text and 44 px targets on a hostile page (20 px root, content-box everywhere)', async () => {
    const root = fixtureSync<HTMLDivElement>(html`<div>
      <style>
        html { font-size: 20px; }
        * { box-sizing: content-box !important; padding: 0; margin: 0; font-size: 12px; line-height: 1; }
        button { min-height: 0; min-width: 0; }
      </style>
      <hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode} table="3"></hd-idea-wall>
    </div>`);
    const el = root.querySelector('hd-idea-wall')!;
    await loaded(el);
    await until(() => shadow(el, 'button.add'), 'a card with its vote buttons');
    for (const button of el.shadowRoot!.querySelectorAll<HTMLElement>('button, select, input:not([type=checkbox]), summary')) {
      const box = button.getBoundingClientRect();
      if (!box.width) continue;
      expect(box.height, button.textContent ?? '').to.be.at.least(44);
    }
    expect(parseFloat(getComputedStyle(shadow(el, '.text')!).fontSize)).to.be.at.least(16);
    const card = shadow(el, '.card')!;
    expect(card.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5); // border-box inside
  });

  it('animates new ideas in, and not at all under prefers-reduced-motion', async () => {
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id}></hd-idea-wall>`);
    await loaded(el);
    await until(() => el.matches(':state(live)'), 'live');
    const p = await participant(lf, 2);
    const moving = await p.post(`움직이는 제안 ${Date.now()}`);
    await until(() => el.shownIdeas.some((i) => i.id === moving.id), 'the first idea');
    const card = await reveal(el, moving.id);
    expect(getComputedStyle(card).animationName).to.equal('enter');

    await emulateMedia({ reducedMotion: 'reduce' });
    const still = await p.post(`멈춘 제안 ${Date.now()}`);
    await until(() => el.shownIdeas.some((i) => i.id === still.id), 'the second idea');
    const quiet = await reveal(el, still.id);
    expect(getComputedStyle(quiet).animationName).to.equal('none');
  });

  it('prints no Lit dev-mode warning in any mode (nothing is changed during an update)', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
    try {
      const root = await fixture<HTMLElement>(html`<div>
        <hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode} table="2"></hd-idea-wall>
        <hd-provider api-base=${lf.apiBase} token=${lf.facilitatorToken}><hd-idea-wall mode="facilitator" forum-id=${lf.forum.id}></hd-idea-wall></hd-provider>
        <hd-idea-wall mode="projector" api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode}></hd-idea-wall>
      </div>`);
      const [participantWall, facilitatorWall, projectorWall] = [...root.querySelectorAll('hd-idea-wall')] as HdIdeaWall[];
      for (const el of [participantWall!, facilitatorWall!, projectorWall!]) await loaded(el);
      await until(() => text(participantWall!).includes('2번 테이블에서 참여 중입니다'), 'joined');
      await until(() => shadow(projectorWall!, '.group .card'), 'the projector’s lanes');
      const p = await participant(lf, 3);
      await p.post(`경고 없이 올라온 제안 ${Date.now()}`);
      await until(() => shadow(projectorWall!, '.spotlight'), 'the spotlight');
      for (const el of [participantWall!, facilitatorWall!, projectorWall!]) await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => w.includes('lit.dev/msg') && !w.includes('lit.dev/msg/dev-mode'))).to.deep.equal([]);
  });
});
