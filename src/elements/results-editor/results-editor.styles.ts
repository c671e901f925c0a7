import { css } from 'lit';
import { token } from '../../styles/tokens.js';

/** `<hd-results-editor>`'s own layout, after the operator tools' shared sheet. */
export const styles = css`
  :host {
    --_max: var(--hd-results-editor-max-width, 52em);
  }
  .base { max-inline-size: var(--_max); }
  h5 { font-size: 1em; margin: 0; }
  .ideas, .proposal-drafts, .answers { list-style: none; padding: 0; display: grid; gap: ${token('space-m')}; }
  .idea {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: ${token('space-xs')} ${token('space-m')};
    align-items: center;
    padding-block: ${token('space-s')};
    border-block-end: 1px solid ${token('color-border')};
  }
  .idea > p { grid-column: 1; }
  .idea > button { grid-column: 2; grid-row: 1 / span 2; }
  @container (max-width: 30em) {
    .idea { grid-template-columns: minmax(0, 1fr); }
    .idea > button { grid-column: 1; grid-row: auto; justify-self: start; }
  }
  .label { font-weight: 700; }
  .sources { padding-inline-start: 1.25em; display: grid; gap: ${token('space-xs')}; }
  .sources li { display: flex; flex-wrap: wrap; gap: 0 ${token('space-s')}; align-items: center; justify-content: space-between; }
  .p-head { display: flex; flex-wrap: wrap; gap: ${token('space-xs')} ${token('space-m')}; align-items: baseline; }
  .p-head h4 { flex: 1 1 12em; }
  .rank { font-weight: 700; color: ${token('color-accent')}; }
  .answer-now { padding: ${token('space-s')} ${token('space-m')}; border-inline-start: 4px solid ${token('color-accent')}; background: ${token('color-surface-alt')}; }
  .timeline { padding-inline-start: 1.25em; display: grid; gap: ${token('space-xs')}; }
  .timeline time { color: ${token('color-muted')}; font-variant-numeric: tabular-nums; }
  .note:empty { display: none; }
  .note { font-weight: 700; color: ${token('color-success')}; }
  .answer-form { border-block-start: 1px solid ${token('color-border')}; padding-block-start: ${token('space-m')}; }
`;
