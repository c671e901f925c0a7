import { css } from 'lit';

/**
 * What a forum's first screen needs. The charts', tables' and print styles come with `details.ts`,
 * the programme view's with `programme.ts`: each lazily loaded part adopts its own sheet.
 */

export const styles = css`
  :host {
    --_cols: var(--hd-result-summary-chart-columns, auto-fit);
    --_stat: var(--hd-result-summary-stat-min, 9em);
    container-type: inline-size;
  }
  h2, h3, h4, h5, p, dl, dd, ol, ul, figure { margin: 0; }
  h2 { font-size: 1.5em; line-height: 1.3; }
  h3 { font-size: 1.25em; margin: 1.5em 0 0.75em; }
  h4 { font-size: 1.1em; }
  h5 { font-size: 1em; margin-top: 0.75em; }
  .eyebrow, .meta, .muted, .series, figcaption + p, dt, time { color: var(--_hd-color-muted); }
  .eyebrow { font-weight: 600; }
  .summary { margin-top: 0.75em; }
  header { display: grid; gap: 0.25em; }
  .controls { display: flex; flex-wrap: wrap; gap: 0.5em 0.75em; margin-top: 0.75em; align-items: end; }
  button {
    border: 1px solid var(--_hd-color-border);
    border-radius: var(--_hd-radius-small);
    background: var(--_hd-color-surface);
    padding: 0.4em 0.9em;
  }
  .download, .error button { background: var(--_hd-color-accent); color: var(--_hd-color-on-accent); border-color: var(--_hd-color-accent); }
  .stats {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, var(--_stat)), 1fr));
    gap: 0.5em;
    margin-top: 1.25em;
  }
  .stats div { background: var(--_hd-color-surface-alt); border-radius: var(--_hd-radius); padding: 0.6em 0.8em; }
  .stats dd { font-size: 1.5em; font-weight: 700; font-variant-numeric: tabular-nums; }
  .toggle { background: none; border: 0; color: var(--_hd-color-accent); text-decoration: underline; padding: 0.4em 0; text-align: start; }
  .proposals { list-style: none; padding: 0; display: grid; gap: 1em; }
  .proposal, .chart {
    border: 1px solid var(--_hd-color-border);
    border-radius: var(--_hd-radius);
    padding: 1em;
    background: var(--_hd-color-surface);
  }
  .p-head { display: flex; flex-wrap: wrap; gap: 0.25em 0.75em; align-items: baseline; }
  .p-head h4 { flex: 1 1 12em; }
  .rank { font-weight: 700; color: var(--_hd-color-accent); }
  .p-meta { display: flex; flex-wrap: wrap; gap: 0.25em 1.25em; margin-top: 0.5em; }
  .p-meta div { display: flex; gap: 0.4em; }
  .answer { margin-top: 0.75em; padding: 0.6em 0.9em; border-inline-start: 4px solid var(--_hd-color-accent); background: var(--_hd-color-surface-alt); }
  .answer h5 { margin: 0; }
  .ideas, .timeline { padding-inline-start: 1.25em; margin-top: 0.25em; }
  .timeline li { display: flex; flex-wrap: wrap; gap: 0 0.5em; align-items: baseline; }
  .timeline time { font-variant-numeric: tabular-nums; }
  .badge { display: inline-block; padding: 0 0.5em; border-radius: 999px; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
  .s-accepted { color: var(--_hd-color-response-accepted); }
  .s-partial { color: var(--_hd-color-response-partial); }
  .s-reviewing { color: var(--_hd-color-response-reviewing); }
  .s-declined { color: var(--_hd-color-response-declined); }
  .s-awaiting { color: var(--_hd-color-response-awaiting); }
  .charts { display: grid; grid-template-columns: repeat(var(--_cols), minmax(min(100%, 20em), 1fr)); gap: 1em; }
  figcaption { font-weight: 700; margin-bottom: 0.5em; }
  .pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 12em), 1fr)); gap: 0.5em 1em; }
  svg { display: block; overflow: visible; }
  .empty { margin-top: 0.75em; }
  .error { border: 1px solid var(--_hd-color-danger); color: var(--_hd-color-danger); border-radius: var(--_hd-radius); padding: 1em; display: grid; gap: 0.75em; justify-items: start; margin: 1em 0; }
  /* at least a screen while loading: the results are longer, so the page below is out of sight and does not jump */
  .skeleton { min-height: max(36em, 100svh); display: grid; gap: 1em; align-content: start; }
  .sk { background: var(--_hd-color-surface-alt); border-radius: var(--_hd-radius); }
  @media (prefers-reduced-motion: no-preference) { .sk { animation: pulse 1.5s ease-in-out infinite; } }
  .sk-title { height: 2em; width: 60%; }
  .sk-line { height: 1.25em; width: 80%; }
  .sk-block { height: 12em; }
  @keyframes pulse { 50% { opacity: 0.5; } }
  /* The rest of the print stylesheet comes with the details chunk (details.ts); the Print button loads it first. */
  @media print {
    .controls, .toggle, .skeleton, .error button, .pending { display: none !important; }
  }

`;
