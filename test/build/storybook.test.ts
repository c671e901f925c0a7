// Developers preview and tune the widgets in Storybook, and web editors read its docs pages: the
// static build must keep working, list every story file, and have a docs page for every element and
// the getting-started guide. The snippets editors copy from those pages must name real tags and
// attributes (checked against custom-elements.json, which `cem analyze` writes from the classes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCRIPT_TAG, commonTokens, embedDocs } from '../../stories/docs/embed.ts';

const root = join(import.meta.dirname, '..', '..');
const ELEMENTS = ['hd-provider', 'hd-forum-calendar', 'hd-signup-form', 'hd-idea-wall', 'hd-result-summary', 'hd-forum-editor', 'hd-results-editor'];

interface Named {
  name: string;
}
interface Declaration {
  tagName?: string;
  attributes?: Named[];
  events?: Named[];
  cssProperties?: Named[];
}
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as { modules: { declarations?: Declaration[] }[] };
const declarations = new Map(manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName).map((d) => [d.tagName!, d]));

const tokens = readFileSync(join(root, 'src', 'styles', 'tokens.ts'), 'utf8');
/** `--hd-color-accent` → is `'color-accent':` (or `radius:`) a key in src/styles/tokens.ts? */
const isToken = (name: string) => new RegExp(`[\\s{]'?${name.slice('--hd-'.length)}'?:`).test(tokens);

/** Global HTML attributes any element takes. */
const GLOBAL = new Set(['lang', 'id', 'class', 'style', 'hidden', 'dir', 'title']);

/** Every `<hd-…>` start tag in an HTML text, with its attribute names. */
function tagsIn(htmlText: string): { tag: string; attributes: string[] }[] {
  return [...htmlText.matchAll(/<(hd-[a-z-]+)(\s[^>]*)?>/g)].map((m) => ({
    tag: m[1]!,
    // Names with their values consumed, so a `forum=` inside a quoted URL is not taken for one.
    attributes: [...(m[2] ?? '').matchAll(/([a-z][a-z0-9-]*)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?/g)].map((a) => a[1]!),
  }));
}

test('the static Storybook builds offline: every story file, a docs page per element and the getting-started page', () => {
  const out = mkdtempSync(join(tmpdir(), 'hd-storybook-'));
  try {
    const r = spawnSync(process.execPath, [join(root, 'node_modules', 'storybook', 'dist', 'bin', 'dispatcher.js'), 'build', '-o', out, '--quiet'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
    });
    assert.equal(r.status, 0, r.stderr || r.stdout);
    const index = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as {
      entries: Record<string, { id: string; title: string; importPath: string; type: 'story' | 'docs'; tags?: string[] }>;
    };
    const entries = Object.values(index.entries);

    const storyFiles = new Set(entries.filter((e) => e.importPath.endsWith('.stories.ts')).map((e) => e.importPath.replace(/^\.\//, '')));
    const onDisk = readdirSync(join(root, 'stories'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.stories.ts'))
      .map((f) => `stories/${f}`);
    assert.ok(onDisk.length > 0);
    assert.deepEqual([...storyFiles].sort(), onDisk.sort());

    // One generated (autodocs) page per element, found by the element its story file is about.
    for (const tag of ELEMENTS) {
      const file = readFileSync(join(root, 'stories', `${tag.replace(/^hd-/, '')}.stories.ts`), 'utf8');
      assert.match(file, new RegExp(`component: '${tag}'`), `${tag}: its story file names the element`);
      const docs = entries.filter((e) => e.type === 'docs' && e.importPath === `./stories/${tag.replace(/^hd-/, '')}.stories.ts`);
      assert.equal(docs.length, 1, `${tag}: one docs page`);
      assert.match(docs[0]!.id, /--docs$/);
      assert.ok(docs[0]!.tags?.includes('autodocs'), `${tag}: the docs page is generated (autodocs)`);
      assert.ok(entries.some((e) => e.type === 'story' && e.title === docs[0]!.title), `${tag}: stories beside its docs page`);
    }
    const guide = index.entries['getting-started--docs'];
    assert.ok(guide, 'the getting-started page');
    assert.equal(guide.importPath, './stories/getting-started.mdx');

    // Storybook's own onboarding (the sidebar's "Get started 37%" checklist with its confetti, the
    // menu's guide) is about setting Storybook up, not about these widgets: the manager page the
    // build writes turns both off (the same flags `storybook dev` serves).
    const features = /window\['FEATURES'\]\s*=\s*(\{[^}]*\})/.exec(readFileSync(join(out, 'index.html'), 'utf8'));
    assert.ok(features, 'the manager page carries its feature flags');
    const flags = JSON.parse(features[1]!) as Record<string, boolean>;
    assert.equal(flags['sidebarOnboardingChecklist'], false, 'the sidebar onboarding checklist is off');
    assert.equal(flags['menuOnboardingChecklist'], false, 'the onboarding guide in the menu is off');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('every snippet editors copy names real elements and attributes, and every attribute is explained', () => {
  assert.deepEqual(Object.keys(embedDocs).sort(), [...ELEMENTS].sort(), 'editor docs for each element');
  const guide = readFileSync(join(root, 'stories', 'getting-started.mdx'), 'utf8');
  const snippets = [...Object.values(embedDocs).flatMap((d) => d.snippets.map((s) => s.code)), guide];
  let seen = 0;
  for (const text of snippets) {
    for (const { tag, attributes } of tagsIn(text)) {
      const decl = declarations.get(tag);
      assert.ok(decl, `<${tag}> is an element in custom-elements.json`);
      const known = new Set((decl.attributes ?? []).map((a) => a.name));
      for (const name of attributes) {
        assert.ok(known.has(name) || GLOBAL.has(name), `<${tag} ${name}>: ${name} is an attribute of ${tag} (custom-elements.json)`);
        seen++;
      }
    }
  }
  assert.ok(seen >= 20, `the snippets use attributes (${seen})`);

  for (const tag of ELEMENTS) {
    const decl = declarations.get(tag)!;
    const doc = embedDocs[tag]!;
    const explained = new Set(doc.attributes.map((a) => a.name));
    for (const attr of decl.attributes ?? []) assert.ok(explained.has(attr.name), `${tag}: the attribute ${attr.name} is explained for editors`);
    for (const attr of doc.attributes) assert.ok(decl.attributes?.some((a) => a.name === attr.name), `${tag}: ${attr.name} exists`);
    for (const a of doc.attributes) assert.ok(a.ko.trim() && a.en.trim(), `${tag} ${a.name}: Korean and English`);
    const events = new Set((decl.events ?? []).map((e) => e.name));
    for (const e of doc.events ?? []) assert.ok(events.has(e.name), `${tag}: the event ${e.name} exists`);
    // The theming example sets the element's own documented custom properties or design tokens.
    const props = new Set((decl.cssProperties ?? []).map((p) => p.name));
    for (const [, name] of doc.theming.code.matchAll(/(--hd-[a-z-]+)\s*:/g)) {
      if (name!.startsWith(`--${tag}-`)) assert.ok(props.has(name!), `${tag}: ${name} is one of its CSS custom properties`);
      else assert.ok(isToken(name!), `${tag}: ${name} is a design token`);
    }
  }
});

test('the variables the guides list are design tokens the widgets read', () => {
  for (const t of commonTokens) assert.ok(isToken(t.name), `${t.name} is in src/styles/tokens.ts`);
  assert.ok(!isToken('--hd-no-such-token'));
});

test('the script tag in the docs is the CDN loader the package ships', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const cdn = String(pkg.exports['./cdn']).replace(/^\.\//, '');
  assert.match(SCRIPT_TAG, /^<script type="module" src="https:\/\/[^"]+"><\/script>$/);
  assert.ok(SCRIPT_TAG.includes(`/${cdn}"`), `${SCRIPT_TAG} loads ${cdn}`);
});
