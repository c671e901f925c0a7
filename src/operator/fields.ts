/**
 * The operator forms' fields as templates: a label, a hint, the problem (when there is one) and the
 * control, tied together by ids and `aria-describedby`; and the error summary listing the problems
 * in the order the fields appear, each a link that moves focus to its field. A `FieldSet` is made
 * per render: the fields drawn first, the summary then knows their order and labels.
 *
 * Controls carry `data-f` (their key): a tool reads every change in one `input` listener.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { FieldSpec, FormErrors, Problem } from './form.js';
import type { OperatorWords } from './messages.js';

/** The DOM id of a field's control. */
export const fieldId = (key: string): string => `f-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export interface FieldDef {
  key: string;
  label: string;
  spec: FieldSpec;
  value: string;
  hint?: string;
  /** `textarea`, `select`, or an `<input type>` (default `text`). */
  control?: string;
  options?: readonly (readonly [string, string])[];
  /** Width class: `s` (numbers), `m` (dates, codes), default the column. */
  size?: 's' | 'm';
  /** A textarea's rows (default 4). */
  rows?: number;
  /** Id of a `<datalist>` of suggestions. */
  list?: string;
  autocomplete?: string;
  /** Words of this field's own for some problems (an `order` problem: this must come after that). */
  say?: Partial<Record<Problem, string>>;
}

export interface ChoiceDef {
  key: string;
  label: string;
  spec: FieldSpec;
  value: string;
  options: readonly (readonly [string, string])[];
  hint?: string;
}

/** What the words of a problem need to know of its field. */
type Described = { label: string; spec: FieldSpec; say?: Partial<Record<Problem, string>> | undefined; control?: string | undefined };

export class FieldSet {
  readonly #errors: FormErrors;
  readonly #w: OperatorWords;
  readonly #num: (n: number) => string;
  /** Problems drawn at their fields, in order: the summary's entries. */
  readonly #shown: { key: string; text: string }[] = [];

  constructor(errors: FormErrors, words: OperatorWords, num: (n: number) => string) {
    this.#errors = errors;
    this.#w = words;
    this.#num = num;
  }

  /** A problem of a field in words. */
  #text(problem: Problem, f: Described): string {
    const p = this.#w.problem;
    const { spec, label } = f;
    const n = this.#num;
    const own = f.say?.[problem];
    if (own) return own;
    switch (problem) {
      case 'missing':
        return f.control === 'select' || spec.type === 'choice' ? p.choose(label) : p.missing(label);
      case 'tooLong':
        return p.tooLong(label, n((spec.type === 'list' ? spec.itemMax : spec.max) ?? 0));
      case 'tooMany':
        return p.tooMany(label, n(spec.max ?? 0));
      case 'range':
        return p.range(label, n(spec.min ?? 0), n(spec.max ?? 0));
      case 'format':
        return p.format(label);
      default:
        return p.other(label);
    }
  }

  /** The problem of `key`, noted for the summary; with the ids that describe the control. */
  #note(key: string, f: Described, hint?: string) {
    const id = fieldId(key);
    const problem = this.#errors.problems.get(key);
    const text = problem ? this.#text(problem, f) : '';
    if (text) this.#shown.push({ key, text });
    return {
      id,
      cls: text ? 'field invalid' : 'field',
      invalid: text ? 'true' : 'false',
      described: [hint ? `${id}-hint` : '', text ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing,
      notes: html`${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}${text
        ? html`<p class="error" id="${id}-error"><span class="visually-hidden">${this.#w.summaryTitle}: </span>${text}</p>`
        : nothing}`,
    };
  }

  #mark(spec: FieldSpec) {
    return html` <span class="mark">(${spec.required ? this.#w.required : this.#w.optional})</span>`;
  }

  /** A labelled input, textarea or select. */
  input(f: FieldDef): TemplateResult {
    const b = this.#note(f.key, f, f.hint);
    const control = f.control ?? 'text';
    const size = f.size ? `w-${f.size}` : '';
    let el: TemplateResult;
    if (control === 'textarea') {
      el = html`<textarea id=${b.id} data-f=${f.key} rows=${f.rows ?? 4} aria-invalid=${b.invalid} aria-describedby=${b.described} .value=${f.value}></textarea>`;
    } else if (control === 'select') {
      el = html`<select id=${b.id} data-f=${f.key} class=${size} aria-invalid=${b.invalid} aria-describedby=${b.described}>
        ${(f.options ?? []).map(([value, label]) => html`<option value=${value} ?selected=${value === f.value}>${label}</option>`)}
      </select>`;
    } else {
      el = html`<input id=${b.id} data-f=${f.key} type=${control} class=${size} list=${f.list ?? nothing}
        autocomplete=${f.autocomplete ?? 'off'} inputmode=${control === 'number' ? 'numeric' : nothing}
        aria-invalid=${b.invalid} aria-describedby=${b.described} .value=${f.value} />`;
    }
    return html`<div class=${b.cls}>
      <label for=${b.id}>${f.label}${this.#mark(f.spec)}</label>
      ${b.notes}${el}
    </div>`;
  }

  /** A checkbox with its label beside it. */
  check(key: string, label: string, checked: boolean, hint?: string): TemplateResult {
    const b = this.#note(key, { label, spec: { type: 'flag' } }, hint);
    return html`<div class="${b.cls} check">
      <input id=${b.id} type="checkbox" data-f=${key} aria-invalid=${b.invalid} aria-describedby=${b.described} .checked=${checked} />
      <label for=${b.id}>${label}</label>
      ${b.notes}
    </div>`;
  }

  /** A fieldset of radios. */
  radios(f: ChoiceDef): TemplateResult {
    const b = this.#note(f.key, { label: f.label, spec: f.spec }, f.hint);
    return html`<fieldset class=${b.cls} aria-describedby=${b.described}>
      <legend>${f.label}${this.#mark(f.spec)}</legend>
      ${b.notes}
      <div class="choices">
        ${f.options.map(
          ([value, label], i) => html`<div class="check">
            <input id=${i ? `${b.id}-${i}` : b.id} type="radio" name=${b.id} value=${value} data-f=${f.key} .checked=${value === f.value} />
            <label for=${i ? `${b.id}-${i}` : b.id}>${label}</label>
          </div>`,
        )}
      </div>
    </fieldset>`;
  }

  /**
   * The summary of this form's problems, for after the fields are drawn (it lists those drawn with
   * a problem, in their order). Nothing when there is none.
   */
  summary(): TemplateResult | typeof nothing {
    const errors = this.#errors;
    if (!this.#shown.length && !errors.general) return nothing;
    const id = `${errors.id}-summary`;
    const go = (e: Event, key: string) => {
      e.preventDefault();
      const root = (e.currentTarget as Element).getRootNode() as ShadowRoot;
      root.getElementById(fieldId(key))?.focus();
    };
    return html`<div class="error-summary" id=${id} role="alert" tabindex="-1" aria-labelledby="${id}-title">
      <h3 id="${id}-title">${this.#w.summaryTitle}</h3>
      ${errors.general ? html`<p>${errors.general}</p>` : nothing}
      ${this.#shown.length
        ? html`<ul>
            ${this.#shown.map(({ key, text }) => html`<li><a href="#${fieldId(key)}" @click=${(e: Event) => go(e, key)}>${text}</a></li>`)}
          </ul>`
        : nothing}
    </div>`;
  }
}
