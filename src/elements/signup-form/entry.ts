/**
 * `SignupEntry`: what a person has entered in `<hd-signup-form>` and what is wrong with it — the
 * values, each field's error, the error summary (shown after a failed submit) and a problem that is
 * no one field's. It takes the form's `input` and `change` events (each control says which value
 * it sets in `data-v`, which field it is in `data-f`, and a question's or consent's id in
 * `data-id`), checks a field when it is left and clears an error once it is fixed. The rules come
 * with the check chunk (`check`: the module's `validateField`, or a promise while it is on its way).
 * It owns this state and asks its host to re-render when it changes (it needs no lifecycle hooks).
 */
import type { ReactiveControllerHost } from 'lit';
import type { SignupForm } from '../../api/types.js';
import { emptyValues, type ErrorCode, type SignupValues } from './values.js';

export type ValidateField = (key: string, values: SignupValues, form: SignupForm) => ErrorCode | undefined;

export interface SignupEntryOptions {
  /** The forum's signup form, once loaded. */
  form: () => SignupForm | undefined;
  /** The rules: at once when their chunk is in, else once it arrives (rejected if it cannot be fetched). */
  rules: () => ValidateField | Promise<ValidateField>;
}

export interface EntryProblems {
  errors: Record<string, ErrorCode>;
  /** A problem that is no one field's ('' for none). */
  general: string;
  /** Whether the error summary shows them. */
  summary: boolean;
}

export class SignupEntry {
  readonly #host: ReactiveControllerHost;
  readonly #options: SignupEntryOptions;
  #values: SignupValues = emptyValues();
  #problems: EntryProblems = { errors: {}, general: '', summary: false };

  constructor(host: ReactiveControllerHost, options: SignupEntryOptions) {
    this.#host = host;
    this.#options = options;
  }

  get values(): SignupValues {
    return this.#values;
  }

  /** Each field's error code, by field key (`name`, `answers.q1`, `consents.personal`…). */
  get errors(): Readonly<Record<string, ErrorCode>> {
    return this.#problems.errors;
  }

  /** A problem that is no one field's: a refusal, a changed form, why a submission waits. */
  get general(): string {
    return this.#problems.general;
  }

  /** Whether the error summary is shown (after a failed submit). */
  get summary(): boolean {
    return this.#problems.summary;
  }

  /** Whether there is anything for the error summary to list. */
  get hasProblems(): boolean {
    return !!this.#problems.general || Object.keys(this.#problems.errors).length > 0;
  }

  /** Shows these problems (a submit's check, or the server's refusal). */
  report(problems: EntryProblems): void {
    this.#problems = problems;
    this.#host.requestUpdate();
  }

  /** Says (or with '' clears) a problem that is no one field's, keeping the fields' errors. */
  setGeneral(general: string): void {
    this.report({ ...this.#problems, general });
  }

  /** Puts back values entered before (a submission restored after a reload). */
  restore(values: SignupValues): void {
    this.#values = values;
    this.#host.requestUpdate();
  }

  /** Starts over with an empty form. */
  reset(): void {
    this.#values = emptyValues();
    this.report({ errors: {}, general: '', summary: false });
  }

  /** The form's `input` event: the value a control sets changes; an error clears once fixed. */
  input(event: Event): void {
    const control = event.target as HTMLInputElement;
    const valueKey = control.dataset['v'];
    if (!valueKey) return;
    const id = control.dataset['id'] ?? '';
    const values: SignupValues = { ...this.#values };
    const toggle = (list: string[]) => (control.checked ? [...list, control.value] : list.filter((item) => item !== control.value));
    if (valueKey === 'answers') {
      const answer = control.type === 'checkbox' ? toggle((values.answers[id] as string[]) ?? []) : control.value;
      values.answers = { ...values.answers, [id]: answer };
    } else if (valueKey === 'consents') values.consents = { ...values.consents, [id]: control.checked };
    else if (valueKey === 'accessibility') values.accessibility = toggle(values.accessibility);
    else if (valueKey === 'guardianConsent') values.guardianConsent = control.checked;
    else Object.assign(values, { [valueKey]: control.value }); // a text value: name, contact, district…
    this.#values = values;
    this.#host.requestUpdate();
    const field = control.dataset['f'];
    if (field && this.#problems.errors[field]) this.check(field);
  }

  /** The form's `change` event (a field left, a choice made): that field is checked. */
  change(event: Event): void {
    const field = (event.target as HTMLElement).dataset['f'];
    if (field) this.check(field);
  }

  /** Checks one field (at once, or once the rules are in) and shows or clears its error. */
  check(key: string): void {
    const rules = this.#options.rules();
    if (rules instanceof Promise) {
      // If they cannot be fetched, nothing is checked now: the submit says so.
      rules.then(() => this.check(key), () => undefined);
      return;
    }
    const form = this.#options.form();
    if (!form) return;
    const error = rules(key, this.#values, form);
    const errors = { ...this.#problems.errors };
    if (error) errors[key] = error;
    else delete errors[key];
    this.report({ ...this.#problems, errors });
  }
}
