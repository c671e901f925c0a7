/**
 * Who is told the real cause of a CORS refusal inside the widget: whoever is most likely the
 * page's editor (a preview, or a page on a host the public does not reach). The end-to-end check
 * with two origins is test/e2e/embed-cors.test.ts.
 */
import { expect } from '@open-wc/testing';
import { CorsBlockedError, editorView } from '../../src/api/diagnose.js';
import { NetworkError } from '../../src/api/errors.js';
import { errorMessage } from '../../src/i18n/localize.js';
import { en } from '../../src/i18n/en.js';
import { ko } from '../../src/i18n/ko.js';

const at = (url: string) => {
  const u = new URL(url);
  return { hostname: u.hostname, search: u.search, protocol: u.protocol };
};

describe('CORS diagnosis', () => {
  it('takes a preview or a non-public host for an editor’s view, a public site for residents', () => {
    for (const url of ['http://localhost:5173/', 'http://127.0.0.1:8080/x', 'http://[::1]:3000/', 'http://cms.local/', 'http://site.test/', 'http://10.1.2.3/', 'http://192.168.0.7/', 'http://172.20.0.2/', 'https://www.namyangju.go.kr/?hd-preview', 'https://x.example/?a=1&hd-preview=1']) {
      expect(editorView(at(url)), url).to.equal(true);
    }
    for (const url of ['https://www.namyangju.go.kr/', 'https://partner.example/forums?forum=1', 'http://172.32.0.1/', 'https://localhost.example.com/']) {
      expect(editorView(at(url)), url).to.equal(false);
    }
  });

  it('tells editors the page’s origin and HD_CORS_ORIGINS, and residents the usual outage message', () => {
    const init = { status: 0, code: 'cors-blocked', title: 'blocked' };
    const forEditors = new CorsBlockedError(init, 'https://partner.example', 'https://forums.example', true);
    const forResidents = new CorsBlockedError(init, 'https://partner.example', 'https://forums.example', false);
    expect(forEditors.transient, 'retrying cannot help').to.equal(false);
    expect(forEditors).to.be.instanceOf(NetworkError);
    for (const m of [ko, en]) {
      const text = errorMessage(forEditors, m);
      expect(text).to.contain('HD_CORS_ORIGINS=https://partner.example');
      expect(text).to.contain('https://forums.example');
      expect(errorMessage(forResidents, m)).to.equal(m.errors.network);
      expect(text.startsWith(m.locale === 'ko' ? '[편집자 안내]' : '[For editors]'), text).to.equal(true);
    }
  });
});
