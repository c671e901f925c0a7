/**
 * `baseStyles`: what every widget's shadow root starts with — `static styles = [baseStyles, styles]`.
 * `:host` sets display, box-sizing, font and colour so the host page's CSS cannot break us.
 */
import { css } from 'lit';
import { tokenStyles } from './tokens.js';

export const baseStyles = css`
  ${tokenStyles}

  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_hd-font-family);
    font-size: max(16px, var(--_hd-font-size));
    line-height: var(--_hd-line-height);
    color: var(--_hd-color-text);
    text-align: start;
    -webkit-text-size-adjust: 100%;
    word-break: keep-all;
    overflow-wrap: anywhere;
  }

  :host([hidden]) {
    display: none !important;
  }

  /* A page rule with !important that matches our host element (\`body * { font: 30px serif
     !important }\`, \`* { color: red !important }\`) beats :host, and inherited text properties
     would flow into everything inside. Page rules cannot reach inside the shadow root, so each
     top-level child starts over from our tokens. The direction is the widgets' languages' (Korean,
     English: left to right), whatever the page's: on an RTL page Korean punctuation and chart
     labels would otherwise land on the wrong side. Widget rules on these children come later and
     still win. */
  :host > * {
    font: normal 400 max(16px, var(--_hd-font-size)) / var(--_hd-line-height) var(--_hd-font-family);
    color: var(--_hd-color-text);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-shadow: none;
    text-align: start;
    direction: ltr;
  }

  /* Not \`inherit\`: a host page rule like \`* { box-sizing: content-box !important }\` beats :host
     and would flow into every field. Page rules cannot reach inside the shadow root, so this holds. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: var(--_hd-focus-ring-width) solid var(--_hd-color-focus);
    outline-offset: 2px;
  }

  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }

  button,
  [role='button'],
  a.button,
  input:not([type='checkbox']):not([type='radio']),
  select {
    min-height: var(--_hd-touch-target);
  }

  button,
  [role='button'] {
    min-width: var(--_hd-touch-target);
    cursor: pointer;
  }

  input[type='checkbox'],
  input[type='radio'] {
    width: 1.25rem;
    height: 1.25rem;
    accent-color: var(--_hd-color-accent);
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      /* one run, not an endless 0.01 ms loop: that would flicker (a pulsing skeleton, say) */
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
    }
  }
`;
