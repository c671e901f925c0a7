import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/define/hd-idea-wall.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { registryDefaults, resetRegistry } from '../../../src/api/registry.js';
import { getLiveStream } from '../../../src/api/live-registry.js';
import type { Idea, IdeaPage } from '../../../src/api/types.js';
import { settled, forget, liveForum, loaded, openOptions, participant, shadow, text, until, type LiveForum } from './helpers.js';
import { admin } from '../helpers/server.js';

/** The browser's EventSource, kept so a test can drop it as a network failure would (a fault the server can't make). */
class DroppableEventSource extends EventSource {
  static instances: DroppableEventSource[] = [];
  constructor(url: string) {
    super(url);
    DroppableEventSource.instances.push(this);
  }
  drop(): void {
    this.close();
    this.dispatchEvent(new Event('error'));
  }
}

const count = (el: HdIdeaWall, texts: string[]) => el.shownIdeas.filter((i) => texts.includes(i.text)).length;

describe('<hd-idea-wall> live: nothing is lost', () => {
  let lf: LiveForum;
  before(async () => {
    lf = await liveForum();
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
    DroppableEventSource.instances = [];
    // A dropped stream waits for "online" (or a minute) before it reconnects, so the ideas below
    // are really posted while the wall is cut off.
    registryDefaults.stream = { eventSource: DroppableEventSource, backoffMs: 60_000, maxBackoffMs: 60_000 };
  });
  afterEach(() => {
    resetRegistry();
    registryDefaults.stream = {};
    registryDefaults.client = {};
  });

  const wall = () => fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id} join-code=${lf.forum.joinCode} table="1"></hd-idea-wall>`);

  it('after the stream drops, shows every idea posted meanwhile once it is back, none twice', async () => {
    const el = await wall();
    await loaded(el);
    await until(() => el.matches(':state(live)'), 'live');
    const before = el.shownIdeas.length;
    DroppableEventSource.instances.at(-1)!.drop();
    await until(() => text(el).includes('연결이 끊겨 다시 연결하는 중입니다'), 'the wall says it is reconnecting');
    await settled(el);
    await expect(el).to.be.accessible();

    const p = await participant(lf, 3);
    const texts: string[] = [];
    for (let i = 0; i < 20; i++) {
      texts.push(`끊긴 동안 올라온 제안 ${i} ${Date.now()}`);
      await p.post(texts[i]!);
    }
    expect(count(el, texts)).to.equal(0); // really cut off
    window.dispatchEvent(new Event('online')); // the phone is back
    await until(() => count(el, texts) === 20, 'all 20 ideas');
    await new Promise((r) => setTimeout(r, 300)); // a late duplicate would show by now
    expect(count(el, texts)).to.equal(20);
    expect(new Set(el.shownIdeas.map((i) => i.id)).size).to.equal(el.shownIdeas.length);
    expect(el.shownIdeas.length).to.equal(before + 20);
    const resumed = new URL(DroppableEventSource.instances.at(-1)!.url);
    expect(resumed.searchParams.get('lastEventId')).to.match(/^\d+$/); // resumed, not started afresh
  });

  it('refetches after a reset (the resume point is unknown to the server)', async () => {
    const el = await wall();
    await loaded(el);
    await until(() => el.matches(':state(live)'), 'live');
    DroppableEventSource.instances.at(-1)!.drop();
    const p = await participant(lf, 2);
    const missed = await p.post(`리셋 동안 올라온 제안 ${Date.now()}`);
    getLiveStream(lf.apiBase, lf.forum.id).advanceTo('999999999999');
    window.dispatchEvent(new Event('online'));
    await until(() => el.shownIdeas.some((i) => i.id === missed.id), 'the idea refetched after the reset');
  });

  it('queues an idea written offline on the device and sends it once when back', async () => {
    let offline = true;
    registryDefaults.client = {
      retries: 0,
      fetch: async (input, init) => {
        const url = String(input);
        if (offline && init?.method === 'POST' && url.endsWith('/ideas')) {
          // The worst case: the request reached the server, the answer was lost.
          await fetch(input, init);
          throw new TypeError('Failed to fetch');
        }
        return fetch(input, init);
      },
    };
    const el = await wall();
    await loaded(el);
    await until(() => shadow(el, 'textarea'), 'the composer');
    const idea = `오프라인에서 쓴 제안 ${Date.now()}`;
    const area = shadow<HTMLTextAreaElement>(el, 'textarea')!;
    area.value = idea;
    area.dispatchEvent(new InputEvent('input'));
    await el.updateComplete;
    shadow<HTMLButtonElement>(el, '.composer button[type=submit]')!.click();
    await until(() => text(el).includes('연결 대기 중'), 'the queued idea');
    expect(text(el)).to.contain('인터넷 연결이 끊겨 제안을 보관했습니다.');
    await settled(el);
    await expect(el).to.be.accessible();
    const stored = Object.entries(localStorage).find(([k]) => k.startsWith('hd-idea-wall:outbox:') && k.endsWith(lf.forum.id));
    expect(stored?.[1]).to.contain(idea);

    // A reload while offline keeps it.
    el.remove();
    resetRegistry();
    const again = await wall();
    await loaded(again);
    await until(() => text(again).includes('연결 대기 중'), 'the idea still queued after a reload');

    offline = false;
    window.dispatchEvent(new Event('online'));
    await until(() => !shadow(again, '.pending'), 'the queue sent');
    await until(() => again.shownIdeas.some((i) => i.text === idea), 'the idea shown');
    expect(Object.keys(localStorage).some((k) => k.startsWith('hd-idea-wall:outbox:') && k.endsWith(lf.forum.id))).to.equal(false);
    const page = (await (await fetch(`${lf.apiBase}/forums/${lf.forum.id}/ideas?limit=1000`)).json()) as IdeaPage;
    expect(page.items.filter((i: Idea) => i.text === idea)).to.have.length(1); // once, though it reached the server twice
    expect(again.shownIdeas.filter((i) => i.text === idea)).to.have.length(1);
  });

  it('pauses: the wall stands still while ideas keep arriving, and "새 제안 N건" resumes it', async () => {
    const el = await wall();
    await loaded(el);
    await until(() => el.matches(':state(live)'), 'live');
    const p0 = await participant(lf, 3);
    const rude = await p0.post(`곧 숨겨질 글 ${Date.now()}`);
    await until(() => el.shownIdeas.some((i) => i.id === rude.id), 'the idea before pausing');
    await openOptions(el); // a phone keeps the pause control with the filters, behind a disclosure
    shadow<HTMLButtonElement>(el, 'button.pause')!.click();
    await el.updateComplete;
    expect(shadow(el, 'button.pause')!.getAttribute('aria-pressed')).to.equal('true');
    await settled(el);
    await expect(el).to.be.accessible();
    const still = el.shownIdeas.map((i) => i.id);
    const p = await participant(lf, 4);
    const a = await p.post(`멈춘 동안 1 ${Date.now()}`);
    const b = await p.post(`멈춘 동안 2 ${Date.now()}`);
    await until(() => shadow(el, 'button.resume')?.textContent?.trim() === '새 제안 2건', 'the count of new ideas');
    expect(el.shownIdeas.map((i) => i.id)).to.deep.equal(still);
    // Moderation still reaches a paused wall: a hidden idea goes.
    await admin('PATCH', `/forums/${lf.forum.id}/ideas/${rude.id}`, { status: 'hidden' });
    await until(() => !el.shownIdeas.some((i) => i.id === rude.id), 'the hidden idea gone while paused');
    expect(el.shownIdeas.map((i) => i.id)).to.deep.equal(still.filter((id) => id !== rude.id));
    shadow<HTMLButtonElement>(el, 'button.resume')!.click();
    await until(() => el.shownIdeas.some((i) => i.id === a.id) && el.shownIdeas.some((i) => i.id === b.id), 'the wall moves again');
    expect(shadow(el, 'button.pause')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('starts paused when the page says so: it holds still on the ideas of its first load, not on an empty wall', async () => {
    const p = await participant(lf, 2);
    const first = await p.post(`멈춘 채 시작 ${Date.now()}`);
    const el = await fixture<HdIdeaWall>(html`<hd-idea-wall api-base=${lf.apiBase} forum-id=${lf.forum.id} paused></hd-idea-wall>`);
    await loaded(el);
    expect(el.shownIdeas.some((i) => i.id === first.id)).to.equal(true);
    const later = await p.post(`멈춘 뒤 ${Date.now()}`);
    await until(() => shadow(el, 'button.resume')?.textContent?.trim() === '새 제안 1건', 'the count of new ideas');
    expect(el.shownIdeas.some((i) => i.id === later.id)).to.equal(false);
  });

  it('announces new ideas politely in summaries, not one per idea, and not for votes', async () => {
    const el = await wall();
    await loaded(el);
    await until(() => el.matches(':state(live)'), 'live');
    const region = shadow(el, '[aria-live="polite"]')!;
    const said: string[] = [];
    new MutationObserver(() => region.textContent!.trim() && said.push(region.textContent!.trim())).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
    const p = await participant(lf, 2);
    const ideas: Idea[] = [];
    for (let i = 0; i < 5; i++) ideas.push(await p.post(`알림 시험 제안 ${i} ${Date.now()}`));
    const total = () => said.reduce((n, s) => n + Number(/새 제안 (\d+)건/.exec(s)?.[1] ?? 0), 0);
    await until(() => total() === 5, 'every new idea announced', 12_000);
    expect(said.length).to.be.below(5);
    for (const s of said) expect(s).to.match(/^새 제안 \d+건이 올라왔습니다\.$/);
    const n = said.length;
    await p.vote(ideas[0]!.id);
    await until(() => el.shownIdeas.find((i) => i.id === ideas[0]!.id)?.votes === 1, 'the vote shown');
    await new Promise((r) => setTimeout(r, 1_200));
    expect(said.length).to.equal(n);
  });
});
