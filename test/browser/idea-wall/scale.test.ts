import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import '../../../src/define/hd-idea-wall.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { resetRegistry } from '../../../src/api/registry.js';
import { settled, liveForum, loaded, participant, until } from './helpers.js';

describe('<hd-idea-wall> with many ideas', () => {
  it('renders only the cards in view, keeps every idea, and is accessible', async () => {
    resetRegistry();
    const lf = await liveForum({ tables: 8 });
    const people = await Promise.all([1, 2, 3, 4].map((t) => participant(lf, t)));
    for (let i = 0; i < 160; i += 8) {
      await Promise.all(people.flatMap((p, k) => [p.post(`많은 제안 ${i + k * 2}`), p.post(`많은 제안 ${i + k * 2 + 1}`)]));
    }
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id} mode="projector" group-by="none"></hd-idea-wall>`);
    await loaded(el);
    expect(el.shownIdeas).to.have.length(160);
    await settled(el);
    await expect(el).to.be.accessible();
    el.remove();

    // The first screen comes from a first page of the newest ideas; the rest loads behind it.
    resetRegistry();
    const wall = fixtureSync<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id}></hd-idea-wall>`);
    const drawn: string[][] = [];
    const record = () => {
      const ids = wall.shownIdeas.map((i) => i.id);
      if (ids.length && wall.shadowRoot!.querySelector('[part~="item"]') && drawn.at(-1)?.length !== ids.length) drawn.push(ids);
    };
    const observer = new MutationObserver(record);
    observer.observe(wall.shadowRoot!, { childList: true, subtree: true });
    await loaded(wall);
    await until(() => wall.shownIdeas.length === 160, 'the whole list');
    observer.disconnect();
    record();
    expect(drawn.map((ids) => ids.length)).to.deep.equal([30, 160]);
    expect(drawn[0]).to.deep.equal(drawn[1]!.slice(0, 30)); // the newest, in the order the whole list has them
    expect(wall.shownIdeas).to.have.length(160);
    const cards = () => wall.shadowRoot!.querySelectorAll('[part~="item"]').length;
    await until(() => cards() > 0, 'the first cards');
    expect(cards()).to.be.below(160);
    await settled(wall);
    await expect(wall).to.be.accessible();
  });
});
