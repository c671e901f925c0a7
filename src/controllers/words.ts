/**
 * A widget's words: its own Korean messages (shipped with it) and their English, a chunk fetched
 * the first time a widget speaks it; the locale configured on its backend (`<hd-provider
 * locale>`) applies unless its own or an inherited `lang` says otherwise. The same for every widget:
 * `readonly #localize = words(this, this.#api, ko, () => import('./messages-en.js'))` (its own words are `localize.t`).
 */
import type { ReactiveControllerHost } from 'lit';
import { LocalizeController } from '../i18n/localize.js';
import type { ApiController } from './api-controller.js';

export const words = <W>(host: ReactiveControllerHost & HTMLElement, api: ApiController, ko: W, en: () => Promise<{ en: W }>): LocalizeController<W> =>
  new LocalizeController(host, { locale: () => api.locale, own: { ko, load: { en: () => en().then((m) => m.en) } } });
