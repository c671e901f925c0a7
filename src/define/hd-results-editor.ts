import { HdResultsEditor } from '../elements/results-editor/results-editor.js';

export { HdResultsEditor };

if (!customElements.get('hd-results-editor')) customElements.define('hd-results-editor', HdResultsEditor);

declare global {
  interface HTMLElementTagNameMap {
    'hd-results-editor': HdResultsEditor;
  }
}
