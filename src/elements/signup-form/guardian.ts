/**
 * The legal guardian's part of `<hd-signup-form>`, asked for when the under-14 age group is
 * chosen (개인정보 보호법 제22조의2). A separate chunk, fetched when that age group is chosen;
 * the fields themselves are the element's, so they validate and submit like every other field.
 */
import { css, html } from 'lit';
import { token } from '../../styles/tokens.js';
import type { SignupHost } from './host.js';

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

export function renderGuardian(h: SignupHost) {
  const t = h.l.locale === 'en' ? en : ko;
  const v = h.values;
  return html`<section class="group guardian" aria-labelledby="guardian-title">
    <h3 id="guardian-title">${t.guardian}</h3>
    <p class="hint">${t.guardianHint}</p>
    ${h.text('guardian.name', t.guardianName, 'guardianName', v.guardianName, { max: 50 })}
    ${h.contact('guardian.contact', t.guardianContact, 'guardianContactKind', 'guardianContact')}
    ${h.group('guardian.consent', t.guardianAgree, 'checkbox', 'guardianConsent', [{ value: 'yes', label: t.guardianConsent, checked: v.guardianConsent }])}
  </section>`;
}
