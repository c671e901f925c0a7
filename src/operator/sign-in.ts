/**
 * The sign-in form of an operator tool, and once signed in the bar that says so with a sign-out
 * button. The token field is a password field that no password manager fills or keeps
 * (`autocomplete="off"`); what is typed stays in this controller until it is kept in the session
 * (session.ts) and is then cleared.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { FieldSet, fieldId } from './fields.js';
import { FormErrors, problemOf, type FieldSpec } from './form.js';
import type { OperatorWords } from './messages.js';
import { TOKEN_PATTERN, type OperatorSession } from './session.js';

const SPEC: FieldSpec = { type: 'text', required: true, pattern: TOKEN_PATTERN };
const KEY = 'token';

export class SignInForm implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #session: OperatorSession;
  readonly #words: () => OperatorWords;
  readonly #num: (n: number) => string;
  readonly #errors: FormErrors;
  #value = '';
  #focus = '';

  constructor(host: ReactiveControllerHost & HTMLElement, session: OperatorSession, words: () => OperatorWords, num: (n: number) => string) {
    this.#host = host;
    this.#session = session;
    this.#words = words;
    this.#num = num;
    this.#errors = new FormErrors(host, 'sign-in');
    host.addController(this);
  }

  #submit = (e: Event): void => {
    e.preventDefault();
    const problem = problemOf(SPEC, this.#value);
    if (problem || !this.#session.signIn(this.#value)) {
      this.#errors.show(new Map([[KEY, problem ?? 'format']]));
      return;
    }
    this.#value = '';
    this.#errors.clear();
    this.#focus = '.signed-in';
  };

  #signOut = (): void => {
    this.#session.signOut();
    this.#focus = `#${fieldId(KEY)}`;
  };

  #input = (e: Event): void => {
    this.#value = (e.target as HTMLInputElement).value;
    this.#errors.recheck(KEY, problemOf(SPEC, this.#value));
  };

  hostUpdated(): void {
    if (!this.#focus) return;
    this.#host.shadowRoot?.querySelector<HTMLElement>(this.#focus)?.focus();
    this.#focus = '';
  }

  /** Signed out: the sign-in form. Signed in: who is signed in, and sign out. */
  render(): TemplateResult {
    const w = this.#words();
    if (this.#session.signedIn) {
      return html`<div class="signed-in" tabindex="-1">
        <p role="status">${w.signIn.signedIn}</p>
        <button type="button" class="secondary" @click=${this.#signOut}>${w.signIn.signOut}</button>
      </div>`;
    }
    const fields = new FieldSet(this.#errors, w, this.#num);
    const token = fields.input({
      key: KEY,
      label: w.signIn.token,
      spec: SPEC,
      value: this.#value,
      control: 'password',
      hint: w.signIn.hint,
      say: { format: w.signIn.format },
    });
    return html`<section class="sign-in" aria-labelledby="sign-in-title">
      <h2 id="sign-in-title">${w.signIn.title}</h2>
      ${this.#session.reason === 'expired' ? html`<p class="banner warning" role="alert">${w.signIn.expired}</p>` : ''}
      <p>${w.signIn.intro}</p>
      <form novalidate @submit=${this.#submit} @input=${this.#input}>
        ${fields.summary()} ${token}
        <button type="submit" class="primary">${w.signIn.submit}</button>
      </form>
    </section>`;
  }
}
