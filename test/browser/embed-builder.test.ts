/**
 * The embed builder for web editors (`/demo/embed.html`), as the server serves it: its real HTML
 * and script against the reference server. The editor picks a widget and its settings with the
 * keyboard; the preview is the real element, and the snippet is exactly what to paste.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/hd-forum-calendar.js';
import '../../src/define/hd-result-summary.js';
import '../../src/define/hd-signup-form.js';
import type { Forum, ForumPage } from '../../src/api/types.js';
import { demoInfo, until } from './helpers/server.js';

describe('embed builder', () => {
  let page: Document;
  let main: HTMLElement;
  const $ = <T extends HTMLElement>(sel: string) => main.querySelector<T>(sel)!;
  const snippet = () => $('#snippet').textContent!;
  /** The snippet as a browser reads it: its one widget element. */
  const pasted = () => new DOMParser().parseFromString(snippet(), 'text/html').querySelector<HTMLElement>('[api-base]')!;
  const shown = () => $('#preview').firstElementChild as HTMLElement;
  const attrs = (el: Element) => Object.fromEntries([...el.attributes].filter((a) => a.name !== 'api-base' && a.name !== 'style').map((a) => [a.name, a.value]));
  const choose = (sel: string, value: string) => {
    const field = $<HTMLSelectElement | HTMLInputElement>(sel);
    field.value = value;
    field.dispatchEvent(new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
    if (!(field instanceof HTMLSelectElement)) field.dispatchEvent(new Event('change', { bubbles: true }));
  };

  before(async () => {
    const source = await (await fetch('/demo/embed.html')).text();
    page = new DOMParser().parseFromString(source, 'text/html');
    main = document.importNode(page.querySelector('main')!, true);
    document.body.append(main);
    await import('../../demo/embed.js');
  });
  after(() => main.remove());

  it('is linked from the demo home and runs under the strict CSP (no inline script, handler or style)', async () => {
    const home = new DOMParser().parseFromString(await (await fetch('/demo/index.html')).text(), 'text/html');
    expect([...home.querySelectorAll('a')].map((a) => a.getAttribute('href'))).to.include('/demo/embed.html');
    for (const script of page.querySelectorAll('script')) expect(script.getAttribute('src'), 'external').to.be.a('string');
    for (const node of page.querySelectorAll('*')) {
      for (const attr of node.attributes) {
        expect(attr.name.startsWith('on'), `${node.tagName} ${attr.name}`).to.equal(false);
        expect(attr.name, node.tagName).to.not.equal('style');
      }
    }
    expect(page.documentElement.lang).to.equal('ko');
  });

  it('starts with the calendar: a live preview, the exact snippet and the server line; accessible', async () => {
    await until(() => shown()?.localName === 'hd-forum-calendar', 'the preview');
    await until(() => shown().shadowRoot?.querySelector('[role="grid"][aria-busy="false"], [part="list"]'), 'the calendar drawn');
    const origin = location.origin;
    expect(snippet()).to.equal(
      [
        `<link rel="stylesheet" href="${origin}/dist/cdn/hyeondap.css" />`,
        `<script type="module" src="${origin}/dist/cdn/hyeondap.js"></script>`,
        `<hd-forum-calendar api-base="${origin}/api"></hd-forum-calendar>`,
      ].join('\n'),
    );
    expect($('#server-line').textContent).to.equal('HD_CORS_ORIGINS=https://www.우리-사이트.example');
    await expect(main).to.be.accessible();
  });

  it('follows the editor’s choices: district, view, language, theme and the site’s origin', async () => {
    await until(() => $<HTMLSelectElement>('#district').options.length > 5, 'the districts');
    choose('#district', '호평동');
    choose('#view', 'list');
    choose('#lang', 'en');
    choose('#accent', '#a63d1c');
    choose('#site', 'https://www.hopyeong.example/community/forums.html?x=1');
    const el = pasted();
    expect(el.localName).to.equal('hd-forum-calendar');
    expect(el.getAttribute('api-base')).to.equal(`${location.origin}/api`);
    expect(attrs(el)).to.deep.equal({ district: '호평동', view: 'list', lang: 'en' });
    expect(attrs(shown()), 'the preview has the same settings').to.deep.equal(attrs(el));
    expect(snippet()).to.contain('hd-forum-calendar {\n    --hd-color-accent: #a63d1c;\n  }');
    expect(shown().style.getPropertyValue('--hd-color-accent')).to.equal('#a63d1c');
    expect($('#server-line').textContent, 'the origin, without path or query').to.equal('HD_CORS_ORIGINS=https://www.hopyeong.example');
    await until(() => shown().shadowRoot?.querySelector('[part="list"]:not(.skeleton), [part="notice"]'), 'the English list');
    expect(shown().shadowRoot!.querySelector('.views button[aria-pressed="true"]')!.textContent).to.equal('List');
    choose('#accent', '#1d5fbf');
    expect(snippet(), 'the default theme needs no style').to.not.contain('<style>');
    choose('#district', '');
    choose('#lang', 'ko');
  });

  it('with the keyboard: the signup form for a forum that takes signups', async () => {
    const calendar = $<HTMLInputElement>('input[name="widget"][value="hd-forum-calendar"]');
    calendar.focus();
    await sendKeys({ press: 'ArrowDown' }); // the next radio: 참가 신청
    expect($<HTMLInputElement>('input[name="widget"]:checked').value).to.equal('hd-signup-form');
    const select = await until(() => !$('#forum-field').hidden && $<HTMLSelectElement>('#forum').options.length > 1 && $<HTMLSelectElement>('#forum'), 'the forums');
    const open = (await (await fetch(`${(await demoInfo()).apiBase}/forums?status=announced,open,full&limit=100`)).json()) as ForumPage;
    const rank = ['open', 'full', 'announced'];
    const expected = open.items.sort((a: Forum, b: Forum) => rank.indexOf(a.status) - rank.indexOf(b.status) || a.startsAt.localeCompare(b.startsAt));
    expect([...select.options].map((o) => o.value), 'open forums first, the soonest first').to.deep.equal(expected.map((f) => f.id));
    expect($('#district-field').hidden, 'no district for one forum').to.equal(true);
    select.focus();
    await sendKeys({ press: 'ArrowDown' });
    await until(() => pasted().getAttribute('forum-id') === select.value, 'the snippet');
    expect(attrs(pasted())).to.deep.equal({ 'forum-id': select.value });
    expect(shown().localName).to.equal('hd-signup-form');
    expect(shown().getAttribute('forum-id')).to.equal(select.value);
    await expect(main).to.be.accessible();
  });

  it('the results: one forum, or without one the whole programme', async () => {
    $<HTMLInputElement>('input[name="widget"][value="hd-result-summary"]').click();
    const select = await until(() => $<HTMLSelectElement>('#forum').options[0]?.value === '' && $<HTMLSelectElement>('#forum'), 'the reported forums');
    expect(attrs(pasted())).to.deep.equal({});
    expect(shown().localName).to.equal('hd-result-summary');
    choose('#forum', select.options[1]!.value);
    expect(attrs(pasted())).to.deep.equal({ 'forum-id': select.options[1]!.value });
    await expect(main).to.be.accessible();
  });
});
