// Minifies the static text of Lit's css`` and html`` tagged templates in our sources at build
// time (the JS minifier leaves template literals alone: every comment and indent in a stylesheet
// would otherwise ship to every host page).
//
// Deliberately conservative, so it can never change what renders:
// - css``: comments go; whitespace runs become one space; the space beside `{ } ; ,` and after a
//   `:` goes. Spaces elsewhere (descendant combinators, `calc(a + b)`, `and (`) stay. Quoted
//   strings are left as they are.
// - html``: a newline with the indentation after it becomes one space. A single space is what the
//   browser renders for any whitespace run in normal text, so only `<pre>`/`<textarea>` or
//   `white-space: pre*` could tell: a template containing `<pre` or `<textarea` is left as it is.
//   The space itself stays, even between two tags: between inline elements it is the word gap
//   (`<span>신청 번호</span> <strong>HD-…</strong>`).
// Interpolations (`${…}`) are copied through untouched; nested templates are minified in turn.
import ts from 'typescript';

const STRING = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/;
const STRING_OR_COMMENT = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/\*[\s\S]*?\*\/)/;

export function minifyCss(text) {
  // Comments go first, found in one left-to-right pass with the strings, so an apostrophe inside
  // a comment (`/* the page's rule */`) is not taken for the start of a string (and a `/*` inside
  // a string is not taken for a comment).
  const uncommented = text
    .split(STRING_OR_COMMENT)
    .map((piece, i) => (i % 2 && piece.startsWith('/*') ? ' ' : piece))
    .join('');
  // Quoted strings stay as they are.
  return uncommented
    .split(STRING)
    .map((piece, i) =>
      i % 2
        ? piece
        : piece
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};,]) ?/g, '$1')
            .replace(/: /g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}

export function minifyHtml(text) {
  if (/<(pre|textarea)\b/i.test(text)) return text;
  return text.replace(/\n\s*/g, ' ');
}

/**
 * Rewrites every css``/html``/svg`` template in a module's source. Found with TypeScript's
 * parser, so comments, strings and regular expressions that merely contain a backtick are safe.
 */
export function minifyTemplates(src, fileName = 'module.ts') {
  const file = ts.createSourceFile(fileName, src, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const literal = (node, minify) => {
    // raw text between the delimiters: ` or } before, ` or ${ after
    const start = node.getStart(file) + 1;
    const end = node.end - (node.kind === ts.SyntaxKind.TemplateHead || node.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
    const raw = src.slice(start, end);
    const next = minify(raw);
    if (next !== raw) edits.push([start, end, next]);
  };
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['css', 'html', 'svg'].includes(node.tag.text)) {
      const minify = node.tag.text === 'css' ? minifyCss : minifyHtml;
      const t = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) literal(t, minify);
      else {
        literal(t.head, minify);
        for (const span of t.templateSpans) literal(span.literal, minify);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let out = src;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}

/** The Vite/Rolldown plugin: our own sources only. */
export function minifyTemplatesPlugin() {
  return {
    name: 'hd-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/(css|html|svg)\s*`/.test(code)) return null;
      return { code: minifyTemplates(code, id), map: null };
    },
  };
}
