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

  it('lists the seeded forums with date in Asia/Seoul, place, status and seats', async () => {
    const { demo } = await demoInfo();
    const item = await until(() => main.querySelector<HTMLElement>(`[data-forum-id="${demo.openForumId}"]`), 'the open forum');
    const forum = await getApi('/api').getForum(demo.openForumId);
    expect(item.querySelector('h3')!.textContent).to.equal(forum.title);
    expect(item.textContent).to.contain(forum.district);
    expect(item.textContent).to.contain(forum.venue.name);
    expect(item.textContent).to.match(/\d{4}년 \d{1,2}월 \d{1,2}일 \([월화수목금토일]\) (오전|오후) \d{1,2}:\d{2}/);
    expect(item.querySelector('.badge')!.textContent).to.be.oneOf(['모집 중', '마감 임박']);
    expect(item.querySelector('.seats')!.textContent).to.match(/^잔여 [\d,]+석$|^잔여 좌석 없음$/);
    expect(item.querySelector('a.ics')!.getAttribute('href')).to.equal(`${location.origin}/api/forums/${demo.openForumId}/calendar.ics`);
    expect(main.querySelector('#upcoming-status')!.textContent).to.match(/다가오는 토론회 \d+건/);
    await until(() => main.querySelector('#past-list li'), 'past forums');
    expect(main.querySelector('#past-list .badge')!.textContent).to.be.oneOf(['종료', '결과 공개']);
    await expect(main).to.be.accessible();
  });

  it('shows the live forum’s ideas and adds a new one as it is posted', async () => {
    const { demo } = await demoInfo();
    const section = main.querySelector<HTMLElement>('#live-section')!;
    await until(() => !section.hidden && section.querySelector('#live-state')!.textContent === '실시간 연결됨', 'the live panel');
    const session = await getApi('/api').join(demo.liveForumId, { joinCode: demo.joinCode, table: 2 });
    const text = `데모 페이지에 바로 보이는 제안 ${Date.now()}`;
    await getApi('/api', session.token).postIdea(demo.liveForumId, { text });
    const first = await until(() => section.querySelector('#live-ideas li .idea__text'), 'an idea');
    await until(() => section.querySelector('#live-ideas li .idea__text')!.textContent === text, 'the new idea on top');
    expect(first).to.exist;
    expect(section.querySelector('#live-ideas li .idea__meta')!.textContent).to.contain('2번 테이블');
  });
});
