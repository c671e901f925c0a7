/**
 * The forum picker at the top of the editor: open an existing forum or start a new one, and — when
 * the open forum has unsaved changes — ask before dropping them.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Forum } from '../../api/types.js';
import type { ForumEditorMessages } from './messages.js';

export interface PickerView {
  words: ForumEditorMessages['picker'];
  forums: readonly Forum[];
  forumId: string | undefined;
  /** The picker's line for a forum: its title, date and status in the operator's language. */
  describe: (forum: Forum) => string;
  /** Unsaved changes stand in the way of the forum picked: the warning with its two choices shows. */
  switching: boolean;
  onPick: (event: Event) => void;
  onKeep: () => void;
}

export function renderPicker(view: PickerView): TemplateResult {
  const words = view.words;
  return html`<form class="picker" @submit=${view.onPick}>
    <div class="field">
      <label for="pick">${words.label}</label>
      <p class="hint" id="pick-hint">${words.hint}</p>
      <select id="pick" aria-describedby="pick-hint">
        <option value="" ?selected=${!view.forumId}>${words.create}</option>
        ${view.forums.map((forum) => html`<option value=${forum.id} ?selected=${forum.id === view.forumId}>${view.describe(forum)}</option>`)}
      </select>
    </div>
    <button type="submit" class="secondary">${words.load}</button>
    ${view.switching
      ? html`<div class="banner warning switching" role="alert">
          <p>${words.dirty}</p>
          <div class="actions">
            <button type="submit" class="secondary warning">${words.discard}</button>
            <button type="button" class="secondary" @click=${view.onKeep}>${words.keep}</button>
          </div>
        </div>`
      : nothing}
  </form>`;
}
