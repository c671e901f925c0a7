/**
 * The docs page of every element (the `autodocs` tag on its story file): what an editor pastes,
 * then the live preview, then the reference tables generated from `custom-elements.json`.
 *
 * - Summary and description: the element class's JSDoc, through the manifest (`cem analyze`).
 * - "Copy this snippet": `stories/docs/embed.ts` — the script tag and the element's tag in a
 *   Source block (it has a copy button), each attribute in plain words, Korean first, then English.
 * - Reference: the ArgTypes block, which the web-components renderer fills from the manifest
 *   (attributes, properties, events, slots, CSS custom properties, CSS parts).
 * - States: a link to every story of the file. They are not rendered here: each story installs its
 *   own fake backend page-wide, so only one live story (the preview) runs on a docs page.
 *
 * Plain `createElement` (no JSX), so the Storybook config needs no JSX setup.
 */
import { createElement as h, Fragment, type ReactNode } from 'react';
import { AnchorMdx, ArgTypes, DocsPage, Markdown, Primary, Source, Title, useOf } from '@storybook/addon-docs/blocks';
import { declarationOf } from './arg-types.js';
import { EXAMPLE_API, SCRIPT_TAG, commonTokens, embedDocs, type AttributeDoc } from '../stories/docs/embed.js';

const md = (text: string) => h(Markdown, { children: text });
const ko = (children: ReactNode) => h('div', { lang: 'ko', className: 'hd-docs-ko' }, children);
const en = (children: ReactNode) => h('div', { lang: 'en', className: 'hd-docs-en' }, children);

/** An editors' table: name, (example,) Korean, English. */
function table(rows: AttributeDoc[], head: string, withExample = true) {
  return h(
    'table',
    { className: 'hd-docs-table' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, head),
        withExample ? h('th', { scope: 'col' }, '예 · Example') : null,
        h('th', { scope: 'col', lang: 'ko' }, '설명'),
        h('th', { scope: 'col', lang: 'en' }, 'What it does'),
      ),
    ),
    h(
      'tbody',
      null,
      rows.map((row) =>
        h(
          'tr',
          { key: row.name, 'data-name': row.name },
          h('td', { className: 'hd-docs-name' }, h('code', null, row.name)),
          withExample ? h('td', { className: 'hd-docs-example' }, row.example ? h('code', null, row.example) : '—') : null,
          h('td', { lang: 'ko' }, md(row.ko)),
          h('td', { lang: 'en' }, md(row.en)),
        ),
      ),
    ),
  );
}

interface StoryEntry {
  id: string;
  name?: string;
  parameters?: { docs?: { description?: { story?: string } } };
}

export function ElementDocsPage() {
  const { csfFile } = useOf('meta', ['meta']);
  const tag = typeof csfFile.meta.component === 'string' ? csfFile.meta.component : '';
  const decl = declarationOf(tag);
  const embed = embedDocs[tag];
  // A story file that is not about one of our elements gets Storybook's own page.
  if (!decl) return h(DocsPage);
  const stories = Object.values(csfFile.stories) as StoryEntry[];

  return h(
    Fragment,
    null,
    h(Title),
    h('p', { className: 'hd-docs-tag' }, h('code', null, `<${tag}>`)),
    decl.summary ? h('p', { className: 'hd-docs-summary' }, decl.summary.replace(/\s+/g, ' ')) : null,
    embed ? ko(md(embed.intro.ko)) : null,
    embed ? en(md(embed.intro.en)) : null,

    h('h2', { id: 'hd-preview' }, '미리 보기 · Preview'),
    ko(md('브라우저 안의 가짜 서버에 연결된 모습입니다(실제 데이터가 아닙니다). 다른 상태는 아래 "상태 · States"에 있습니다.')),
    en(md('Running on an in-browser fake backend (not real data). Other states are listed under “States” below.')),
    // A live wall is thousands of pixels tall: the preview scrolls inside a box so the snippets stay near.
    h('div', { className: 'hd-docs-preview' }, h(Primary)),

    embed
      ? h(
          'section',
          { className: 'hd-docs-embed', 'aria-labelledby': 'hd-embed' },
          h('h2', { id: 'hd-embed' }, '붙여 넣기 · Copy this snippet'),
          ko(
            md(
              `페이지에 **스크립트 한 줄**(한 번만)과 **위젯 태그**를 붙여 넣으세요. 스크립트는 작은 로더여서, 페이지에 나온 위젯의 코드만 그때 받아 옵니다. \`${EXAMPLE_API}\`는 예시 주소이니 우리 서버 주소로 바꾸세요. 아래 상자 오른쪽 아래의 **Copy** 단추로 복사할 수 있습니다.`,
            ),
          ),
          en(
            md(
              `Paste **one script tag** (once per page) and **the widget’s tag**. The script is a small loader: it fetches a widget’s code only when that tag appears on the page. \`${EXAMPLE_API}\` is an example: use your server’s address. The **Copy** button at the bottom right of each box copies it.`,
            ),
          ),
          embed.snippets.map((snippet, i) =>
            h(
              Fragment,
              { key: i },
              h('h3', null, h('span', { lang: 'ko' }, snippet.title.ko.replace(/`/g, '')), ' · ', h('span', { lang: 'en' }, snippet.title.en.replace(/`/g, ''))),
              h(Source, { code: `${SCRIPT_TAG}\n\n${snippet.code}`, language: 'html', dark: true }),
            ),
          ),
          h('h3', null, '속성 · Attributes'),
          ko(md('속성은 태그 안에 `이름="값"`으로 적습니다. 값이 없는 속성은 이름만 적습니다.')),
          en(md('Attributes go inside the tag as `name="value"`; an attribute without a value is written as its name alone.')),
          table(embed.attributes, '속성 · Attribute'),
          embed.properties?.length ? h(Fragment, null, h('h3', null, '속성이 아닌 값 · Properties (JavaScript)'), table(embed.properties, '이름 · Name', false)) : null,
          embed.events?.length
            ? h(
                Fragment,
                null,
                h('h3', null, '이벤트 · Events'),
                ko(md('페이지에 자바스크립트가 있다면 위젯이 알려 주는 일을 받을 수 있습니다: `element.addEventListener(\'이벤트 이름\', …)`. 붙여 넣기만 할 때는 필요 없습니다.')),
                en(md('A page with its own JavaScript can listen for what the widget reports: `element.addEventListener(\'event-name\', …)`. Not needed just to embed.')),
                table(embed.events, '이벤트 · Event', false),
              )
            : null,
          h('h3', null, '모양 바꾸기 · Theming'),
          ko(
            md(
              `${embed.theming.ko} 변수는 페이지의 CSS에서 위젯 태그(또는 \`:root\`, 감싸는 요소)에 줍니다. 페이지가 \`color-scheme: light dark\`를 선언하면 어두운 화면 설정도 따릅니다.`,
            ),
          ),
          en(md(`${embed.theming.en} Set the variables in the page’s CSS on the widget’s tag (or \`:root\`, or any wrapper). A page that declares \`color-scheme: light dark\` gets dark mode too.`)),
          h(Source, { code: embed.theming.code, language: 'css', dark: true }),
          h('details', null, h('summary', null, '모든 위젯에 통하는 변수 · Variables every widget reads'), table(commonTokens, '변수 · Variable')),
          h('h3', null, '다른 서버에 연결하기 · Another backend'),
          ko(
            md(
              '위젯은 서버의 코드를 모르고 약속된 API(`api/openapi.yaml`)만 압니다. 다른 기관이 같은 API를 제공하면 `api-base`를 그 주소로 바꾸기만 하면 됩니다. 그 서버의 허용 목록(CORS)에 우리 사이트 주소가 있어야 합니다.',
            ),
          ),
          en(
            md(
              'The widgets know only the API contract (`api/openapi.yaml`), not the server’s code. When another organisation serves the same API, change `api-base` to its address; its CORS allow-list must include your site.',
            ),
          ),
        )
      : null,

    h('h2', { id: 'hd-reference' }, 'API 참고 · Reference'),
    md(`From \`custom-elements.json\` (written by \`npx cem analyze\` from the element’s JSDoc): attributes, properties, events, slots, CSS custom properties and CSS parts of \`<${tag}>\`.`),
    decl.description ? h('div', { className: 'hd-docs-description', lang: 'en' }, md(decl.description)) : null,
    h(ArgTypes, { sort: 'none' }),

    h('h2', { id: 'hd-states' }, '상태 · States'),
    md('Every state of the element has a story of its own (on the fake backend):'),
    h(
      'ul',
      { className: 'hd-docs-states' },
      stories.map((story) =>
        h(
          'li',
          { key: story.id },
          h(AnchorMdx, { href: `?path=/story/${story.id}`, target: '_self' }, story.name ?? story.id),
          story.parameters?.docs?.description?.story
            ? h('span', null, ' — ', h(Markdown, { options: { forceInline: true }, children: story.parameters.docs.description.story.replace(/\s+/g, ' ') }))
            : null,
        ),
      ),
    ),
  );
}
