import { HdResultSummary } from '../elements/result-summary/result-summary.js';

export { HdResultSummary };

if (!customElements.get('hd-result-summary')) customElements.define('hd-result-summary', HdResultSummary);

declare global {
  interface HTMLElementTagNameMap {
    'hd-result-summary': HdResultSummary;
  }
}
