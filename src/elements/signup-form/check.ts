/**
 * Checking and submitting the signup form: the rules (validate.ts), the words of each error, the
 * error summary shown after a failed submit, their styles, and with them sending (`Submission`,
 * submit.ts). A separate chunk of `<hd-signup-form>`, fetched the moment the person first touches
 * the form (focus, pointer, key), so by the time a field is left or the form submitted it is in;
 * if it is not yet (a submit with no touch before, on a slow network), the check runs as soon as
 * it arrives and `updateComplete` waits for it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { SignupForm } from '../../api/types.js';
import { token } from '../../styles/tokens.js';
import type { SignupEntry } from './entry.js';
import type { SignupLocalize } from './templates.js';
import { fieldKeys } from './validate.js';
import { fid, type ErrorCode } from './values.js';

export { validateField } from './validate.js';
export { Submission } from './submit.js';

const ko = {
  summaryTitle: '입력 내용을 확인해 주세요',
  err: {
    name: '이름을 입력해 주세요.',
    nameLong: '이름은 50자 이내로 입력해 주세요.',
    contact: '연락처를 입력해 주세요.',
    phone: '전화번호를 010-1234-5678 또는 031-590-1234 형식으로 입력해 주세요.',
    email: '이메일 주소를 name@example.com 형식으로 입력해 주세요.',
    district: '사는 곳(읍·면·동)을 선택해 주세요.',
    ageGroup: '연령대를 선택해 주세요.',
    role: '참여 구분을 선택해 주세요.',
    answer: '이 질문에 답해 주세요.',
    long: '입력할 수 있는 글자 수를 넘었습니다.',
    consent: '필수 동의 항목에 동의하셔야 신청할 수 있습니다.',
    guardianName: '법정대리인의 이름을 입력해 주세요.',
    guardianConsent: '만 14세 미만은 법정대리인의 동의가 있어야 신청할 수 있습니다.',
    invalid: '입력한 내용을 확인해 주세요.',
    form: '신청서가 바뀌었습니다. 내용을 확인한 뒤 다시 신청해 주세요.',
  },
};

const en: typeof ko = {
  summaryTitle: 'There is a problem',
  err: {
    name: 'Enter your name.',
    nameLong: 'Name must be 50 characters or fewer.',
    contact: 'Enter how we can reach you.',
    phone: 'Enter a phone number like 010-1234-5678 or 031-590-1234.',
    email: 'Enter an email address like name@example.com.',
    district: 'Choose where you live.',
    ageGroup: 'Choose your age group.',
    role: 'Choose how you are taking part.',
    answer: 'Answer this question.',
    long: 'Your answer is too long.',
    consent: 'You can only sign up if you agree to the required consent.',
    guardianName: 'Enter the legal guardian’s name.',
    guardianConsent: 'Under-14s can only sign up with a legal guardian’s consent.',
    invalid: 'Check what you entered.',
    form: 'The form has changed. Check your answers and sign up again.',
  },
};

const wordsOf = (localize: SignupLocalize) => (localize.locale === 'en' ? en : ko);

/** The words of an error code, in the language in effect. */
export const errorText = (localize: SignupLocalize, code: ErrorCode): string => wordsOf(localize).err[code];

export const styles = css`
  .error { color: ${token('color-danger')}; margin: 0; font-weight: 700; }
  .field.invalid { border-inline-start: 4px solid ${token('color-danger')}; padding-inline-start: ${token('space-m')}; }
  .invalid > input, .invalid > select, .invalid > textarea { border-color: ${token('color-danger')}; }
  .summary { border: 4px solid ${token('color-danger')}; padding: ${token('space-m')}; border-radius: ${token('radius-small')}; }
  .summary ul { margin: 0; padding-inline-start: 1.25em; }
  .summary a { color: ${token('color-danger')}; font-weight: 700; }
`;

/**
 * After a failed submit: what is wrong, in field order, each a link that focuses its field
 * (`focusField`) as GOV.UK's error summary does.
 */
export function renderSummary(localize: SignupLocalize, entry: SignupEntry, form: SignupForm, focusField: (key: string) => void): TemplateResult | typeof nothing {
  const shown = fieldKeys(entry.values, form).filter((key) => entry.errors[key]);
  if (!shown.length && !entry.general) return nothing;
  const link = (key: string) => (event: Event) => {
    event.preventDefault();
    focusField(key);
  };
  return html`<div class="summary" part="error-summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
    <h3 id="summary-title">${wordsOf(localize).summaryTitle}</h3>
    ${entry.general ? html`<p>${entry.general}</p>` : nothing}
    <ul>
      ${shown.map((key) => html`<li><a href="#${fid(key)}" @click=${link(key)}>${errorText(localize, entry.errors[key]!)}</a></li>`)}
    </ul>
  </div>`;
}
