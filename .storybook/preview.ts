import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components';
import { html } from 'lit';
import manifest from '../custom-elements.json';
import { extractArgTypes } from './arg-types.js';
import { ElementDocsPage } from './docs-page.js';

// The manifest `cem analyze` writes; the reference tables come from it through `extractArgTypes`.
setCustomElementsManifest(manifest);

type Locale = 'ko' | 'en';
type Scheme = 'light' | 'dark';

/**
 * Locale and colour scheme from the toolbar. The widgets read the nearest `lang` and follow the
 * `color-scheme` in effect (their colours are `light-dark()`), so the story root carries both.
 * `<html lang>` is set too: the widgets re-render when it changes (a change on another ancestor
 * alone would wait for their next update), and the canvas background follows the scheme.
 */
const withLocaleAndScheme: Decorator = (story, context) => {
  const locale = (context.globals.locale as Locale | undefined) ?? 'ko';
  const scheme = (context.globals.scheme as Scheme | undefined) ?? 'light';
  const root = document.documentElement;
  if (root.lang !== locale) root.lang = locale;
  root.style.colorScheme = scheme;
  document.body.style.background = 'Canvas';
  document.body.style.color = 'CanvasText';
  return html`<div class="hd-story-root" lang=${locale} style="color-scheme:${scheme}">${story()}</div>`;
};

/** Screens the widgets must work on: a phone, a tablet, the projector at the venue. */
const viewports = {
  phone: { name: 'Phone 390×844', styles: { width: '390px', height: '844px' }, type: 'mobile' },
  tablet: { name: 'Tablet 820×1180', styles: { width: '820px', height: '1180px' }, type: 'tablet' },
  projector: { name: 'Projector 1920×1080', styles: { width: '1920px', height: '1080px' }, type: 'desktop' },
} as const;

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    viewport: { options: viewports },
    // The element story files carry the `autodocs` tag; their page is ours (editors' snippet first).
    // The preview's own "Show code" would show the fake backend's address: the snippets to copy are
    // the page's Source blocks instead.
    docs: { page: ElementDocsPage, extractArgTypes, toc: { headingSelector: 'h2' }, canvas: { sourceState: 'none' } },
    options: { storySort: { order: ['Getting started', 'Widgets', 'Foundations', 'Guides'] } },
  },
  globalTypes: {
    locale: {
      description: 'Language of the widgets (sets lang)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'ko', title: '한국어 (ko)' },
          { value: 'en', title: 'English (en)' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Colour scheme (sets color-scheme)',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'ko', scheme: 'light' },
  decorators: [withLocaleAndScheme],
};

export default preview;
