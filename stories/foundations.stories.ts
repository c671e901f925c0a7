import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { colorTokens, sizeTokens } from '../src/styles/tokens.js';

/**
 * The design tokens every widget reads. A host page themes the widgets by setting these
 * custom properties (`--hd-color-accent`, `--hd-radius`, `--hd-font-family`…) anywhere above them.
 * Status colours mean the same thing in every widget.
 */
const meta: Meta = {
  title: 'Foundations/Design tokens',
  parameters: { layout: 'padded' },
};
export default meta;

const swatches = (scheme: 'light' | 'dark') => html`
  <section style="color-scheme:${scheme};background:${scheme === 'light' ? colorTokens['color-surface'][0] : colorTokens['color-surface'][1]};padding:16px;border-radius:8px">
    <h3 style="margin:0 0 8px;color:${scheme === 'light' ? colorTokens['color-text'][0] : colorTokens['color-text'][1]}">${scheme}</h3>
    <ul style="list-style:none;margin:0;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:8px">
      ${Object.entries(colorTokens).map(([name, [light, dark]]) => {
        const value = scheme === 'light' ? light : dark;
        return html`<li style="display:flex;gap:8px;align-items:center;color:${scheme === 'light' ? colorTokens['color-text'][0] : colorTokens['color-text'][1]}">
          <span style="inline-size:32px;block-size:32px;border-radius:6px;background:${value};border:1px solid #8c959f"></span>
          <code>--hd-${name}</code> <small>${value}</small>
        </li>`;
      })}
    </ul>
  </section>
`;

export const Colours: StoryObj = {
  render: () => html`<div style="display:grid;gap:16px">${swatches('light')}${swatches('dark')}</div>`,
};

export const Sizes: StoryObj = {
  render: () => html`<table>
    <thead><tr><th scope="col">token</th><th scope="col">default</th></tr></thead>
    <tbody>
      ${Object.entries(sizeTokens).map(([name, value]) => html`<tr><td><code>--hd-${name}</code></td><td>${String(value)}</td></tr>`)}
    </tbody>
  </table>`,
};
