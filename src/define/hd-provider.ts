import { HdProvider } from '../elements/provider/provider.js';

export { HdProvider };

if (!customElements.get('hd-provider')) customElements.define('hd-provider', HdProvider);

declare global {
  interface HTMLElementTagNameMap {
    'hd-provider': HdProvider;
  }
}
