/**
 * A facilitator's moderation by keyboard: merging asks which idea stays and can be undone for a
 * few seconds (the request waits until then), Escape backs out, and every change is confirmed in
 * the wall's status line, a polite live region.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../../src/define/hd-idea-wall.js';
import '../../../src/define/hd-provider.js';
import type { HdIdeaWall } from '../../../src/elements/idea-wall/idea-wall.js';
import { MERGE_UNDO_MS } from '../../../src/elements/idea-wall/facilitator.js';
import { resetRegistry } from '../../../src/api/registry.js';
import type { Idea } from '../../../src/api/types.js';
import { forget, has, liveForum, loaded, participant, reveal, settled, shadow, until, type LiveForum } from './helpers.js';

const active = (el: HdIdeaWall) => el.shadowRoot!.activeElement as HTMLElement | null;
const status = (el: HdIdeaWall) => shadow(el, '.status[role="status"]')!.textContent!.replace(/\s+/g, ' ');
/** Whether the keyboard is on `selector` inside the card of `id`. */
const focusedIn = (el: HdIdeaWall, id: string, selector: string) => () => active(el)?.matches(selector) && active(el)!.closest<HTMLElement>('[data-id]')?.dataset.id === id;

describe('<hd-idea-wall> moderation by keyboard', () => {
  let lf: LiveForum;
  before(async () => {
    await setViewport({ width: 1280, height: 1600 });
    lf = await liveForum({ categories: ['교통', '환경'] });
  });
  beforeEach(() => {
    forget(lf);
    resetRegistry();
  });

  async function facilitatorWall(): Promise<HdIdeaWall> {
    const root = await fixture<HTMLElement>(html`<hd-provider api-base=${lf.apiBase} token=${lf.facilitatorToken}><hd-idea-wall mode="facilitator" forum-id=${lf.forum.id}></hd-idea-wall></hd-provider>`);
    const el = root.querySelector('hd-idea-wall')!;
    await loaded(el);
    return el;
  }

  /** Two ideas, the second posted last (so listed first), both on the wall. */
  async function pair(el: HdIdeaWall, label: string): Promise<[Idea, Idea]> {
    const p = await participant(lf, 2);
    const older = await p.post(`${label} 먼저 ${Date.now()}`);
    const newer = await p.post(`${label} 나중 ${Date.now()}`);
    await until(() => has(el, older.id) && has(el, newer.id), 'both ideas on the wall');
    await reveal(el, newer.id);
    return [older, newer];
  }

  /** From the newer idea: "merge", Tab to the older one's "merge with this", Enter: the question opens. */
  async function askToMerge(el: HdIdeaWall, newer: Idea, older: Idea): Promise<HTMLDialogElement> {
    shadow<HTMLButtonElement>(el, `[data-id="${newer.id}"] button.merge`)!.focus();
    await sendKeys({ press: 'Enter' });
    await until(focusedIn(el, newer.id, '.merge-cancel'), 'the keyboard on the cancel of the idea being merged');
    expect(status(el)).to.contain('함께 합칠 제안을 고르세요');
    await sendKeys({ press: 'Tab' });
    await until(focusedIn(el, older.id, '.merge-with'), 'Tab: the next idea’s "merge with this"');
    await sendKeys({ press: 'Enter' });
    return until(() => shadow<HTMLDialogElement>(el, 'dialog.merge[open]'), 'the question which idea stays');
  }

  const ideaOnServer = async (id: string) => (await (await fetch(`${lf.apiBase}/forums/${lf.forum.id}/ideas/${id}`)).json()) as Idea;

  it('asks which idea stays, takes the answer by keyboard, and the undo by keyboard leaves both ideas as they were', async function () {
    this.timeout(30_000);
    const el = await facilitatorWall();
    const [older, newer] = await pair(el, '되돌릴 합치기');
    const dialog = await askToMerge(el, newer, older);
    // The keyboard is on the choice: the idea picked second stays unless changed.
    await until(() => active(el)?.matches(`input[value="${older.id}"]`), 'the keyboard on the checked choice');
    await settled(el);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'ArrowDown' }); // the first one stays instead
    expect(dialog.querySelector<HTMLInputElement>(`input[value="${newer.id}"]`)!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.textContent?.trim()).to.equal('합치기');
    await sendKeys({ press: 'Enter' });

    await until(() => active(el)?.matches('.merge-bar .undo'), 'the keyboard on the undo');
    expect(shadow(el, 'dialog.merge')).to.equal(null);
    expect(status(el)).to.contain('몇 초 안에는 되돌릴 수 있습니다');
    await settled(el);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await until(() => status(el).includes('합치기를 취소했습니다'), 'the undo confirmed');
    await until(focusedIn(el, older.id, 'button.merge'), 'the keyboard back on the idea that would have gone');
    // The request was never sent: after the undo window both ideas are still there.
    await new Promise((r) => setTimeout(r, MERGE_UNDO_MS + 500));
    expect((await ideaOnServer(older.id)).status).to.equal('visible');
    expect((await ideaOnServer(newer.id)).status).to.equal('visible');
    expect(has(el, older.id) && has(el, newer.id)).to.equal(true);
  });

  it('Escape closes the question: nothing is merged and the keyboard is back where the merge began', async () => {
    const el = await facilitatorWall();
    const [older, newer] = await pair(el, '물러설 합치기');
    await askToMerge(el, newer, older);
    await sendKeys({ press: 'Escape' });
    await until(() => !shadow(el, 'dialog.merge'), 'the question closed');
    await until(focusedIn(el, newer.id, 'button.merge'), 'the keyboard back on "merge" of the idea it began with');
    expect(shadow(el, '.merge-bar')).to.equal(null);
  });

  it('merges once the undo window has passed, keeping the idea the facilitator chose', async function () {
    this.timeout(30_000);
    const el = await facilitatorWall();
    const [older, newer] = await pair(el, '남길 제안 고르기');
    const dialog = await askToMerge(el, newer, older);
    await sendKeys({ press: 'ArrowDown' }); // keep the newer (first) idea
    expect(dialog.querySelector<HTMLInputElement>(`input[value="${newer.id}"]`)!.checked).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await until(() => !has(el, older.id), 'the merged idea gone', MERGE_UNDO_MS + 8_000);
    const merged = await ideaOnServer(older.id);
    expect(merged.status).to.equal('merged');
    expect(merged.mergedInto).to.equal(newer.id);
    await until(() => status(el).includes('제안에 합쳤습니다'), 'the merge confirmed');
  });

  it('confirms hiding, showing again, pinning and categorising in the status line, naming the idea', async () => {
    const el = await facilitatorWall();
    const p = await participant(lf, 3);
    const idea = await p.post(`확인 문구 시험 제안 ${Date.now()}`);
    await until(() => has(el, idea.id), 'the idea');
    const card = () => shadow(el, `[data-id="${idea.id}"]`)!;
    const press = async (label: string) => {
      await reveal(el, idea.id);
      [...card().querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim() === label)!.click();
    };
    const region = shadow(el, '.status')!;
    expect(region.getAttribute('role')).to.equal('status');
    await press('숨기기');
    await until(() => status(el).includes('제안을 숨겼습니다'), 'hiding confirmed');
    expect(status(el)).to.contain('확인 문구 시험 제안');
    await press('다시 보이기');
    await until(() => status(el).includes('다시 보이게 했습니다'), 'showing again confirmed');
    await press('고정하기');
    await until(() => status(el).includes('맨 위에 고정했습니다'), 'pinning confirmed');
    const select = (await reveal(el, idea.id)).querySelector<HTMLSelectElement>('.mod select')!;
    select.value = '환경';
    select.dispatchEvent(new Event('change'));
    await until(() => status(el).includes('‘환경’(으)로 정했습니다'), 'the category confirmed');
    await settled(el);
    await expect(el).to.be.accessible();
  });
});
