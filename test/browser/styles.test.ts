import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { LitElement, css, unsafeCSS } from 'lit';
import { baseStyles } from '../../src/styles/base.js';
import { TOKEN_NAMES, colorTokens, tint, tokenStyles } from '../../src/styles/tokens.js';

const colorNames = Object.keys(colorTokens) as (keyof typeof colorTokens)[];
const textColors = colorNames.filter((n) => !['color-surface', 'color-surface-alt', 'color-border', 'color-on-accent', 'color-accent', 'color-focus'].includes(n));

class TestSwatches extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .surface {
        background: var(--_hd-color-surface);
      }
      ${unsafeCSS(colorNames.map((n) => `.${n} { color: var(--_hd-${n}); }`).join('\n'))}
      ${unsafeCSS(colorNames.map((n) => `.tint-${n} { background: ${tint(n).cssText}; }`).join('\n'))}
    `,
  ];
  override render() {
    return html`<div class="surface">
      ${colorNames.map((n) => html`<span class=${n}>가</span><span class=${`tint-${n}`}>가</span>`)}
      <button>확인</button>
    </div>`;
  }
}
customElements.define('test-swatches', TestSwatches);

function rgb(value: string): [number, number, number] {
  const canvas = document.createElement('canvas').getContext('2d')!;
  canvas.fillStyle = value;
  canvas.fillRect(0, 0, 1, 1);
  const [r, g, b] = canvas.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!];
}
function luminance([r, g, b]: [number, number, number]): number {
  const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('design tokens and base styles', () => {
  it('defines every private token the shared styles use, and resolves every public one', () => {
    const defined = new Set([...tokenStyles.cssText.matchAll(/(--_hd-[a-z0-9-]+)\s*:/g)].map((m) => m[1]));
    const used = new Set([...baseStyles.cssText.matchAll(/var\((--_hd-[a-z0-9-]+)\)/g)].map((m) => m[1]));
    for (const name of used) expect(defined, `${name} is used but not defined`).to.include(name);
    for (const name of TOKEN_NAMES) expect(defined, name).to.include(name.replace('--hd-', '--_hd-'));
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`keeps every text colour at AA contrast (4.5:1) on the surface and on its tint — ${scheme}`, async () => {
      const wrapper = fixtureSync(html`<div style="color-scheme: ${scheme}"><test-swatches></test-swatches></div>`);
      const el = wrapper.querySelector<TestSwatches>('test-swatches')!;
      await el.updateComplete;
      const root = el.shadowRoot!;
      const surface = getComputedStyle(root.querySelector('.surface')!).backgroundColor;
      expect(luminance(rgb(surface)) < 0.1, `the ${scheme} surface`).to.equal(scheme === 'dark');
      for (const name of textColors) {
        const color = getComputedStyle(root.querySelector(`.${name}`)!).color;
        const tinted = getComputedStyle(root.querySelector(`.tint-${name}`)!).backgroundColor;
        expect(contrast(color, surface), `${name} on surface (${scheme})`).to.be.at.least(4.5);
        expect(contrast(color, tinted), `${name} on its tint (${scheme})`).to.be.at.least(4.5);
      }
      const accent = getComputedStyle(root.querySelector('.color-accent')!).color;
      const onAccent = getComputedStyle(root.querySelector('.color-on-accent')!).color;
      expect(contrast(accent, onAccent), `text on accent (${scheme})`).to.be.at.least(4.5);
      expect(contrast(accent, surface), `accent on surface (${scheme})`).to.be.at.least(4.5);
    });
  }

  it('stays light on a page that declares no dark scheme', async () => {
    const el = await fixture<TestSwatches>(html`<test-swatches></test-swatches>`);
    const surface = getComputedStyle(el.shadowRoot!.querySelector('.surface')!).backgroundColor;
    expect(rgb(surface)).to.deep.equal([255, 255, 255]);
  });

  it('takes the page’s theme from any ancestor, and keeps host CSS from breaking the basics', async () => {
    const wrapper = fixtureSync(html`<div style="--hd-color-accent: rgb(0, 82, 155); font-size: 12px; color: red">
      <test-swatches hidden></test-swatches><test-swatches></test-swatches>
    </div>`);
    const [hidden, el] = [...wrapper.querySelectorAll<TestSwatches>('test-swatches')];
    await el!.updateComplete;
    const root = el!.shadowRoot!;
    expect(getComputedStyle(root.querySelector('.color-accent')!).color).to.equal('rgb(0, 82, 155)');
    expect(getComputedStyle(el!).fontSize).to.equal('16px'); // never below 16 px
    expect(getComputedStyle(el!).color).to.not.equal('rgb(255, 0, 0)');
    expect(getComputedStyle(hidden!).display).to.equal('none');
    expect(root.querySelector('button')!.getBoundingClientRect().height).to.be.at.least(44);
    expect(root.querySelector('button')!.getBoundingClientRect().width).to.be.at.least(44);
  });
});
