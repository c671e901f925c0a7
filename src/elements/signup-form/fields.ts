/**
 * `FormFields`: the signup form's fields and the form itself as templates. What each field shows
 * comes from the words, what was entered and what is wrong with it (`SignupEntry`); what a person
 * does with them goes to the form's own listeners (each control names the value it sets in `data-v`
 * and its field in `data-f`). The element makes one per render; the guardian's fields (guardian.ts,
 * a later chunk) are drawn by the same object, handed to it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { SignupForm } from '../../api/types.js';
import type { SignupEntry } from './entry.js';
import type { SignupMessages } from './messages.js';
import { fid, isUnder, type ContactKind, type ErrorCode, type SignupValues } from './values.js';

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
}

export class FormFields {
  constructor(
    readonly words: SignupMessages,
    readonly entry: SignupEntry,
    /** The words of an error code; undefined until the check chunk (which has them) is in. */
    readonly errorText: ((code: ErrorCode) => string) | undefined,
  ) {}

  #mark(required: boolean): TemplateResult {
    return html` <span class="mark">(${required ? this.words.required : this.words.optional})</span>`;
  }

  /**
   * What every field shares: its control's id, its class, `aria-invalid`, `aria-describedby` (its
   * hint and error) and the hint and error themselves.
   */
  #field(key: string, hint?: string) {
    const id = fid(key);
    const error = this.entry.errors[key];
    return {
      id,
      className: error ? 'field invalid' : 'field',
      invalid: error ? 'true' : 'false',
      describedBy: [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing,
      notes: html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="error" id="${id}-error">${this.errorText?.(error)}</p>` : nothing}`,
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
            <option value="" ?selected=${!value}>${this.words.choose}</option>
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
    const words = this.words;
    const values = this.entry.values;
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
              data-f=${this.entry.errors[key] ? key : nothing} .checked=${kind === option} />
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
    const words = this.words;
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
        <input id=${id} type="checkbox" data-v="consents" data-id=${consent.id} data-f=${key} .checked=${this.entry.values.consents[consent.id] === true}
          aria-invalid=${field.invalid} aria-describedby="${id}-title${this.entry.errors[key] ? ` ${id}-error` : ''}" />
        <label for=${id}>${words.agree}${this.#mark(consent.required)}</label>
      </div>
    </div>`;
  }

  /** The forum's own questions. */
  #questions(form: SignupForm): TemplateResult | typeof nothing {
    const words = this.words;
    if (!form.questions.length) return nothing;
    return html`<section class="group" aria-labelledby="q-title">
      <h3 id="q-title">${words.questions}</h3>
      <p class="hint">${words.questionsHint}</p>
      ${form.questions.map((question) => {
        const key = `answers.${question.id}`;
        const answer = this.entry.values.answers[question.id];
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
  form(form: SignupForm, parts: FormParts, listeners: Record<'submit' | 'input' | 'change' | 'touch', (event: Event) => void>): TemplateResult {
    const words = this.words;
    const values = this.entry.values;
    const roles = ['participant', 'facilitator'].map((role) => ({ value: role, label: words.roles[role]!, hint: words.roleHints[role]!, checked: values.role === role }));
    const needs = form.accessibilityOptions.map((need) => ({ value: need, label: words.needs[need] ?? need, checked: values.accessibility.includes(need) }));
    return html`<form part="form" novalidate @submit=${listeners.submit} @input=${listeners.input} @change=${listeners.change} @focusin=${listeners.touch}
      @pointerdown=${listeners.touch}>
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
