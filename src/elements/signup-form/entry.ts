/**
 * `SignupEntry`: what a person has entered in `<hd-signup-form>` and what is wrong with it — the
 * values, each field's error, the error summary (shown after a failed submit) and a problem that is
 * no one field's. It takes the form's `input` and `change` events (each control says which value
 * it sets in `data-v`, which field it is in `data-f`, and a question's or consent's id in
 * `data-id`), checks a field when it is left and clears an error once it is fixed. The rules come
 * with the check chunk (`check`: the module's `validateField`, or a promise while it is on its way).
 * It also draws the fields and the form from that state (`text`, `choice`, `contact`, `form`; the
 * guardian's chunk draws its fields with the same methods). It owns this state and asks its host
 * to re-render when it changes (it needs no lifecycle hooks).
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { SignupForm } from '../../api/types.js';
import type { SignupMessages } from './messages.js';
import { emptyValues, fid, isUnder, type ContactKind, type ErrorCode, type SignupValues } from './values.js';

export type ValidateField = (key: string, values: SignupValues, form: SignupForm) => ErrorCode | undefined;

export interface SignupEntryOptions {
  /** The forum's signup form, once loaded. */
  form: () => SignupForm | undefined;
  /** The rules: at once when their chunk is in, else once it arrives (rejected if it cannot be fetched). */
  rules: () => ValidateField | Promise<ValidateField>;
  /** The form's words in the language in effect. */
  words: () => SignupMessages;
  /** The words of an error code; undefined until the check chunk (which has them) is in. */
  errorText: (code: ErrorCode) => string | undefined;
  /** The person touched the form (focus, pointer, typing): fetch what checking and sending need. */
  touched: () => void;
}

type ValueKey = keyof SignupValues;

interface TextOptions {
  hint?: string;
  required?: boolean;
  /** A question's id (`data-id`). */
  id?: string;
  autocomplete?: string;
  maxLength?: number;
  /** A textarea. */
  multiline?: boolean;
  /** A select with these [value, label] options. */
  select?: [string, string][];
}

interface Choice {
  value: string;
  label: string;
  hint?: string;
  checked: boolean;
}

export interface FormParts {
  /** Above the fields: the error summary, or why the form could not be checked. */
  top: unknown;
  /** The guardian's section (under 14), its loading state or its error. */
  guardian: unknown;
  /** The submit button's words. */
  submitLabel: string;
  sending: boolean;
  /** The form is submitted. */
  onSubmit: (event: Event) => void;
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

  get #words(): SignupMessages {
    return this.#options.words();
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

  /** Whether the error summary shows: after a failed submit, while there is a problem to list. */
  get showsSummary(): boolean {
    const { summary, general, errors } = this.#problems;
    return summary && (!!general || Object.keys(errors).length > 0);
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
  readonly #onInput = (event: Event): void => {
    this.#options.touched();
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
  };

  /** The form's `change` event (a field left, a choice made): that field is checked. */
  readonly #onChange = (event: Event): void => {
    const field = (event.target as HTMLElement).dataset['f'];
    if (field) this.check(field);
  };

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

  // ------------------------------------------------------------------ the fields

  #mark(required: boolean): TemplateResult {
    return html` <span class="mark">(${required ? this.#words.required : this.#words.optional})</span>`;
  }

  /**
   * What every field shares: its control's id, its class, `aria-invalid`, `aria-describedby` (its
   * hint and error) and the hint and error themselves.
   */
  #field(key: string, hint?: string) {
    const id = fid(key);
    const error = this.#problems.errors[key];
    return {
      id,
      className: error ? 'field invalid' : 'field',
      invalid: error ? 'true' : 'false',
      describedBy: [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing,
      notes: html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="error" id="${id}-error">${this.#options.errorText(error)}</p>` : nothing}`,
    };
  }

  /** A labelled text input, textarea (`multiline`) or select (`select`). */
  text(key: string, label: string, valueKey: ValueKey, value: string, options: TextOptions = {}): TemplateResult {
    const field = this.#field(key, options.hint);
    return html`<div class=${field.className} part="field">
      <label for=${field.id}>${label}${this.#mark(options.required ?? true)}</label>
      ${field.notes}
      ${options.select
        ? html`<select id=${field.id} data-v=${valueKey} data-f=${key} aria-invalid=${field.invalid} aria-describedby=${field.describedBy}>
            <option value="" ?selected=${!value}>${this.#words.choose}</option>
            ${options.select.map(([option, optionLabel]) => html`<option value=${option} ?selected=${option === value}>${optionLabel}</option>`)}
          </select>`
        : options.multiline
          ? html`<textarea id=${field.id} rows="4" data-v=${valueKey} data-f=${key} data-id=${options.id ?? ''} maxlength=${options.maxLength ?? nothing}
              aria-invalid=${field.invalid} aria-describedby=${field.describedBy} .value=${value}></textarea>`
          : html`<input id=${field.id} type="text" data-v=${valueKey} data-f=${key} data-id=${options.id ?? ''} autocomplete=${options.autocomplete ?? 'off'}
              maxlength=${options.maxLength ?? nothing} aria-invalid=${field.invalid} aria-describedby=${field.describedBy} .value=${value} />`}
    </div>`;
  }

  /** A fieldset of radios or checkboxes. */
  choice(
    key: string,
    legend: string,
    type: 'radio' | 'checkbox',
    valueKey: ValueKey,
    choices: Choice[],
    options: { hint?: string; required?: boolean; id?: string } = {},
  ): TemplateResult {
    const field = this.#field(key, options.hint);
    return html`<fieldset class=${field.className} part="field" aria-describedby=${field.describedBy}>
      <legend>${legend}${this.#mark(options.required ?? true)}</legend>
      ${field.notes}
      <div class="choices">
        ${choices.map((choice, i) => {
          const id = i ? `${field.id}-${i}` : field.id;
          return html`<div class="choice">
            <input id=${id} type=${type} name=${field.id} value=${choice.value} data-v=${valueKey} data-f=${key} data-id=${options.id ?? ''}
              aria-invalid=${field.invalid} aria-describedby=${choice.hint ? `${id}-hint` : nothing} .checked=${choice.checked} />
            <label for=${id}>${choice.label}</label>
            ${choice.hint ? html`<p class="hint" id="${id}-hint">${choice.hint}</p>` : nothing}
          </div>`;
        })}
      </div>
    </fieldset>`;
  }

  /** How to reach a person: phone or e-mail, then the number or address. */
  contact(
    key: string,
    legend: string,
    kindKey: 'contactKind' | 'guardianContactKind',
    valueKey: 'contact' | 'guardianContact',
    hint?: string,
  ): TemplateResult {
    const words = this.#words;
    const values = this.#values;
    const kind: ContactKind = values[kindKey];
    const phone = kind === 'phone';
    const field = this.#field(key, phone ? words.phoneHint : words.emailHint);
    return html`<fieldset class=${field.className} part="field">
      <legend>${legend}${this.#mark(true)}</legend>
      ${hint ? html`<p class="hint">${hint}</p>` : nothing}
      <div class="choices inline" role="radiogroup" aria-label=${words.contactKind}>
        ${(['phone', 'email'] as const).map(
          (option) => html`<div class="choice">
            <input id="${field.id}-${option}" type="radio" name="${field.id}-kind" value=${option} data-v=${kindKey}
              data-f=${this.#problems.errors[key] ? key : nothing} .checked=${kind === option} />
            <label for="${field.id}-${option}">${words[option]}</label>
          </div>`,
        )}
      </div>
      <label for=${field.id} class="sub">${words[kind]}</label>
      ${field.notes}
      <input id=${field.id} type=${phone ? 'tel' : 'email'} data-v=${valueKey} data-f=${key} autocomplete=${key === 'contact' ? (phone ? 'tel' : 'email') : 'off'}
        inputmode=${phone ? 'tel' : 'email'} maxlength="254" aria-invalid=${field.invalid} aria-describedby=${field.describedBy} .value=${values[valueKey]} />
    </fieldset>`;
  }

  /** One consent item as PIPA art. 15(2) asks: purpose, items, retention, the right to refuse. */
  #consent(consent: SignupForm['consents'][number]): TemplateResult {
    const words = this.#words;
    const key = `consents.${consent.id}`;
    const field = this.#field(key);
    const id = field.id;
    return html`<div class="consent ${field.className}" part="consent">
      <h4 id="${id}-title">${consent.title}</h4>
      <dl id="${id}-text">
        <div><dt>${words.purpose}</dt><dd>${consent.purpose}</dd></div>
        <div><dt>${words.items}</dt><dd>${consent.items.join(', ')}</dd></div>
        <div><dt>${words.retention}</dt><dd>${consent.retention}</dd></div>
        <div><dt>${words.refusal}</dt><dd>${consent.refusal}</dd></div>
      </dl>
      ${field.notes}
      <div class="choice">
        <input id=${id} type="checkbox" data-v="consents" data-id=${consent.id} data-f=${key} .checked=${this.#values.consents[consent.id] === true}
          aria-invalid=${field.invalid} aria-describedby="${id}-title${this.#problems.errors[key] ? ` ${id}-error` : ''}" />
        <label for=${id}>${words.agree}${this.#mark(consent.required)}</label>
      </div>
    </div>`;
  }

  /** The forum's own questions. */
  #questions(form: SignupForm): TemplateResult | typeof nothing {
    const words = this.#words;
    if (!form.questions.length) return nothing;
    return html`<section class="group" aria-labelledby="q-title">
      <h3 id="q-title">${words.questions}</h3>
      <p class="hint">${words.questionsHint}</p>
      ${form.questions.map((question) => {
        const key = `answers.${question.id}`;
        const answer = this.#values.answers[question.id];
        if (question.kind === 'text') {
          const hint = [question.help, question.maxLength ? words.chars(question.maxLength) : ''].filter(Boolean).join(' · ');
          const maxLength = question.maxLength ?? 2000;
          return this.text(key, question.label, 'answers', typeof answer === 'string' ? answer : '', {
            id: question.id,
            required: question.required,
            multiline: maxLength > 100,
            maxLength,
            ...(hint ? { hint } : {}),
          });
        }
        const chosen = (option: string) => (Array.isArray(answer) ? answer.includes(option) : answer === option);
        const choices = (question.options ?? []).map((option) => ({ value: option, label: option, checked: chosen(option) }));
        return this.choice(key, question.label, question.kind === 'choice' ? 'radio' : 'checkbox', 'answers', choices, {
          id: question.id,
          required: question.required,
          ...(question.help ? { hint: question.help } : {}),
        });
      })}
    </section>`;
  }

  /** The whole form, its listeners on the `<form>`. */
  form(form: SignupForm, parts: FormParts): TemplateResult {
    const words = this.#words;
    const values = this.#values;
    const roles = ['participant', 'facilitator'].map((role) => ({ value: role, label: words.roles[role]!, hint: words.roleHints[role]!, checked: values.role === role }));
    const needs = form.accessibilityOptions.map((need) => ({ value: need, label: words.needs[need] ?? need, checked: values.accessibility.includes(need) }));
    const touched = this.#options.touched;
    return html`<form part="form" novalidate @submit=${parts.onSubmit} @input=${this.#onInput} @change=${this.#onChange} @focusin=${touched}
      @pointerdown=${touched}>
      ${parts.top}
      ${this.text('name', words.name, 'name', values.name, { autocomplete: 'name', maxLength: 50 })}
      ${this.contact('contact', words.contact, 'contactKind', 'contact', words.contactHint)}
      ${this.text('district', words.district, 'district', values.district, { select: form.districts.map((district) => [district, district]), hint: words.districtHint })}
      ${this.text('ageGroup', words.ageGroup, 'ageGroup', values.ageGroup, { select: form.ageGroups.map((age) => [age, words.ages[age] ?? age]) })}
      ${isUnder(values, form) ? parts.guardian : nothing}
      ${this.choice('role', words.role, 'radio', 'role', roles)}
      ${this.#questions(form)}
      <section class="group" aria-labelledby="a-title">
        <h3 id="a-title">${words.access}</h3>
        ${this.choice('accessibility', words.access, 'checkbox', 'accessibility', needs, { required: false, hint: words.accessHint })}
        ${this.text('accessibilityNote', words.accessNote, 'accessibilityNote', values.accessibilityNote, { required: false, multiline: true, maxLength: 500 })}
      </section>
      <section class="group" aria-labelledby="c-title">
        <h3 id="c-title">${words.consentTitle}</h3>
        <p class="hint">${words.consentIntro}</p>
        ${form.consents.map((consent) => this.#consent(consent))}
      </section>
      <div class="hp" aria-hidden="true" inert>
        <label for="f-website">${words.honeypot}</label>
        <input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" data-v="website" .value=${values.website} />
      </div>
      <button type="submit" part="submit" class="primary" ?disabled=${parts.sending}>${parts.sending ? words.sending : parts.submitLabel}</button>
    </form>`;
  }
}
