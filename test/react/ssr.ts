// Server rendering, as a Next.js (or any React SSR) partner site does it: run in Node by
// react.test.ts (`node --import tsx test/react/ssr.ts`). Importing the React entry where there is
// no document must not throw, and the HTML it renders holds the element tags, ready to upgrade in
// the browser. Prints the HTML.
import { createElement as h } from 'react';
import { renderToString } from 'react-dom/server';
import { HdForumCalendar, HdProvider } from '../../src/react/index.ts';

const html = renderToString(
  h(
    HdProvider,
    { apiBase: 'https://forum.example.kr/api', token: 'hdf_SSR_TOKEN_MUST_NOT_APPEAR' },
    h(HdForumCalendar, { view: 'list', month: '2026-12', id: 'forums', onForumSelect: (e) => e.preventDefault() }),
  ),
);
console.log(html);
