import { HdForumEditor } from '../elements/forum-editor/forum-editor.js';

export { HdForumEditor };

if (!customElements.get('hd-forum-editor')) customElements.define('hd-forum-editor', HdForumEditor);

declare global {
  interface HTMLElementTagNameMap {
    'hd-forum-editor': HdForumEditor;
  }
}
