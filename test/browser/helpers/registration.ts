import type { ApiClient } from '../../../src/api/client.js';
import type { RegistrationInput, SignupForm } from '../../../src/api/types.js';

let counter = 0;

/** A valid registration for the forum's form, with a contact no one else uses. */
export async function validRegistration(client: ApiClient, forumId: string): Promise<RegistrationInput> {
  const form: SignupForm = await client.getSignupForm(forumId);
  const answers: Record<string, string | string[]> = {};
  for (const q of form.questions) {
    if (!q.required) continue;
    if (q.kind === 'text') answers[q.id] = '참여하고 싶습니다.';
    else if (q.kind === 'choice') answers[q.id] = q.options?.[0] ?? '';
    else answers[q.id] = [q.options?.[0] ?? ''];
  }
  const consents: Record<string, boolean> = {};
  for (const c of form.consents) consents[c.id] = c.required;
  counter++;
  const input: RegistrationInput = {
    name: '김현답',
    contact: { kind: 'email', value: `wtr-${Date.now()}-${counter}-${Math.random().toString(36).slice(2, 8)}@example.kr` },
    district: form.districts[0] ?? '금곡동',
    ageGroup: '30s',
    role: 'participant',
    consentVersion: form.consentVersion,
    consents,
  };
  if (Object.keys(answers).length) input.answers = answers;
  return input;
}
