/**
 * The demo page, as the server serves it: its real HTML and script, against the reference
 * server, through the data layer.
 */
import { expect } from '@open-wc/testing';
import { getApi } from '../../src/api/registry.js';
import '../../src/define/hd-provider.js';
import '../../src/define/hd-idea-wall.js';
import type { HdIdeaWall } from '../../src/elements/idea-wall/idea-wall.js';
import { demoInfo, until } from './helpers/server.js';

/** A demo page's HTML as the server sends it. */
async function source(path: string): Promise<Document> {
  return new DOMParser().parseFromString(await (await fetch(path)).text(), 'text/html');
}

/** No inline script, handler or style (the server's CSP allows none), and the page's own script. */
function strictCsp(page: Document, script: string): void {
  for (const el of page.querySelectorAll('script')) {
    expect(el.getAttribute('src'), 'every script is external').to.be.a('string');
    expect(el.textContent!.trim()).to.equal('');
  }
  for (const node of page.querySelectorAll('*')) {
    for (const attr of node.attributes) {
      expect(attr.name.startsWith('on'), `${node.tagName} ${attr.name}`).to.equal(false);
      expect(attr.name, node.tagName).to.not.equal('style');
    }
  }
  expect([...page.querySelectorAll('script')].map((s) => s.getAttribute('src'))).to.include(script);
  expect(page.documentElement.lang).to.equal('ko');
}

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

describe('venue pages: a chooser and one page per screen', () => {
  /** Puts a page's <main> into the test document and runs its script. */
  async function mount(path: string, script: () => Promise<unknown>): Promise<{ page: Document; main: HTMLElement }> {
    const page = await source(path);
    const main = document.importNode(page.querySelector('main')!, true);
    document.body.append(main);
    await script();
    return { page, main };
  }

  it('the chooser links the three screens and asks for nothing', async () => {
    const { page, main } = await mount('/demo/venue.html', () => import('../../demo/venue.js'));
    try {
      strictCsp(page, '/dist/demo/venue.js');
      const links = [...main.querySelectorAll<HTMLAnchorElement>('.roles a')].map((a) => a.getAttribute('href'));
      expect(links).to.deep.equal(['/demo/venue-participant.html', '/demo/venue-facilitator.html', '/demo/venue-projector.html']);
      expect(main.querySelectorAll('input, form')).to.have.length(0);
      const { demo } = await demoInfo();
      const forum = await getApi('/api').getForum(demo.liveForumId);
      await until(() => main.querySelector('#forum-line')!.textContent!.startsWith(forum.title), 'the live forum');
      await expect(main).to.be.accessible();
    } finally {
      main.remove();
    }
  });

  it('the phone page is the participant wall of the live forum, and asks for no token', async () => {
    const { page, main } = await mount('/demo/venue-participant.html', () => import('../../demo/venue-participant.js'));
    try {
      strictCsp(page, '/dist/demo/venue-participant.js');
      expect(page.querySelectorAll('input[type="password"]')).to.have.length(0);
      const { demo } = await demoInfo();
      const wall = main.querySelector<HdIdeaWall>('#participant')!;
      await until(() => wall.forumId === demo.liveForumId, 'the live forum');
      await until(() => wall.shadowRoot?.querySelector('form.join'), 'the join form');
      await expect(main).to.be.accessible();
    } finally {
      main.remove();
    }
  });

  it('the facilitator page asks for the token, keeps it in this tab only, and folds the form away', async () => {
    const { page, main } = await mount('/demo/venue-facilitator.html', () => import('../../demo/venue-facilitator.js'));
    try {
      strictCsp(page, '/dist/demo/venue-facilitator.js');
      const { demo } = await demoInfo();
      const box = main.querySelector<HTMLDetailsElement>('#setup-box')!;
      expect(box.open).to.equal(true);
      await expect(main).to.be.accessible();
      main.querySelector<HTMLInputElement>('#token')!.value = demo.facilitatorToken;
      main.querySelector<HTMLButtonElement>('#setup button[type="submit"]')!.click();
      expect(box.open).to.equal(false);
      expect(main.querySelector('#token-state')!.textContent).to.equal('토큰을 적용했습니다.');
      expect(location.href).to.not.contain(demo.facilitatorToken);
      expect(Object.values(localStorage)).to.not.include(demo.facilitatorToken);
      const wall = main.querySelector<HdIdeaWall>('#facilitator')!;
      await until(() => wall.shadowRoot?.textContent?.includes('투표'), 'the facilitator tools');
      main.querySelector<HTMLButtonElement>('#forget')!.click();
      expect(box.open).to.equal(true);
      expect(sessionStorage.getItem('hd-venue-demo:facilitator-token')).to.equal(null);
    } finally {
      main.remove();
    }
  });

  it('the projector page is the projector wall alone, with no page chrome', async () => {
    const { page, main } = await mount('/demo/venue-projector.html', () => import('../../demo/venue-projector.js'));
    try {
      strictCsp(page, '/dist/demo/venue-projector.js');
      expect(page.querySelectorAll('header, footer, nav, input')).to.have.length(0);
      const wall = main.querySelector<HdIdeaWall>('#projector')!;
      expect(wall.getAttribute('join-href')).to.equal(`${location.origin}/demo/venue-participant.html?code={code}&table={table}`);
      const { demo } = await demoInfo();
      await until(() => wall.forumId === demo.liveForumId, 'the live forum');
      await expect(main).to.be.accessible();
    } finally {
      main.remove();
    }
  });
});
