// PartsController and fetchPart (src/controllers/parts.ts) on their own, in a bare element: each
// part's "module" is a promise the test settles itself, so nothing here depends on timing.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement, css, type CSSResult } from 'lit';
import { PartsController, fetchPart, part, type Part } from '../../src/controllers/parts.js';

interface Module {
  styles: CSSResult;
  label: string;
}

/** A part whose every fetch waits for the test: `loads` counts them, `settle` ends the newest. */
function controlledPart() {
  const fetches: { resolve: (m: Module) => void; reject: (e: unknown) => void }[] = [];
  const lazyPart: Part<Module> = part(() => new Promise<Module>((resolve, reject) => fetches.push({ resolve, reject })));
  return {
    lazyPart,
    get loads() {
      return fetches.length;
    },
    land: (label: string) => fetches.at(-1)!.resolve({ label, styles: css`.from-part { outline: 3px solid rgb(1, 2, 3); }` }),
    fail: () => fetches.at(-1)!.reject(new TypeError('Failed to fetch dynamically imported module')),
  };
}

class TestParts extends LitElement {
  readonly parts = new PartsController(this);
  /** The part this element shows, and whether it only fetches it ahead of need. */
  shown: Part<Module> | undefined;
  ahead = false;
  module: Module | undefined;

  protected override willUpdate(): void {
    this.module = this.shown && this.parts.need(this.shown, this.ahead);
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.parts.updateComplete(() => super.getUpdateComplete());
  }

  override render() {
    const failed = this.shown && this.parts.failed(this.shown);
    if (failed) return html`<div role="alert"><button>retry</button></div>`;
    return html`<p class="from-part">${this.module?.label ?? 'loading'}</p><input id="elsewhere" />`;
  }
}
customElements.define('test-parts', TestParts);

const text = (el: TestParts) => el.shadowRoot!.querySelector('p')?.textContent;
const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('fetchPart', () => {
  it('fetches a part once per page, and again after a failed fetch', async () => {
    const p = controlledPart();
    const first = fetchPart(p.lazyPart);
    const second = fetchPart(p.lazyPart);
    expect(p.loads).to.equal(1);
    p.fail();
    await Promise.allSettled([first, second]);
    const retried = fetchPart(p.lazyPart);
    expect(p.loads).to.equal(2);
    p.land('in');
    expect((await retried).label).to.equal('in');
    expect(p.lazyPart.value?.label).to.equal('in');
    await fetchPart(p.lazyPart);
    expect(p.loads).to.equal(2);
  });
});

describe('PartsController', () => {
  it('renders again when a needed part lands, adopts its styles, and updateComplete waits for it', async () => {
    const p = controlledPart();
    const el = await fixture<TestParts>(html`<test-parts></test-parts>`);
    el.shown = p.lazyPart;
    el.requestUpdate();
    let done = false;
    const complete = el.updateComplete.then(() => (done = true));
    await flush();
    expect(text(el)).to.equal('loading');
    expect(done).to.equal(false); // waits for the part
    p.land('the part');
    await complete;
    expect(text(el)).to.equal('the part');
    expect(getComputedStyle(el.shadowRoot!.querySelector('p')!).outlineColor).to.equal('rgb(1, 2, 3)');
    expect(el.shadowRoot!.querySelectorAll('style')).to.have.length(0); // adopted, not a <style>
  });

  it('keeps a failure (no new fetch on later renders) until retry, which fetches it again', async () => {
    const p = controlledPart();
    const el = await fixture<TestParts>(html`<test-parts></test-parts>`);
    el.shown = p.lazyPart;
    el.requestUpdate();
    await flush();
    p.fail();
    await el.updateComplete;
    expect(el.parts.failed(p.lazyPart)).to.be.instanceOf(TypeError);
    expect(el.shadowRoot!.querySelector('[role=alert]')).to.exist;
    el.requestUpdate();
    await el.updateComplete;
    expect(p.loads).to.equal(1);

    el.parts.retry(p.lazyPart, 'p');
    await flush();
    expect(p.loads).to.equal(2);
    p.land('back');
    await el.updateComplete;
    expect(el.parts.failed(p.lazyPart)).to.equal(undefined);
    expect(text(el)).to.equal('back');
  });

  it('forget() lets the next render fetch every failed part again', async () => {
    const p = controlledPart();
    const el = await fixture<TestParts>(html`<test-parts></test-parts>`);
    el.shown = p.lazyPart;
    el.requestUpdate();
    await flush();
    p.fail();
    await el.updateComplete;
    el.parts.forget();
    el.requestUpdate();
    await flush();
    expect(p.loads).to.equal(2);
  });

  it('does not wait for a part fetched ahead of need, nor keep its failure', async () => {
    const p = controlledPart();
    const el = await fixture<TestParts>(html`<test-parts></test-parts>`);
    el.shown = p.lazyPart;
    el.ahead = true;
    el.requestUpdate();
    await el.updateComplete; // resolves while the part is still on its way
    expect(p.loads).to.equal(1);
    expect(text(el)).to.equal('loading');
    p.fail();
    await flush();
    expect(el.parts.failed(p.lazyPart)).to.equal(undefined);
  });

  it('after a retry, focuses the retry button if it failed again, else the selector, unless the person moved on', async () => {
    const p = controlledPart();
    const el = await fixture<TestParts>(html`<test-parts></test-parts>`);
    el.shown = p.lazyPart;
    el.requestUpdate();
    await flush();
    p.fail();
    await el.updateComplete;

    el.parts.retry(p.lazyPart, 'input');
    await flush();
    p.fail(); // fails again: the new retry button gets the keyboard
    await el.updateComplete;
    await flush();
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('[role=alert] button'));

    el.parts.retry(p.lazyPart, 'input');
    await flush();
    p.land('in');
    await el.updateComplete;
    await flush();
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.querySelector('input'));

    // The person has put the keyboard somewhere: a later retry leaves it there.
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      outside.focus();
      el.parts.focus('input');
      await el.updateComplete;
      await flush();
      expect(document.activeElement).to.equal(outside);
    } finally {
      outside.remove();
    }
  });
});
