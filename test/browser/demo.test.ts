/**
 * The demo page, as the server serves it: its real HTML and script, against the reference
 * server, through the data layer.
 */
import { expect } from '@open-wc/testing';
import { getApi } from '../../src/api/registry.js';
import { demoInfo, until } from './helpers/server.js';

describe('demo page', () => {
  let page: Document;
  let main: HTMLElement;

  before(async () => {
    const source = await (await fetch('/demo/index.html')).text();
    page = new DOMParser().parseFromString(source, 'text/html');
    main = document.importNode(page.querySelector('main')!, true);
    document.body.append(main);
    await import('../../demo/index.js');
  });
  after(() => main.remove());

  it('works under a strict CSP: no inline script, handler or style', () => {
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
    expect([...page.querySelectorAll('script')].map((s) => s.getAttribute('src'))).to.include('/dist/demo/index.js');
    expect(page.documentElement.lang).to.equal('ko');
  });

  it('shows the live forum’s ideas and adds a new one as it is posted', async () => {
    const { demo } = await demoInfo();
    const section = main.querySelector<HTMLElement>('#live-section')!;
    await until(() => !section.hidden && section.querySelector('#live-state')!.textContent === '실시간 연결됨', 'the live panel');
    // a phone of its own (its own install key): other test files join the demo forum from this browser too
    const installKey = crypto.randomUUID().replace(/-/g, '');
    const session = await getApi('/api').join(demo.liveForumId, { joinCode: demo.joinCode, table: 2, installKey });
    const text = `데모 페이지에 바로 보이는 제안 ${Date.now()}`;
    await getApi('/api', session.token).postIdea(demo.liveForumId, { text });
    const first = await until(() => section.querySelector('#live-ideas li .idea__text'), 'an idea');
    await until(() => section.querySelector('#live-ideas li .idea__text')!.textContent === text, 'the new idea on top');
    expect(first).to.exist;
    expect(section.querySelector('#live-ideas li .idea__meta')!.textContent).to.contain('2번 테이블');
  });
});
