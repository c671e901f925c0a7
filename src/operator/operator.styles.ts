import { css } from 'lit';
import { token } from '../styles/tokens.js';

/**
 * What the operator tools share, after `baseStyles`: calm forms as GOV.UK and KRDS set them out —
 * one column, labels above fields, hints under labels, a problem in red with a bar at its field and
 * a bordered summary at the top; buttons at least 44 px; status badges in the colours every widget
 * uses. A tool's own sheet comes after this one.
 */
export const operatorStyles = css`
  :host {
    container-type: inline-size;
  }
  .base {
    display: grid;
    gap: ${token('space-l')};
    min-inline-size: 0;
  }
  h2, h3, h4, p, ul, ol, dl, dd, fieldset, figure { margin: 0; }
  h2 { font-size: 1.5em; line-height: 1.3; }
  h3 { font-size: 1.25em; line-height: 1.35; }
  h4 { font-size: 1.05em; }
  [tabindex='-1']:focus { outline: none; }
  [tabindex='-1']:focus-visible { outline: var(--_hd-focus-ring-width) solid var(--_hd-color-focus); }
  section, form, .stack { display: grid; gap: ${token('space-m')}; min-inline-size: 0; }
  .muted, .hint, .mark { color: ${token('color-muted')}; }
  .mark { font-weight: 400; }

  .field { display: grid; gap: ${token('space-xs')}; margin: 0; padding: 0; border: 0; min-inline-size: 0; }
  label, legend { font-weight: 700; padding: 0; }
  .field.invalid { border-inline-start: 4px solid ${token('color-danger')}; padding-inline-start: ${token('space-m')}; }
  .error { color: ${token('color-danger')}; font-weight: 700; }
  input:not([type='checkbox']):not([type='radio']), select, textarea {
    inline-size: 100%;
    margin: 0;
    padding: ${token('space-s')};
    border: 2px solid ${token('color-text')};
    border-radius: ${token('radius-small')};
    background: ${token('color-surface')};
  }
  .field.invalid > :is(input, select, textarea):not([type='checkbox']):not([type='radio']) { border-color: ${token('color-danger')}; }
  textarea { resize: vertical; min-block-size: 6em; }
  textarea[rows='2'] { min-block-size: 0; }
  .w-s { max-inline-size: 9em; }
  .w-m { max-inline-size: 18em; }
  .check { display: grid; grid-template-columns: auto 1fr; align-items: center; column-gap: ${token('space-s')}; min-block-size: ${token('touch-target')}; }
  .check > input { margin: 0 0.4em; }
  .check > label { font-weight: 400; padding-block: 0.4em; cursor: pointer; }
  .check > .hint, .check > .error { grid-column: 2; }
  .check.invalid { padding-inline-start: ${token('space-s')}; }
  .choices { display: flex; flex-wrap: wrap; gap: 0 ${token('space-l')}; }
  .row { display: grid; gap: ${token('space-m')}; grid-template-columns: repeat(auto-fit, minmax(min(100%, 15em), 1fr)); align-items: start; }
  fieldset.group { display: grid; gap: ${token('space-m')}; border: 0; border-block-start: 1px solid ${token('color-border')}; padding: ${token('space-m')} 0 0; min-inline-size: 0; }
  fieldset.group > legend { font-size: 1.25em; float: left; inline-size: 100%; margin-block-end: ${token('space-xs')}; }
  fieldset.group > legend + * { clear: both; }

  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    margin: 0;
    padding: ${token('space-s')} ${token('space-l')};
    border-radius: ${token('radius-small')};
    border: 2px solid var(--_b, ${token('color-accent')});
    background: ${token('color-surface')};
    color: var(--_b, ${token('color-accent')});
    font-weight: 700;
    text-align: center;
  }
  .primary { background: var(--_b, ${token('color-accent')}); color: ${token('color-on-accent')}; }
  button.warning { --_b: ${token('color-danger')}; }
  button.warning.primary { color: ${token('color-on-accent')}; }
  .link { border-color: transparent; background: none; padding-inline: ${token('space-s')}; text-decoration: underline; font-weight: 400; }
  button:disabled { opacity: 0.7; cursor: progress; }
  form > button { justify-self: start; }
  .actions { display: flex; flex-wrap: wrap; gap: ${token('space-s')} ${token('space-m')}; align-items: center; }

  .error-summary {
    display: grid;
    gap: ${token('space-s')};
    border: 4px solid ${token('color-danger')};
    border-radius: ${token('radius-small')};
    padding: ${token('space-m')};
  }
  .error-summary ul { padding-inline-start: 1.25em; }
  .error-summary a { color: ${token('color-danger')}; font-weight: 700; }
  .banner {
    border-inline-start: 6px solid var(--_n, ${token('color-accent')});
    background: ${token('color-surface-alt')};
    padding: ${token('space-m')};
    display: grid;
    gap: ${token('space-xs')};
  }
  .banner.success { --_n: ${token('color-success')}; }
  .banner.warning { --_n: ${token('color-danger')}; }
  .banner h3 { font-size: 1.1em; }

  .signed-in {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: ${token('space-s')} ${token('space-m')};
    padding-block-end: ${token('space-s')};
    border-block-end: 1px solid ${token('color-border')};
  }
  .sign-in { max-inline-size: 36em; }
  .card {
    display: grid;
    gap: ${token('space-m')};
    border: 1px solid ${token('color-border')};
    border-radius: ${token('radius')};
    padding: ${token('space-m')};
    background: ${token('color-surface')};
    min-inline-size: 0;
  }
  .badge {
    display: inline-block;
    padding: 0.05em 0.6em;
    border-radius: 999px;
    font-weight: 700;
    white-space: nowrap;
    color: var(--_c, ${token('color-status-finished')});
    background: color-mix(in srgb, var(--_c, ${token('color-status-finished')}) 12%, ${token('color-surface')});
  }
  .s-open { --_c: ${token('color-status-open')}; }
  .s-full { --_c: ${token('color-status-waitlist')}; }
  .s-closed { --_c: ${token('color-status-full')}; }
  .s-live { --_c: ${token('color-status-live')}; }
  .s-reported { --_c: ${token('color-status-reported')}; }
  .s-accepted { --_c: ${token('color-response-accepted')}; }
  .s-partial { --_c: ${token('color-response-partial')}; }
  .s-reviewing { --_c: ${token('color-response-reviewing')}; }
  .s-declined { --_c: ${token('color-response-declined')}; }
  .s-awaiting { --_c: ${token('color-response-awaiting')}; }
  .facts { display: flex; flex-wrap: wrap; gap: ${token('space-xs')} ${token('space-l')}; }
  .facts > div { display: flex; gap: 0.4em; }
  .facts dt { color: ${token('color-muted')}; flex: none; }
  .facts dd { min-inline-size: 0; }
  .picker { display: flex; flex-wrap: wrap; gap: ${token('space-s')} ${token('space-m')}; align-items: end; }
  .picker > .field { flex: 1 1 18em; }
  .loading { color: ${token('color-muted')}; min-block-size: 12em; padding: ${token('space-m')}; background: ${token('color-surface-alt')}; border-radius: ${token('radius')}; }
`;
