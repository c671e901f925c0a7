import { css } from 'lit';
import { token } from '../../styles/tokens.js';

/** `<hd-forum-editor>`'s own layout, after the operator tools' shared sheet. */
export const styles = css`
  :host {
    --_max: var(--hd-forum-editor-max-width, 52em);
  }
  .base > :not(.group:has(.preview)) { max-inline-size: var(--_max); }
  .questions, .consents { list-style: none; padding: 0; display: grid; gap: ${token('space-m')}; }
  .question h4 { font-size: 1.05em; }
  .consent h4 { display: flex; flex-wrap: wrap; gap: ${token('space-xs')} ${token('space-s')}; align-items: baseline; }
  .consent dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: ${token('space-xs')} ${token('space-m')}; }
  .consent dt { font-weight: 700; }
  @container (max-width: 36em) {
    .consent dl { grid-template-columns: minmax(0, 1fr); }
    .consent dd { margin-block-end: ${token('space-s')}; }
  }
  .status-note:empty { display: none; }
  .status-note { font-weight: 700; }
  code { font-size: 1.1em; letter-spacing: 0.05em; }
`;
