/**
 * The space each widget takes while it loads, as CSS for our not-yet-defined tags. Used twice:
 * the CDN loader adopts it the moment it runs, and the build writes it to
 * `dist/cdn/hyeondap.css` for pages that link it in their `<head>` — a stylesheet there applies
 * from the very first paint, before any script has run, so not even the first frame jumps.
 *
 * Each value is the widget's own loading height (its skeleton's styles give the same; keep the two
 * in step): the calendar's month view; the others at least a screen, since what they load is longer
 * than that (so whatever follows them is out of sight when it arrives).
 * Only our own undefined tags are matched (`:where()` keeps the specificity at zero, so a page
 * can still size them); nothing else on the page is styled.
 */
export const RESERVE = {
  'hd-forum-calendar': 'calc(6 * var(--hd-forum-calendar-cell-height, 6.5em) + 15.5em)',
  'hd-signup-form': 'max(24em, 100svh)',
  'hd-idea-wall': 'max(20em, 100svh)',
  'hd-result-summary': 'max(36em, 100svh)',
} as const;

export const reserveCss = (): string =>
  Object.entries(RESERVE)
    .map(([tag, size]) => `:where(${tag}):not(:defined){display:block;min-block-size:${size}}`)
    .join('\n') + '\n:where(hd-provider):not(:defined){display:contents}\n';
