// The build minifies the static text of our css``/html`` templates (scripts/lib/minify-templates.mjs).
// What renders must not change: these are the cases where a careless minifier changes it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error -- a plain .mjs build helper without type declarations
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/lib/minify-templates.mjs';

test('css: comments and layout whitespace go; descendant spaces, calc() operators, media "and (" and strings stay', () => {
  const out = minifyCss(`
    /* a note that must not ship */
    :host  .a :focus-visible {
      margin: calc(1em + 2px) 0;
      content: "two  spaces; {kept}";
    }
    @media (min-width: 40em) and (prefers-reduced-motion: reduce) { .b > .c { color: red; } }
  `);
  assert.doesNotMatch(out, /note/);
  assert.match(out, /:host \.a :focus-visible\{/);
  assert.match(out, /calc\(1em \+ 2px\)/);
  assert.match(out, /content:"two {2}spaces; \{kept\}"/);
  assert.match(out, /@media \(min-width:40em\) and \(prefers-reduced-motion:reduce\)/);
  assert.match(out, /\.b > \.c\{color:red\}/);
});

test("css: an apostrophe or a quote inside a comment does not stop the rest of the stylesheet from being minified", () => {
  const out = minifyCss(`
    /* a page's rule with "one quote */
    :host {
      color: red;
    }
    a::before { content: "/* not a comment */"; }
  `);
  assert.doesNotMatch(out, /page/);
  assert.match(out, /:host\{color:red\}/);
  assert.match(out, /content:"\/\* not a comment \*\/"/);
});

test('html: indentation collapses to one space, the word gap between inline elements stays, <pre>/<textarea> templates are untouched', () => {
  assert.equal(minifyHtml('<p>\n      <span>신청 번호</span>\n      <strong>HD-1</strong>\n    </p>'), '<p> <span>신청 번호</span> <strong>HD-1</strong> </p>');
  const pre = '<textarea>\n  kept\n</textarea>';
  assert.equal(minifyHtml(pre), pre);
});

test('only tagged css``/html``/svg`` templates in code are rewritten, interpolations untouched; comments and strings that mention them are not', () => {
  const src = [
    '// a comment with css` in it: not a template',
    "const s = 'html` in a string';",
    'const re = /`/;',
    'const t = css`\n  a { color: ${x}; }\n`;',
    'const h = html`<p>\n  ${value}\n</p>`;',
    'const plain = `\n  keep   me\n`;',
  ].join('\n');
  const out = minifyTemplates(src);
  assert.match(out, /\/\/ a comment with css` in it: not a template/);
  assert.match(out, /'html` in a string'/);
  assert.match(out, /const re = \/`\/;/);
  assert.match(out, /css` a\{color:\$\{x\}\}`/);
  assert.match(out, /html`<p> \$\{value\} <\/p>`/);
  assert.match(out, /`\n {2}keep {3}me\n`/);
});
