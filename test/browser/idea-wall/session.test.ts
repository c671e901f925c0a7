/**
 * A participant whose session is stored on the device (a reload, or back to the page later): the
 * writer's part (composer, dots) is a chunk of its own, fetched alongside the wall's first data, so
 * the first wall the person sees already has it. This file runs in a page of its own, so the chunk
 * is not in the page before the wall asks for it.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import '../../../src/define/hd-idea-wall.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { getApi, resetRegistry } from '../../../src/api/registry.js';
import { storeKey } from '../../../src/elements/idea-wall/storage.js';
import { settled, forget, liveForum, loaded, participant, shadow, text, until, type LiveForum } from './helpers.js';

const fetched = (module: string) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.includes(`/idea-wall/${module}.`));

describe('<hd-idea-wall> with a session stored on the device', () => {
  let lf: LiveForum;
  before(async () => {
    lf = await liveForum({ voteBudget: 3 });
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });

  it('shows the composer and the dots on its first drawn wall, and votes right away', async () => {
    const other = await participant(lf, 1);
    const idea = await other.post(`놀이터에 그늘을 ${Date.now()}`);
    // The same person joined earlier on this phone (table 2): the wall finds the session.
    const me = await participant(lf, 2);
    localStorage.setItem(`hd-idea-wall:session:${storeKey(getApi(lf.apiBase).baseUrl, lf.forum.id)}`, JSON.stringify({ token: me.session.token, table: 2 }));
    expect(fetched('participation'), 'fetched before the wall asked').to.equal(false);

    const el = fixtureSync<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id}></hd-idea-wall>`);
    // Every state of the shadow root until loaded: the first one with the wall's header must
    // already have the composer and the dots (no loading note, nothing added later).
    let first: { composer: boolean; dots: boolean; note: boolean } | undefined;
    const record = () => {
      if (first || !shadow(el, '.header')) return;
      first = { composer: !!shadow(el, 'textarea'), dots: !!shadow(el, 'button.add'), note: !!shadow(el, '.note[aria-busy="true"]') };
    };
    const observer = new MutationObserver(record);
    observer.observe(el.shadowRoot!, { subtree: true, childList: true });
    await loaded(el);
    observer.disconnect();
    record();
    expect(fetched('participation')).to.equal(true);
    expect(first).to.deep.equal({ composer: true, dots: true, note: false });
    expect(text(el)).to.contain('2번 테이블에서 참여 중입니다');
    expect(text(el)).to.contain('남은 스티커 3/3개');
    expect(shadow(el, '.join')).to.equal(null);
    await settled(el);
    await expect(el).to.be.accessible();

    el.shadowRoot!.querySelector<HTMLButtonElement>(`[data-id="${idea.id}"] button.add`)!.click();
    await until(() => text(el).includes('남은 스티커 2/3개'), 'a dot used');
    await until(() => el.shadowRoot!.querySelector(`[data-id="${idea.id}"] .votes`)?.textContent === '1표', 'the vote on the card');
    const r = await fetch(`${lf.apiBase}/forums/${lf.forum.id}/participants/me`, { headers: { Authorization: `Bearer ${me.session.token}` } });
    expect(((await r.json()) as { votesUsed: number }).votesUsed).to.equal(1);
  });
});
