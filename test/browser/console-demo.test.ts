/**
 * The operator console demo page (`/demo/console.html`), as the server serves it: its real HTML and
 * script. It runs under the strict CSP, the demo home links to it, its two tools are tabs a
 * keyboard moves between, and the results tab's public summary follows the forum the results
 * editor opens.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/hd-provider.js';
import '../../src/define/hd-forum-editor.js';
import '../../src/define/hd-results-editor.js';
import '../../src/define/hd-result-summary.js';
import { HdEditorForumSelectEvent } from '../../src/events/editor-forum-select.js';
import { until } from './helpers/server.js';

describe('operator console demo page', () => {
  let page: Document;
  let main: HTMLElement;

  before(async () => {
    const source = await (await fetch('/demo/console.html')).text();
    page = new DOMParser().parseFromString(source, 'text/html');
    main = document.importNode(page.querySelector('main')!, true);
    document.body.append(main);
    await import('../../demo/console.js');
  });
  after(() => {
    main.remove();
    history.replaceState(null, '', location.pathname + location.search);
  });

  it('works under a strict CSP (no inline script, handler or style) and the demo home links to it', async () => {
    for (const script of page.querySelectorAll('script')) {
      expect(script.getAttribute('src'), 'every script is external').to.be.a('string');
      expect(script.textContent!.trim()).to.equal('');
    }
    for (const node of page.querySelectorAll('*')) {
      for (const attr of node.attributes) {
        expect(attr.name.startsWith('on'), `${node.tagName} ${attr.name}`).to.equal(false);
        expect(attr.name, node.tagName).to.not.equal('style');
      }
    }
    const scripts = [...page.querySelectorAll('script')].map((s) => s.getAttribute('src')).filter((src) => !src!.startsWith('/__web-dev-server'));
    expect(scripts).to.deep.equal(['/dist/cdn/hyeondap.js', '/dist/demo/console.js']);
    const home = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
    expect([...home.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include('/demo/console.html');
  });

  it('has the two tools as tabs that the arrow keys move between, each with its tool', async () => {
    const tabs = [...main.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(tabs.map((t) => t.textContent)).to.deep.equal(['토론회 준비', '결과와 시 답변']);
    const [forum, results] = ['forum-panel', 'results-panel'].map((id) => main.querySelector<HTMLElement>(`#${id}`)!);
    expect(forum!.querySelector('hd-forum-editor')).to.exist;
    expect(results!.querySelector('hd-results-editor')).to.exist;
    expect([tabs[0]!.getAttribute('aria-selected'), forum!.hidden, results!.hidden]).to.deep.equal(['true', false, true]);
    tabs[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    expect(document.activeElement).to.equal(tabs[1]);
    expect([tabs[1]!.getAttribute('aria-selected'), tabs[1]!.tabIndex, forum!.hidden, results!.hidden]).to.deep.equal(['true', 0, true, false]);
    expect(location.hash).to.equal('#results');
    expect(results!.getAttribute('aria-labelledby')).to.equal('tab-results');
    await sendKeys({ press: 'Home' });
    expect(document.activeElement).to.equal(tabs[0]);
    expect(forum!.hidden).to.equal(false);
    await expect(main).to.be.accessible();
  });

  it('shows the public summary of the forum the results editor opens', async () => {
    const view = main.querySelector<HTMLElement>('#public-view')!;
    expect(view.hidden).to.equal(true);
    main.querySelector('hd-results-editor')!.dispatchEvent(new HdEditorForumSelectEvent({ forumId: 'f-demo' }));
    await until(() => !view.hidden, 'the public view');
    expect(view.querySelector('hd-result-summary')!.getAttribute('forum-id')).to.equal('f-demo');
  });
});
