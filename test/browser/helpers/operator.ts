/** Helpers for the operator tools' tests (`<hd-forum-editor>`, `<hd-results-editor>`). */
import { sendKeys } from '@web/test-runner-commands';
import { demoInfo, until } from './server.js';

type Tool = HTMLElement & { updateComplete: Promise<boolean>; shadowRoot: ShadowRoot | null };

export const $ = <T extends Element = HTMLElement>(el: Tool, sel: string) => el.shadowRoot!.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: Tool, sel: string) => [...el.shadowRoot!.querySelectorAll<T>(sel)];
export const text = (el: Element | ShadowRoot) => (el instanceof Element && el.shadowRoot ? el.shadowRoot : el).textContent!.replace(/\s+/g, ' ').trim();

/** Types into a field as a person does (the value, then the `input` event the tool listens for). */
export async function type(el: Tool, sel: string, value: string): Promise<void> {
  const field = $<HTMLInputElement>(el, sel);
  if (!field) throw new Error(`no field ${sel}`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Ticks or chooses a checkbox or radio by its id. */
export async function check(el: Tool, sel: string, on = true): Promise<void> {
  const box = $<HTMLInputElement>(el, sel)!;
  box.checked = on;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

export async function click(el: Tool, sel: string): Promise<void> {
  const target = $<HTMLElement>(el, sel);
  if (!target) throw new Error(`nothing to click at ${sel}`);
  target.click();
  await el.updateComplete;
}

/** Signs in with the keyboard: focus the token field, type, Enter. */
export async function signIn(el: Tool, token?: string): Promise<void> {
  const value = token ?? (await demoInfo()).adminToken;
  await until(() => $(el, '#f-token'), 'the sign-in form');
  $<HTMLInputElement>(el, '#f-token')!.focus();
  await sendKeys({ type: value });
  await sendKeys({ press: 'Enter' });
  await until(() => $(el, '.signed-in'), 'signed in');
  await el.updateComplete;
}

/** The ids of the problems shown at fields, and the summary's entries. */
export function problems(el: Tool, form = ''): { fields: string[]; summary: string[] } {
  const root = form ? $(el, form)! : el.shadowRoot!;
  return {
    fields: [...root.querySelectorAll('.field.invalid')].map((f) => f.querySelector('input,select,textarea')!.id),
    summary: [...root.querySelectorAll('.error-summary li a')].map((a) => a.textContent!.trim()),
  };
}

/** Lit dev-mode warnings printed from now on (each is printed once per class: set up before any element). */
export function watchLitWarnings(): string[] {
  const seen: string[] = [];
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (/lit\.dev\/msg/.test(line) && !/dev-mode/.test(line)) seen.push(line);
    warn(...args);
  };
  return seen;
}
