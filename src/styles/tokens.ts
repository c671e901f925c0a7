/**
 * Design tokens as CSS custom properties.
 *
 * A page themes the widgets by setting the public `--hd-*` properties anywhere above them
 * (`:root`, a wrapper, the element). Widgets never read those directly: `:host` resolves each
 * into a private `--_hd-*` with our default, and widget styles use `var(--_hd-…)`. That way a
 * value set on `:root` still reaches every widget, and an unset one falls back to ours.
 *
 * Light and dark: colours are `light-dark(light, dark)`, which follows the `color-scheme` in
 * effect — the embedding page's (inherited), so a widget never turns dark on a light-only page.
 * A page that supports dark mode declares `color-scheme: light dark`, and the widgets then
 * follow `prefers-color-scheme`. Every text colour has at least 4.5:1 contrast on the surface
 * and on its own 12 % tint, in both schemes.
 */
import { css, unsafeCSS } from 'lit';

/** Colour tokens: [light, dark]. */
export const colorTokens = {
  'color-accent': ['#1d5fbf', '#6ea8ff'],
  'color-on-accent': ['#ffffff', '#16181d'],
  'color-text': ['#1f2328', '#e6e8eb'],
  'color-muted': ['#59636e', '#a3acb8'],
  'color-surface': ['#ffffff', '#16181d'],
  'color-surface-alt': ['#f6f8fa', '#1f232a'],
  'color-border': ['#8c959f', '#6e7681'],
  'color-focus': ['#1d5fbf', '#6ea8ff'],
  'color-danger': ['#b42318', '#ff7b72'],
  'color-success': ['#146c2e', '#4ac26b'],
  'color-status-open': ['#146c2e', '#4ac26b'],
  'color-status-closing': ['#a34800', '#f0883e'],
  'color-status-waitlist': ['#6f42c1', '#b392f0'],
  'color-status-full': ['#b42318', '#ff7b72'],
  'color-status-live': ['#b3125f', '#ff7eb6'],
  'color-status-finished': ['#57606a', '#9ea7b3'],
  'color-status-reported': ['#0a5cb8', '#58a6ff'],
  'color-response-accepted': ['#146c2e', '#4ac26b'],
  'color-response-partial': ['#0d6b63', '#2dd4bf'],
  'color-response-reviewing': ['#8a5a00', '#e3b341'],
  'color-response-declined': ['#b42318', '#ff7b72'],
  'color-response-awaiting': ['#57606a', '#9ea7b3'],
} as const satisfies Record<string, readonly [string, string]>;

/** Korean-friendly system font stack used when the page does not set `--hd-font-family`. */
export const FONT_STACK =
  'Pretendard, system-ui, -apple-system, BlinkMacSystemFont, "Apple SD Gothic Neo", "Malgun Gothic", "맑은 고딕", "Noto Sans KR", "Noto Sans CJK KR", "Segoe UI", Roboto, sans-serif';

/** Other tokens: one value. */
export const sizeTokens = {
  'font-family': FONT_STACK,
  'font-size': '1rem',
  'line-height': '1.6',
  radius: '8px',
  'radius-small': '4px',
  'space-xs': '0.25rem',
  'space-s': '0.5rem',
  'space-m': '1rem',
  'space-l': '1.5rem',
  'space-xl': '2rem',
  'touch-target': '44px',
  'focus-ring-width': '3px',
} as const satisfies Record<string, string>;

export type TokenName = keyof typeof colorTokens | keyof typeof sizeTokens;

/** Every public token, e.g. `--hd-color-accent`. */
export const TOKEN_NAMES: readonly string[] = [...Object.keys(colorTokens), ...Object.keys(sizeTokens)].map((n) => `--hd-${n}`);

const lightRules = Object.entries(colorTokens)
  .map(([name, [light]]) => `--_hd-${name}: var(--hd-${name}, ${light});`)
  .join('\n');
const lightDarkRules = Object.entries(colorTokens)
  .map(([name, [light, dark]]) => `--_hd-${name}: var(--hd-${name}, light-dark(${light}, ${dark}));`)
  .join('\n');
const sizeRules = Object.entries(sizeTokens)
  .map(([name, value]) => `--_hd-${name}: var(--hd-${name}, ${value});`)
  .join('\n');

/**
 * Resolves the public tokens into private `--_hd-*` properties on `:host`. Included by
 * `baseStyles`; widgets do not add it themselves.
 */
export const tokenStyles = css`
  :host {
    ${unsafeCSS(lightRules)}
    ${unsafeCSS(sizeRules)}
  }
  @supports (color: light-dark(#000, #fff)) {
    :host {
      ${unsafeCSS(lightDarkRules)}
    }
  }
`;

/** `var(--_hd-<name>)` for use inside css`` (`${token('color-accent')}`). */
export function token(name: TokenName) {
  return unsafeCSS(`var(--_hd-${name})`);
}

/** A 12 % tint of a colour token on the surface, e.g. a status badge background. */
export function tint(name: keyof typeof colorTokens) {
  return unsafeCSS(`color-mix(in srgb, var(--_hd-${name}) 12%, var(--_hd-color-surface))`);
}
