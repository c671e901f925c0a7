// A tiny React partner page, bundled by react.test.ts with esbuild: the calendar inside a provider,
// a React button that changes the calendar's `month` prop, and a React `onForumSelect` handler that
// routes by itself (cancels the link) and shows what was chosen. Written without JSX so it stays a
// plain .ts file. Config from the URL: ?api=<apiBase>&month=YYYY-MM&other=YYYY-MM
import { createElement as h, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HdForumCalendar, HdProvider, type HdForumCalendarElement, type HdForumSelectEvent } from '../../src/react/index.ts';

const params = new URLSearchParams(location.search);
const apiBase = params.get('api') ?? '';
const first = params.get('month') ?? '';
const other = params.get('other') ?? '';

interface Chosen {
  id: string;
  title: string;
  href: string | null;
}

function App() {
  const [month, setMonth] = useState(first);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const calendar = useRef<HdForumCalendarElement>(null);
  const [tag, setTag] = useState('');
  // What the ref gives: the element itself (for `refresh()` and the like).
  useEffect(() => setTag(calendar.current?.localName ?? ''), []);

  const onForumSelect = (e: HdForumSelectEvent) => {
    // A React router would navigate itself here; the page stays where it is.
    e.preventDefault();
    setChosen({ id: e.detail.forum.id, title: e.detail.forum.title, href: e.detail.href });
  };

  return h(
    'main',
    null,
    h('h1', null, '토론회 일정'),
    h('button', { type: 'button', id: 'switch', onClick: () => setMonth(month === first ? other : first) }, '다른 달 보기'),
    h('p', { id: 'month' }, month),
    h('p', { id: 'chosen', 'data-id': chosen?.id ?? '', 'data-href': chosen?.href ?? '' }, chosen ? chosen.title : ''),
    h('p', { id: 'tag' }, tag),
    h(
      HdProvider,
      { apiBase },
      h(HdForumCalendar, {
        ref: calendar,
        view: 'list',
        month,
        signupHref: '/signup?forum={id}',
        onForumSelect,
      }),
    ),
  );
}

createRoot(document.getElementById('root')!).render(h(App));
