/**
 * The legal guardian's part of `<hd-signup-form>`, asked for when the under-14 age group is
 * chosen (개인정보 보호법 제22조의2). A separate chunk, fetched when that age group is chosen;
 * drawn by the element's `FormFields` (fields.ts), they validate and submit like every other field.
 */
import { css, html, type TemplateResult } from 'lit';
import { token } from '../../styles/tokens.js';
import type { FormFields } from './fields.js';

const ko = {
  guardian: '법정대리인(보호자) 정보',
  guardianHint: '만 14세 미만은 개인정보 처리에 법정대리인의 동의가 필요합니다(개인정보 보호법 제22조의2).',
  guardianName: '법정대리인 이름',
  guardianContact: '법정대리인 연락처',
  guardianAgree: '법정대리인 동의',
  guardianConsent: '법정대리인으로서 아래 개인정보 수집·이용에 동의합니다.',
};

const en: typeof ko = {
  guardian: 'Legal guardian',
  guardianHint: 'Under-14s need a legal guardian’s consent to the use of their personal information (Personal Information Protection Act, art. 22-2).',
  guardianName: 'Guardian’s name',
  guardianContact: 'Guardian’s contact',
  guardianAgree: 'Guardian’s consent',
  guardianConsent: 'As the legal guardian, I consent to the collection and use of personal information below.',
};

export const styles = css`
  .guardian { border: 2px solid ${token('color-status-waitlist')}; border-radius: ${token('radius')}; padding: ${token('space-m')}; }
`;

/** The guardian's fields, in the language `locale` (the form's fields around them are the element's). */
export function renderGuardian(fields: FormFields, locale: string): TemplateResult {
  const words = locale === 'en' ? en : ko;
  const values = fields.entry.values;
  const consent = [{ value: 'yes', label: words.guardianConsent, checked: values.guardianConsent }];
  return html`<section class="group guardian" aria-labelledby="guardian-title">
    <h3 id="guardian-title">${words.guardian}</h3>
    <p class="hint">${words.guardianHint}</p>
    ${fields.text('guardian.name', words.guardianName, 'guardianName', values.guardianName, { maxLength: 50 })}
    ${fields.contact('guardian.contact', words.guardianContact, 'guardianContactKind', 'guardianContact')}
    ${fields.choice('guardian.consent', words.guardianAgree, 'checkbox', 'guardianConsent', consent)}
  </section>`;
}
