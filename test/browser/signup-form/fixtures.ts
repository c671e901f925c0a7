// What the signup form's test files share: reaching into the form's shadow root, typing and ticking
// as a person does, and a registration made straight through the API (someone else taking a seat).
import type { RegistrationReceipt } from '../../../src/api/types.js';
import type { HdSignupForm } from '../../../src/elements/signup-form/signup-form.js';

export const $ = <T extends HTMLElement = HTMLElement>(el: HdSignupForm, sel: string) => el.shadowRoot!.querySelector<T>(sel)!;
export const text = (el: HdSignupForm) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

/** Phone numbers no other test file hands out: each file passes its own `base` (a thousand apart). */
export function phones(base: number): () => string {
  let n = 0;
  return () => `010-${String(base + (Date.now() % 5000)).slice(0, 4)}-${String(2000 + n++).padStart(4, '0')}`;
}

/** Types into a field as a person does (input, then change). */
export function type(el: HdSignupForm, sel: string, value: string): void {
  const input = $<HTMLInputElement>(el, sel);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Ticks a checkbox (or radio) unless it is ticked already. */
export function tick(el: HdSignupForm, sel: string): void {
  const box = $<HTMLInputElement>(el, sel);
  if (!box.checked) box.click();
}

/** Fills in the required fields with valid answers (a person signing up as a participant). */
export async function fillValid(el: HdSignupForm, phone: string): Promise<void> {
  type(el, '#f-name', '홍길동');
  type(el, '#f-contact', phone);
  type(el, '#f-district', '진접읍');
  type(el, '#f-ageGroup', '30s');
  tick(el, '#f-role');
  tick(el, '#f-consents-personal');
  await el.updateComplete;
}

/** Someone registers through the API, not the form. */
export async function registerByApi(forumId: string, name: string, phone: string): Promise<RegistrationReceipt> {
  const res = await fetch(`/api/forums/${forumId}/registrations`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ name, contact: { kind: 'phone', value: phone }, district: '진접읍', ageGroup: '40s', role: 'participant', consentVersion: '2026-01', consents: { personal: true, accessibility: false, notice: false } }),
  });
  if (res.status !== 201) throw new Error(`registration: ${res.status} ${await res.text()}`);
  return (await res.json()) as RegistrationReceipt;
}
