import { css } from 'lit';

/** The projector's own styles (`projector.ts` re-exports them; the wall's shadow root adopts them when that part loads). */
export const styles = css`
  :host([mode='projector']) {
    container-type: size;
    height: var(--hd-idea-wall-projector-height, 100svh);
    overflow: hidden;
  }
  .projector {
    --_cols: var(--hd-idea-wall-columns, 3);
    --_gap: 0.4em;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto minmax(0, 1fr);
    height: 100%;
    overflow: hidden;
    font-size: var(--hd-idea-wall-projector-font-size, max(16px, 2.6cqmin));
    line-height: 1.35;
  }
  .projector .header {
    position: static;
    font-size: max(16px, 0.7em);
    padding: 0.25em 0.6em;
  }
  .projector h2 {
    flex: 1 1 12em;
    min-width: 0;
    font-size: 1.4em;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .counter,
  .page {
    font-weight: 700;
  }
  .stage {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: var(--_gap);
    padding: var(--_gap);
    min-height: 0;
  }
  .lanes {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    gap: var(--_gap);
    min-height: 0;
  }
  .group {
    display: flex;
    flex-direction: column;
    gap: 0.3em;
    min-height: 0;
    overflow: hidden;
  }
  /* Pages that turn come in softly (not the first one: the wall is simply there). */
  .turned .group,
  .turned .flow {
    animation: turn 0.6s ease-out;
  }
  .group[hidden] {
    display: none;
  }
  .group h3 {
    display: flex;
    align-items: baseline;
    gap: 0.3em;
    margin: 0;
    font-size: 0.85em;
    border-bottom: 0.12em solid var(--_hd-color-accent);
    white-space: nowrap;
  }
  .group h3 .name {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .group h3 .n {
    flex: none;
  }
  .group .n,
  .caption,
  .more,
  .empty-lane {
    font-weight: 400;
    color: var(--_hd-color-muted);
    font-size: max(16px, 0.65em);
  }
  .fresh-lane {
    background: var(--_hd-color-surface-alt);
    border-radius: var(--_hd-radius);
    padding: 0 0.3em 0.3em;
  }
  .top,
  .flow {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.3em;
    align-content: start;
  }
  /* One lane for the whole wall (group-by="none"): its cards in columns. */
  .single .flow {
    grid-template-columns: repeat(var(--_cols), minmax(0, 1fr));
  }
  .flow {
    flex: 1;
    min-height: 0;
    overflow: hidden;
  }
  .projector .card {
    width: auto;
    margin: 0;
    padding: 0.3em 0.5em;
    gap: 0.1em;
    font-size: 1em;
  }
  .projector .card .text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 4;
    overflow: hidden;
  }
  .top .card {
    border: 0.1em solid var(--_hd-color-accent);
  }
  .projector .meta {
    font-size: max(16px, 0.65em);
  }
  .over {
    visibility: hidden;
  }
  .invite {
    width: clamp(150px, 19cqw, 420px);
    display: grid;
    align-content: start;
    gap: 0.3em;
    text-align: center;
    font-size: max(16px, 0.6em);
  }
  .qr {
    width: 100%;
    height: auto;
    background: #fff;
  }
  .code strong {
    display: block;
    font-size: 2em;
    letter-spacing: 0.1em;
  }
  .spotlight {
    position: absolute;
    inset-inline: 8%;
    bottom: 0.6em;
    z-index: 3;
    display: grid;
    gap: 0.2em;
    padding: 0.5em 0.8em;
    font-size: 1.2em;
    background: var(--_hd-color-surface);
    border: 0.15em solid var(--_hd-color-accent);
    border-radius: var(--_hd-radius);
    box-shadow: 0 0.3em 1.2em rgb(0 0 0 / 0.3);
    animation: spot 0.5s ease-out;
  }
  .spotlight .caption {
    color: var(--_hd-color-accent);
    font-weight: 700;
  }
  .spotlight .text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
    white-space: pre-wrap;
  }
  @keyframes turn {
    from {
      opacity: 0;
      transform: translateY(0.5em);
    }
  }
  @keyframes spot {
    from {
      opacity: 0;
      transform: scale(0.9);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .turned .group,
    .turned .flow,
    .spotlight {
      animation: none;
    }
  }
  @container (max-width: 1200px) {
    .projector {
      --_cols: var(--hd-idea-wall-columns, 2);
    }
  }
  @container (max-width: 700px) {
    .projector {
      --_cols: 1;
    }
    .stage {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: minmax(0, 1fr) auto;
    }
    .invite {
      width: auto;
      grid-template-columns: 4em minmax(0, 1fr);
      align-items: center;
      text-align: start;
    }
    .invite .qr {
      grid-row: span 2;
    }
  }
`;
