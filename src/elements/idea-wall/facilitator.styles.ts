import { css } from 'lit';

/** The facilitator's tools' own styles (`facilitator.ts` re-exports them; the wall's shadow root adopts them when that part loads). */
export const styles = css`
  label.inline {
    flex-direction: row;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
  }
  /* Hidden ideas: only a facilitator's wall lists them. */
  .is-hidden {
    background: var(--_hd-color-surface-alt);
    border-style: dashed;
  }
  .badge.hidden {
    color: var(--_hd-color-danger);
  }
  .voting {
    margin-inline: var(--_hd-space-s);
  }
  .voting,
  .mod,
  .merge-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_hd-space-s);
  }
  .merge-bar {
    padding: var(--_hd-space-s);
    background: var(--_hd-color-surface-alt);
    border-inline-start: 4px solid var(--_hd-color-accent);
  }
  .merge-bar p {
    flex: 1 1 12em;
  }
  .badge.merging {
    justify-self: start;
    border-style: dashed;
    color: var(--_hd-color-accent);
    border-color: var(--_hd-color-accent);
  }
  dialog {
    width: min(36em, calc(100vw - 2em));
    max-height: calc(100vh - 2em);
    padding: var(--_hd-space-m);
    border: 1px solid var(--_hd-color-border);
    border-radius: var(--_hd-radius);
    background: var(--_hd-color-surface);
    color: var(--_hd-color-text);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog form,
  dialog fieldset {
    display: grid;
    gap: var(--_hd-space-s);
  }
  dialog fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  dialog h2 {
    font-size: 1.2em;
  }
  .keep {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    gap: var(--_hd-space-s);
    padding: var(--_hd-space-s);
    border: 1px solid var(--_hd-color-border);
    border-radius: var(--_hd-radius-small);
    cursor: pointer;
  }
  .keep input {
    width: 1.5em;
    height: 1.5em;
    margin: 0.1em 0 0;
  }
  .keep:has(:checked) {
    border-color: var(--_hd-color-accent);
    box-shadow: inset 0 0 0 1px var(--_hd-color-accent);
  }
  .keep small {
    display: block;
    color: var(--_hd-color-muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_hd-space-s);
  }

  /* Who has joined: a disclosure under the voting controls; rows wrap, nothing widens the wall. */
  .people {
    margin-inline: var(--_hd-space-s);
    min-width: 0;
  }
  .people-body {
    display: grid;
    gap: var(--_hd-space-s);
  }
  .people-head,
  .people-list li {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_hd-space-s);
  }
  .people-head p,
  .people-list li > span {
    flex: 1 1 12em;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .people-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_hd-space-xs);
    max-height: 24em;
    overflow-y: auto;
  }
  .people-list li {
    padding: var(--_hd-space-s);
    border: 1px solid var(--_hd-color-border);
    border-radius: var(--_hd-radius-small);
  }
  .people .count {
    color: var(--_hd-color-muted);
  }
  button.danger {
    background: var(--_hd-color-danger);
    border-color: var(--_hd-color-danger);
    color: var(--_hd-color-on-accent);
    font-weight: 600;
  }
`;
