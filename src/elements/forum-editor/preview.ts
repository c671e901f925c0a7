/**
 * `<hd-forum-editor>`'s preview of a saved forum as residents see it: its entry in
 * `<hd-forum-calendar>` (the list view of its month and district, searched by its title) and its
 * `<hd-signup-form>`, side by side where there is room. A chunk of its own, fetched when a saved
 * forum is first shown; it brings the two public widgets' code (the same chunks the loader
 * fetches for them). The preview is `inert`: a click in it must not register anyone.
 *
 * After each save the two widgets are made afresh (`fill`), so they show what was just saved. They
 * are created here with the DOM rather than through a Lit directive (`keyed`): the idea wall uses
 * `keyed` too, and sharing it would split it into a chunk of its own that the idea wall's page
 * would then load as an extra file.
 */
import { css, html, type TemplateResult } from 'lit';
import '../../define/hd-forum-calendar.js';
import '../../define/hd-signup-form.js';
import type { Forum } from '../../api/types.js';
import { toSeoul } from '../../operator/seoul.js';
import { token } from '../../styles/tokens.js';
import type { ForumEditorMessages } from './messages.js';

export const styles = css`
  .preview {
    display: grid;
    gap: ${token('space-l')};
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 24em), 1fr));
    align-items: start;
  }
  .preview figure {
    display: grid;
    gap: ${token('space-s')};
    min-inline-size: 0;
    padding: ${token('space-m')};
    border: 2px dashed ${token('color-border')};
    border-radius: ${token('radius')};
  }
  .preview figcaption { font-weight: 700; color: ${token('color-muted')}; }
`;

/** The preview's section; its widgets come with `fill`. */
export function renderPreview(t: ForumEditorMessages): TemplateResult {
  return html`<section class="group" aria-labelledby="preview-title">
    <h3 id="preview-title">${t.section.preview}</h3>
    <p class="hint">${t.preview.intro}</p>
    <div class="preview" inert></div>
  </section>`;
}

/** Puts fresh public widgets of `forum` into the preview's box. */
export function fill(box: Element, t: ForumEditorMessages, forum: Forum, apiBase: string, lang: string): void {
  const figure = (caption: string, widget: HTMLElement) => {
    const fig = document.createElement('figure');
    const cap = document.createElement('figcaption');
    cap.textContent = caption;
    fig.append(cap, widget);
    return fig;
  };
  const calendar = document.createElement('hd-forum-calendar');
  const signup = document.createElement('hd-signup-form');
  for (const [el, attrs] of [
    [calendar, { view: 'list', month: toSeoul(forum.startsAt).slice(0, 7), district: forum.district, q: forum.title, 'refresh-interval': '0' }],
    [signup, { 'forum-id': forum.id }],
  ] as const) {
    for (const [name, value] of Object.entries({ ...attrs, 'api-base': apiBase, lang })) el.setAttribute(name, value);
  }
  box.replaceChildren(figure(t.preview.calendar, calendar), figure(t.preview.signup, signup));
}
