import { css } from 'lit';
import { token } from '../../styles/tokens.js';

/**
 * One column, labels above fields, hints under labels, errors in red with a bar (GOV.UK / KRDS).
 * The styles of what shows later (confirmation, cancel view, guardian, notices, pending) come with
 * their chunks (see the `styles` of check.ts, submit.ts, views.ts, guardian.ts, notices.ts).
 *
 * `.base`: baseStyles' `:host > *` starts the top-level child over (font, colour, spacing, case,
 * direction) from our tokens, against page rules that reach the host element with !important.
 * Headings keep the browser's sizes (h2 1.5em, h4 1em) but for h3.
 * (Comments live here, not in the CSS, so they do not ship.)
 */
export const styles = css`
  :host {
    --_max: var(--hd-signup-form-max-width, 40em);
    --_panel: var(--hd-signup-form-panel-color, ${token('color-success')});
  }
  .base {
    max-inline-size: var(--_max);
    background: ${token('color-surface')};
  }
  h2, h3, h4 { line-height: 1.35; margin: 0 0 ${token('space-s')}; }
  h3 { font-size: 1.2em; }
  p, dl { margin: 0 0 ${token('space-m')}; }
  .forum { border-block-end: 1px solid ${token('color-border')}; padding-block-end: ${token('space-m')}; margin-block-end: ${token('space-l')}; }
  .consent { border: 1px solid ${token('color-border')}; border-radius: ${token('radius')}; padding: ${token('space-m')}; background: ${token('color-surface-alt')}; }
  .title, dt, label, legend, button { font-weight: 700; }
  .meta { display: flex; flex-wrap: wrap; gap: ${token('space-s')} ${token('space-m')}; align-items: center; }
  .badge { padding: 0.1em 0.6em; border-radius: 999px; font-weight: 700; color: var(--_c); background: color-mix(in srgb, var(--_c) 12%, ${token('color-surface')}); --_c: ${token('color-status-finished')}; }
  .badge--open { --_c: ${token('color-status-open')}; }
  .badge--closing { --_c: ${token('color-status-closing')}; }
  .badge--full { --_c: ${token('color-status-waitlist')}; }
  dl > div { display: flex; flex-wrap: wrap; gap: 0 ${token('space-s')}; }
  dt::after { content: ':'; }
  dd { margin: 0; }
  .about, .hint, .mark { color: ${token('color-muted')}; margin: 0; }
  .mark { font-weight: 400; }
  form, .field, .group, .choices { display: grid; gap: ${token('space-xs')}; }
  form { gap: ${token('space-l')}; }
  .group { gap: ${token('space-m')}; border-block-start: 1px solid ${token('color-border')}; padding-block-start: ${token('space-m')}; }
  .field { margin: 0; padding: 0; border: 0; min-inline-size: 0; }
  legend { padding: 0; }
  .sub { margin-block-start: ${token('space-s')}; }
  input:not([type='checkbox']):not([type='radio']), select, textarea {
    inline-size: 100%; padding: ${token('space-s')}; margin: 0;
    border: 2px solid ${token('color-text')}; border-radius: ${token('radius-small')}; background: ${token('color-surface')};
  }
  input[type='tel'], input[autocomplete='name'] { max-inline-size: 20em; }
  textarea { resize: vertical; }
  .choices.inline { display: flex; flex-wrap: wrap; gap: 0 ${token('space-l')}; }
  .choice { display: grid; grid-template-columns: auto 1fr; align-items: center; column-gap: ${token('space-s')}; min-block-size: ${token('touch-target')}; }
  .choice input { margin: 0 0.5em; }
  .choice label { font-weight: 400; padding-block: 0.5em; cursor: pointer; }
  .choice .hint { grid-column: 2; }
  .consent dl > div { display: block; margin-block-end: ${token('space-xs')}; }
  /* Out of sight without moving it off the page (an offset would widen an RTL page's scroll area). */
  .hp { position: absolute; inline-size: 1px; block-size: 1px; overflow: hidden; clip-path: inset(50%); opacity: 0; pointer-events: none; }
  button {
    display: inline-flex; align-items: center; justify-content: center; margin: 0;
    padding: ${token('space-s')} ${token('space-l')}; border-radius: ${token('radius-small')}; border: 2px solid var(--_b, ${token('color-accent')});
    background: ${token('color-surface')}; color: var(--_b, ${token('color-accent')});
  }
  .primary { background: var(--_b, ${token('color-accent')}); color: ${token('color-on-accent')}; justify-self: start; font-size: 1.125em; }
  button:disabled { opacity: 0.7; cursor: progress; }
  .notice { border-inline-start: 6px solid var(--_n, ${token('color-accent')}); background: ${token('color-surface-alt')}; padding: ${token('space-m')}; margin-block-end: ${token('space-l')}; }
  .error-box { --_n: ${token('color-danger')}; }
  /* at least a screen while loading: the form is longer, so the page below is out of sight and does not jump */
  .skeleton { min-block-size: max(24em, 100svh); border-radius: ${token('radius')}; background: ${token('color-surface-alt')}; padding: ${token('space-m')}; color: ${token('color-muted')}; }
`;
