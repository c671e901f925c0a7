/**
 * Forms the operator tools share, GOV.UK style: each field has a spec (what a valid value is, as
 * the contract says), is checked when the form is sent, and a problem is shown twice — in an error
 * summary at the top that links to the field, and at the field itself. The server's problem
 * details (`errors[].field`, a dotted path of the request) land at the field of the same key, so
 * the keys of our fields are the request's paths (`title`, `venue.name`, `questions.2.label`).
 * Nothing typed is touched: errors live beside the values, never in place of them.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError } from '../api/errors.js';

/** What is wrong with a value, in words a field's label completes. */
export type Problem = 'missing' | 'tooLong' | 'tooMany' | 'range' | 'format' | 'order' | 'conflict' | 'other';

export interface FieldSpec {
  /** How the value is typed: which checks run and how a problem is put. */
  type: 'text' | 'number' | 'datetime' | 'date' | 'list' | 'choice' | 'flag';
  required?: boolean;
  /** text: characters; number: largest value; list: items. */
  max?: number;
  /** number: smallest value. */
  min?: number;
  /** list: characters per item. */
  itemMax?: number;
  /** text: the whole value must match. */
  pattern?: RegExp;
  /** list: one item per line (commas belong to the items); otherwise lines or commas. */
  lines?: boolean;
}

/** A list field's items: one per line or comma (`lines`: per line only), trimmed, empty ones dropped. */
export const listItems = (raw: string, lines = false): string[] =>
  raw
    .split(lines ? /\n/ : /[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** What is wrong with a raw value by its spec, before anything is sent; undefined when nothing. */
export function problemOf(spec: FieldSpec, raw: string | boolean): Problem | undefined {
  if (typeof raw === 'boolean') return spec.required && !raw ? 'missing' : undefined;
  const value = raw.trim();
  if (!value) return spec.required ? 'missing' : undefined;
  switch (spec.type) {
    case 'number': {
      const n = Number(value);
      return /^-?\d+$/.test(value) && n >= (spec.min ?? 0) && n <= (spec.max ?? Infinity) ? undefined : 'range';
    }
    case 'datetime':
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? undefined : 'format';
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : 'format';
    case 'list': {
      const items = listItems(value, spec.lines);
      if (spec.max !== undefined && items.length > spec.max) return 'tooMany';
      return spec.itemMax !== undefined && items.some((i) => [...i].length > spec.itemMax!) ? 'tooLong' : undefined;
    }
    case 'text':
      if (spec.max !== undefined && [...value].length > spec.max) return 'tooLong';
      return spec.pattern && !spec.pattern.test(value) ? 'format' : undefined;
    default:
      return undefined;
  }
}

/** A server field error's `code` in the same terms. */
export function problemFromServer(spec: FieldSpec | undefined, code: string): Problem {
  switch (code) {
    case 'required':
    case 'too_short':
      return 'missing';
    case 'too_long':
      return 'tooLong';
    case 'too_big':
    case 'too_small':
      return spec?.type === 'number' ? 'range' : spec?.type === 'list' ? 'tooMany' : 'tooLong';
    case 'invalid_format':
    case 'invalid_type':
      return 'format';
    case 'invalid_value':
      return spec?.type === 'datetime' ? 'order' : 'other';
    default:
      return 'other';
  }
}

/**
 * One form's problems (a tool may have several forms: each its own `FormErrors` with its own `id`).
 * After a failed send the summary shows and takes focus; a field's problem goes once it is fixed.
 */
export class FormErrors implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #focus = false;
  /** Problems by field key, in no particular order (the summary follows the fields' order). */
  problems = new Map<string, Problem>();
  /** A problem that belongs to no field (a conflict, a refused token), shown at the top of the summary. */
  general = '';

  /** `id`: the summary's element id (unique within the tool's shadow root). */
  constructor(host: ReactiveControllerHost & HTMLElement, readonly id: string) {
    this.#host = host;
    host.addController(this);
  }

  get any(): boolean {
    return this.problems.size > 0 || this.general !== '';
  }

  /** Shows these problems and moves focus to the summary once drawn. */
  show(problems: Map<string, Problem>, general = ''): void {
    this.problems = problems;
    this.general = general;
    this.#focus = true;
    this.#host.requestUpdate();
  }

  clear(): void {
    this.problems = new Map();
    this.general = '';
    this.#host.requestUpdate();
  }

  /** A field changed: its problem is dropped once fixed (or changes to the new one). */
  recheck(key: string, problem: Problem | undefined): void {
    if (!this.problems.has(key) || this.problems.get(key) === problem) return;
    const next = new Map(this.problems);
    if (problem) next.set(key, problem);
    else next.delete(key);
    this.problems = next;
    this.#host.requestUpdate();
  }

  /**
   * A refused write's field errors, at the fields whose keys they name (`prefix` + the request
   * path, or the nearest field above it: `questions.2.options.1` → `questions.2.options`). True
   * when it was such an error (and is shown); false for any other error (the caller says it).
   * `unplaced`: what the summary says for an error naming no field this form has.
   */
  fromServer(error: unknown, specOf: (key: string) => FieldSpec | undefined, unplaced: string, prefix = ''): boolean {
    if (!(error instanceof ApiError) || error.kind !== 'validation' || !error.problem?.errors?.length) return false;
    const problems = new Map<string, Problem>();
    let general = '';
    for (const e of error.problem.errors) {
      let key = prefix + e.field;
      while (key.length > prefix.length && !specOf(key)) key = key.slice(0, Math.max(prefix.length, key.lastIndexOf('.')));
      if (key.length > prefix.length) problems.set(key, problemFromServer(specOf(key), e.code));
      else general = unplaced;
    }
    this.show(problems, general);
    return true;
  }

  hostUpdated(): void {
    if (!this.#focus) return;
    this.#focus = false;
    this.#host.shadowRoot?.getElementById(`${this.id}-summary`)?.focus();
  }
}
