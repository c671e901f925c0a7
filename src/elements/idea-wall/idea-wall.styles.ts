import { css } from 'lit';

export const styles = css`
  :host {
    --_card-bg: var(--hd-idea-wall-card-background, var(--_hd-color-surface));
    background: var(--_hd-color-surface);
  }
  h2,
  p {
    margin: 0;
  }
  .wall {
    display: flex;
    flex-direction: column;
    gap: var(--_hd-space-s);
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 2;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_hd-space-xs) var(--_hd-space-m);
    padding: var(--_hd-space-s);
    background: var(--_hd-color-surface-alt);
    border-bottom: 1px solid var(--_hd-color-border);
  }
  .live {
    color: var(--_hd-color-muted);
  }
  .live-open::before {
    content: '● ';
    color: var(--_hd-color-status-live);
  }
  button,
  select,
  input,
  textarea {
    border: 1px solid var(--_hd-color-border);
    border-radius: var(--_hd-radius-small);
    background: var(--_hd-color-surface);
    padding: 0.25em 0.75em;
  }
  button.primary {
    background: var(--_hd-color-accent);
    color: var(--_hd-color-on-accent);
    border-color: var(--_hd-color-accent);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  /* A select is as wide as its longest option: hostile category names must not widen the wall. */
  select {
    max-width: 100%;
    min-width: 0;
    text-overflow: ellipsis;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
    max-width: 100%;
  }
  .join,
  .composer,
  .options,
  .note,
  .empty,
  .status:not(:empty),
  .skeleton {
    margin-inline: var(--_hd-space-s);
  }
  .join,
  .composer {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_hd-space-s);
    padding: var(--_hd-space-m);
    border: 1px solid var(--_hd-color-border);
    border-radius: var(--_hd-radius);
  }
  .meta,
  .vote-row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_hd-space-s);
  }
  /* The join form's room while its part loads: the list below does not jump when it arrives. */
  .join-slot {
    min-height: 19em;
  }
  .hint {
    color: var(--_hd-color-muted);
  }
  .error {
    color: var(--_hd-color-danger);
  }
  /* The status line stays in sight at the bottom while the wall is, however far down the list. */
  .status {
    position: sticky;
    bottom: 0;
    z-index: 2;
    display: grid;
    gap: var(--_hd-space-xs);
  }
  .msg {
    padding: var(--_hd-space-s);
    border-inline-start: 4px solid var(--_hd-color-success);
    background: var(--_hd-color-surface-alt);
  }
  .msg.error {
    border-color: var(--_hd-color-danger);
  }
  .note {
    padding: var(--_hd-space-s);
    background: var(--_hd-color-surface-alt);
    border-radius: var(--_hd-radius-small);
  }
  summary {
    min-height: var(--_hd-touch-target);
    cursor: pointer;
    padding-block: 0.5em;
  }
  .card {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_hd-space-xs);
    width: calc(100% - 2 * var(--_hd-space-s));
    margin: 0 var(--_hd-space-s) var(--_hd-space-s);
    padding: var(--_hd-space-m);
    background: var(--_card-bg);
    border: 1px solid var(--_hd-color-border);
    border-radius: var(--_hd-radius);
  }
  .card .text {
    white-space: pre-wrap;
  }
  .badge {
    display: inline-block;
    padding: 0 0.5em;
    border: 1px solid var(--_hd-color-border);
    border-radius: 999px;
    color: var(--_hd-color-muted);
  }
  .badge.promoted {
    color: var(--_hd-color-accent);
    border-color: var(--_hd-color-accent);
  }
  .votes {
    display: inline-block;
    min-width: 3em;
  }
  .fresh {
    animation: enter 0.6s ease-out;
  }
  .bump {
    animation: bump 0.6s ease-out;
  }
  @keyframes enter {
    from {
      opacity: 0;
      transform: translateY(-0.5em);
    }
  }
  @keyframes bump {
    50% {
      transform: scale(1.3);
      color: var(--_hd-color-accent);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .fresh,
    .bump {
      animation: none;
    }
  }
  /* While loading, at least a screen: a wall is longer than that once its ideas arrive, so the
     page below it is already out of sight and does not jump (the loader reserves the same). */
  .skeleton {
    min-height: max(20em, 100svh);
    padding: var(--_hd-space-m);
    color: var(--_hd-color-muted);
  }
`;
