import { HdSignupForm } from '../elements/signup-form/signup-form.js';

export { HdSignupForm };

if (!customElements.get('hd-signup-form')) customElements.define('hd-signup-form', HdSignupForm);

declare global {
  interface HTMLElementTagNameMap {
    'hd-signup-form': HdSignupForm;
  }
}
