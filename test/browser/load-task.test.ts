// LoadTask (src/controllers/load-task.ts) on its own, in a bare element: each test decides when a
// run's promise settles (as Lit's own task_test.ts does), so nothing here depends on timing.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LoadTask, nothingToLoad } from '../../src/controllers/load-task.js';

/** One run of the task function: its arguments, its signal, and how the test settles it. */
interface Run {
  args: readonly [string, number];
  signal: AbortSignal;
  resolve: (value: string | typeof nothingToLoad) => void;
  reject: (error: unknown) => void;
}

class TestLoadTask extends LitElement {
  @property() name = 'a';
  @property({ type: Number }) page = 1;
  readonly runs: Run[] = [];
  readonly task = new LoadTask(this, {
    args: () => [this.name, this.page] as const,
    task: (args, { signal }) =>
      new Promise<string | typeof nothingToLoad>((resolve, reject) => this.runs.push({ args, signal, resolve, reject })),
  });
  override render() {
    return this.task.render({
      idle: () => html`<p>idle</p>`,
      pending: () => html`<p>pending</p>`,
      complete: (value) => html`<p>complete: ${value}</p>`,
      error: (error) => html`<p>error: ${String(error)}</p>`,
    });
  }
}
customElements.define('test-load-task', TestLoadTask);

const text = (el: TestLoadTask) => el.shadowRoot!.querySelector('p')!.textContent;
/** Lets a settled run's continuation and the update it asks for happen. */
const settle = async (el: TestLoadTask) => {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
};

describe('LoadTask', () => {
  it('runs with the arguments before the first render, then shows the value', async () => {
    const el = await fixture<TestLoadTask>(html`<test-load-task></test-load-task>`);
    expect(el.runs.map((r) => r.args)).to.deep.equal([['a', 1]]);
    expect(el.task.status).to.equal('pending');
    expect(text(el)).to.equal('pending');
    el.runs[0]!.resolve('A1');
    await settle(el);
    expect(el.task.status).to.equal('complete');
    expect(el.task.value).to.equal('A1');
    expect(text(el)).to.equal('complete: A1');
  });

  it('runs again only when an argument changed, compared one by one', async () => {
    const el = await fixture<TestLoadTask>(html`<test-load-task></test-load-task>`);
    el.runs[0]!.resolve('A1');
    await settle(el);
    el.requestUpdate(); // an update with the same arguments
    await el.updateComplete;
    el.name = 'a'; // the same value again
    await el.updateComplete;
    expect(el.runs).to.have.length(1);
    el.page = Number.NaN;
    await el.updateComplete;
    expect(el.runs).to.have.length(2);
    el.requestUpdate(); // NaN is the same as NaN
    await el.updateComplete;
    expect(el.runs).to.have.length(2);
    el.name = 'b';
    await el.updateComplete;
    expect(el.runs.map((r) => r.args[0])).to.deep.equal(['a', 'a', 'b']);
  });

  it('keeps the last value while a new run is pending', async () => {
    const el = await fixture<TestLoadTask>(html`<test-load-task></test-load-task>`);
    el.runs[0]!.resolve('A1');
    await settle(el);
    el.page = 2;
    await el.updateComplete;
    expect(el.task.status).to.equal('pending');
    expect(el.task.value).to.equal('A1');
  });

  it('aborts the run a newer one replaces, and drops its outcome', async () => {
    const el = await fixture<TestLoadTask>(html`<test-load-task></test-load-task>`);
    el.page = 2;
    await el.updateComplete;
    const [first, second] = el.runs;
    expect(first!.signal.aborted).to.equal(true);
    expect(second!.signal.aborted).to.equal(false);
    second!.resolve('A2');
    await settle(el);
    first!.resolve('A1 (too late)');
    await settle(el);
    expect(el.task.value).to.equal('A2');
    expect(text(el)).to.equal('complete: A2');
  });

  it('shows an error, clears the value, and run() tries again with the same arguments', async () => {
    const el = await fixture<TestLoadTask>(html`<test-load-task></test-load-task>`);
    el.runs[0]!.resolve('A1');
    await settle(el);
    void el.task.run();
    el.runs[1]!.reject(new Error('offline'));
    await settle(el);
    expect(el.task.status).to.equal('error');
    expect(el.task.error).to.be.instanceOf(Error);
    expect(el.task.value).to.equal(undefined);
    expect(text(el)).to.equal('error: Error: offline');
    void el.task.run();
    await el.updateComplete;
    expect(el.runs[2]!.args).to.deep.equal(['a', 1]);
    expect(text(el)).to.equal('pending');
  });

  it('goes back to idle when the task says there is nothing to load', async () => {
    const el = await fixture<TestLoadTask>(html`<test-load-task></test-load-task>`);
    el.runs[0]!.resolve(nothingToLoad);
    await settle(el);
    expect(el.task.status).to.equal('idle');
    expect(text(el)).to.equal('idle');
  });
});
