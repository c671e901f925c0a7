import { css } from 'lit';

/*
 * :host's min-block-size is the month view's height from the first frame (toolbar, filters,
 * weekday row and six weeks): loading, loaded and every month take the same space, so the page
 * below never jumps. The CDN loader reserves the same before the code arrives (src/reserve.ts).
 * A list longer than this grows below it. (No comments inside the css`` below: the build's
 * template minifier skips quoted strings, so an apostrophe in a comment stops it.)
 */
export const styles = css`
  :host {
    --_cell: var(--hd-forum-calendar-cell-height, 6.5em);
    min-block-size: calc(6 * var(--_cell) + 15.5em);
    --_today: var(--hd-forum-calendar-today, var(--_hd-color-accent));
    --_line: var(--_hd-color-border);
  }
  .base {
    container-type: inline-size;
    display: grid;
    gap: var(--_hd-space-m);
  }
  p {
    margin: 0;
  }
  button {
    border: 1px solid var(--_line);
    border-radius: var(--_hd-radius);
    background: var(--_hd-color-surface);
    padding: 0 0.75em;
  }
  button[aria-pressed='true'] {
    background: var(--_hd-color-accent);
    border-color: var(--_hd-color-accent);
    color: var(--_hd-color-on-accent);
  }
  a {
    color: var(--_hd-color-accent);
  }
  .toolbar,
  .nav,
  .views,
  .filters,
  .panel-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_hd-space-s);
  }
  .toolbar {
    justify-content: space-between;
  }
  .title {
    font-size: 1.25em;
    font-weight: 700;
    min-width: 7.5em;
    text-align: center;
  }
  .icon {
    font-size: 1.25em;
    line-height: 1;
  }
  .filters {
    align-items: end;
  }
  label {
    display: grid;
    gap: 0.125em;
    color: var(--_hd-color-muted);
    flex: 1 1 9em;
  }
  select,
  input {
    width: 100%;
    min-width: 0;
    font-size: max(16px, 1rem);
    padding: 0 0.5em;
    border: 1px solid var(--_line);
    border-radius: var(--_hd-radius-small);
    background: var(--_hd-color-surface);
    color: var(--_hd-color-text);
  }
  .grid {
    border: 1px solid var(--_line);
    border-radius: var(--_hd-radius);
    overflow: hidden;
  }
  .row {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
  }
  .wd {
    text-align: center;
    font-weight: 700;
    padding: 0.25em 0;
    background: var(--_hd-color-surface-alt);
  }
  .wd:first-child,
  .day:first-child .num {
    color: var(--_hd-color-danger);
  }
  .day {
    min-height: var(--_cell);
    min-width: 0;
    padding: 0.25em;
    border-top: 1px solid var(--_line);
    display: flex;
    flex-direction: column;
    gap: 0.125em;
    cursor: pointer;
    overflow: hidden;
  }
  .day + .day {
    border-left: 1px solid var(--_line);
  }
  .day:focus-visible {
    outline-offset: -3px;
  }
  .day[aria-selected='true'] {
    background: color-mix(in srgb, var(--_hd-color-accent) 12%, var(--_hd-color-surface));
  }
  .out {
    background: var(--_hd-color-surface-alt);
  }
  .out .num {
    color: var(--_hd-color-muted);
  }
  .num {
    font-weight: 700;
    line-height: 1;
    width: 1.5em;
    height: 1.5em;
    flex: none;
    display: grid;
    place-items: center;
    border-radius: 50%;
  }
  .today .num {
    background: var(--_today);
    color: var(--_hd-color-on-accent);
  }
  .chip {
    line-height: 1.2;
    padding: 0.0625em 0.375em;
    flex: none;
    border-radius: var(--_hd-radius-small);
    border-left: 3px solid var(--_s);
    background: var(--_hd-color-surface-alt);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .more {
    line-height: 1.2;
    font-weight: 700;
    color: var(--_hd-color-accent);
  }
  .count {
    display: none;
  }
  @container (max-width: 560px) {
    .day .chip,
    .day .more {
      display: none;
    }
    .day .count {
      display: grid;
      place-items: center;
      margin: auto auto 0;
      min-width: 1.5em;
      height: 1.5em;
      border-radius: 999px;
      background: var(--_hd-color-accent);
      color: var(--_hd-color-on-accent);
      line-height: 1;
      font-weight: 700;
    }
    .title {
      min-width: 0;
    }
  }
  .s-open {
    --_s: var(--_hd-color-status-open);
  }
  .s-closing {
    --_s: var(--_hd-color-status-closing);
  }
  .s-full {
    --_s: var(--_hd-color-status-waitlist);
  }
  .s-closed {
    --_s: var(--_hd-color-status-full);
  }
  .s-live {
    --_s: var(--_hd-color-status-live);
  }
  .s-finished {
    --_s: var(--_hd-color-status-finished);
  }
  .s-announced,
  .s-reported {
    --_s: var(--_hd-color-status-reported);
  }
  .panel,
  .notice {
    border: 1px solid var(--_line);
    border-radius: var(--_hd-radius);
    padding: var(--_hd-space-m);
    display: grid;
    gap: var(--_hd-space-s);
    justify-items: start;
  }
  .grid ~ .panel,
  .grid ~ .notice {
    margin-top: var(--_hd-space-m);
  }
  .panel-head {
    justify-content: space-between;
    width: 100%;
  }
  .day-label {
    font-weight: 700;
    font-size: 1.0625em;
  }
  .feed a {
    display: inline-flex;
    align-items: center;
    min-height: var(--_hd-touch-target);
  }
  .error {
    border-color: var(--_hd-color-danger);
  }
  .error p {
    color: var(--_hd-color-danger);
  }
  .bone {
    background: var(--_hd-color-surface-alt);
    border: 0;
    min-height: 1.25em;
  }
  .card.bone {
    min-height: 9em;
    border-radius: var(--_hd-radius);
  }
  .skeleton {
    display: grid;
    gap: var(--_hd-space-s);
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.2s ease-in-out infinite alternate;
    }
    @keyframes pulse {
      to {
        opacity: 0.45;
      }
    }
  }
`;
