/**
 * `LocalizeController`: a widget's messages and formatters in the language of the nearest
 * `lang` (the element, its ancestors across shadow roots, then `<html lang>`), Korean by
 * default. Hosts re-render when `<html lang>` or their own `lang` attribute changes (one shared
 * MutationObserver); a change of `lang` on another ancestor needs a `requestUpdate`. An explicit
 * locale (e.g. from `<hd-provider locale>`) wins over
 * inherited `lang`, but not over the element's own `lang` attribute.
 *
 * Korean ships with every widget; other languages are separate chunks fetched the first time a
 * page asks for them (the shared English catalog here, and each widget's own words through the
 * `own` option), so a Korean page never downloads English. While a catalog loads, `ready` is
 * false and widgets show their loading skeleton rather than a flash of Korean.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, NetworkError, RateLimitedError } from '../api/errors.js';
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatNumber,
  formatShortDate,
} from './format.js';
import { ko } from './ko.js';
import type { Messages } from './messages.js';

const catalogs = new Map<string, Messages>([['ko', ko]]);

/** Catalogs that exist but are fetched on first use (a code-split chunk each). */
const lazy = new Map<string, () => Promise<Messages>>([['en', () => import('./en.js').then((m) => m.en)]]);

/** Adds (or replaces) a locale's messages, e.g. `registerMessages('ja', ja)`. */
export function registerMessages(code: string, messages: Messages): void {
  catalogs.set(code.toLowerCase(), messages);
  lazy.delete(code.toLowerCase());
  for (const host of hosts) host.requestUpdate();
}

/** The catalog key for a BCP 47 tag: exact, then its language; undefined when we have neither. */
function keyFor(tag: string, has: (key: string) => boolean): string | undefined {
  const language = tag.split('-')[0] ?? '';
  return has(tag) ? tag : has(language) ? language : undefined;
}

/**
 * One-time loads of lazy catalogs, shared by every host: `pending` resolves when the catalog is
 * in (or failed: then Korean is used and `ready` turns true rather than waiting for ever).
 */
const loads = new Map<string, Promise<void>>();
function fetchCatalog(key: string, load: () => Promise<unknown>, done: (value: unknown) => void): Promise<void> {
  let pending = loads.get(key);
  if (!pending) {
    pending = load().then(done, () => done(undefined)).then(() => {
      for (const host of hosts) host.requestUpdate();
    });
    loads.set(key, pending);
  }
  return pending;
}
const failed = new Set<string>();

/**
 * The best catalog for a BCP 47 tag: exact, then its language, then Korean. A lazy catalog that
 * has not arrived yet reads as Korean (and starts loading).
 */
export function messagesFor(lang: string | null | undefined): Messages {
  const tag = (lang ?? '').trim().toLowerCase();
  const key = keyFor(tag, (k) => catalogs.has(k) || lazy.has(k));
  if (!key) return ko;
  const found = catalogs.get(key);
  if (found) return found;
  const load = lazy.get(key)!;
  void fetchCatalog(`:${key}`, load, (value) => {
    if (value) catalogs.set(key, value as Messages);
    else failed.add(key);
    lazy.delete(key);
  });
  return ko;
}

/** Whether the shared catalog for `lang` is in (or will never come). */
function sharedReady(lang: string): boolean {
  const tag = lang.trim().toLowerCase();
  const key = keyFor(tag, (k) => catalogs.has(k) || lazy.has(k));
  return !key || catalogs.has(key) || failed.has(key);
}

/** The locale code used for `Intl` (`ko` unless a catalog for the tag exists). */
export function resolveLocale(lang: string | null | undefined): string {
  return messagesFor(lang).locale;
}

/** The nearest `lang` of a node: itself, ancestors (crossing shadow roots), the document. */
export function nearestLang(node: Element): string | null {
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element) {
      const found = current.closest('[lang]');
      if (found) return found.getAttribute('lang');
    }
    const root = current.getRootNode() as Node & { host?: Element };
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.getAttribute('lang');
}

/** Which message speaks for each kind of API error (unlisted kinds: `unknown`). */
const KIND_MESSAGES: Partial<Record<ApiError['kind'], Exclude<keyof Messages['errors'], 'codes' | 'rateLimited'>>> = {
  timeout: 'timeout',
  server: 'server',
  'not-found': 'notFound',
  forbidden: 'forbidden',
  unauthorized: 'unauthorized',
  validation: 'validation',
  conflict: 'conflict',
  'payload-too-large': 'payloadTooLarge',
};

/**
 * A person-facing message for any error the data layer throws. `codes` are a widget's own
 * messages for the problem codes only it meets (its catalog's `codes`); they win over the shared ones.
 */
export function errorMessage(error: unknown, m: Messages, codes?: Record<string, string>): string {
  if (error instanceof RateLimitedError) return m.errors.rateLimited(error.retryAfter);
  // A backend that does not allow this page (CORS, see api/diagnose.ts): its editor learns the
  // cause, residents get the usual outage message.
  const editors = (error as { explain?: (locale: string) => string | undefined } | null)?.explain?.(m.locale);
  if (editors) return editors;
  if (error instanceof NetworkError) return error.offline ? m.errors.offline : m.errors.network;
  if (error instanceof ApiError) {
    const byKind = KIND_MESSAGES[error.kind];
    return codes?.[error.code] ?? m.errors.codes[error.code] ?? (byKind ? m.errors[byKind] : m.errors.unknown);
  }
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return m.errors.offline;
  // A code-split part that could not be fetched (Chromium, Firefox, Safari word it differently).
  if (error instanceof TypeError && /dynamically imported module|importing a module script failed/i.test(error.message)) return m.errors.network;
  return m.errors.unknown;
}

let ownIds = 0;
const ownIdMap = new WeakMap<object, number>();
function ownId(own: object): number {
  let id = ownIdMap.get(own);
  if (id === undefined) ownIdMap.set(own, (id = ++ownIds));
  return id;
}

// One observer on <html lang> for every connected host.
const hosts = new Set<ReactiveControllerHost & HTMLElement>();
let observer: MutationObserver | undefined;

function observe(host: ReactiveControllerHost & HTMLElement): void {
  if (typeof MutationObserver === 'undefined') return;
  if (!observer) {
    observer = new MutationObserver((records) => {
      if (records.some((r) => r.target === document.documentElement)) {
        for (const host of hosts) host.requestUpdate();
        return;
      }
      // A host's own `lang` changed.
      for (const host of hosts) if (records.some((record) => record.target === host)) host.requestUpdate();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  // The host's own lang too (observing a node twice just renews the registration).
  observer.observe(host, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * A widget's own words: the Korean source, and other languages fetched on first use, e.g.
 * `{ ko, load: { en: () => import('./messages-en.js').then((m) => m.en) } }`. Each load runs
 * once per page, shared by every instance of the widget.
 */
export interface OwnMessages<W> {
  ko: W;
  load?: Record<string, () => Promise<W>>;
}

export interface LocalizeOptions<W = undefined> {
  /** An explicit locale from configuration (e.g. the provider's `locale`). */
  locale?: () => string | null | undefined;
  /** The widget's own messages (read through `t`). */
  own?: OwnMessages<W>;
}

/** Loaded own catalogs, per `OwnMessages` object and language. */
const ownLoaded = new WeakMap<object, Map<string, unknown>>();

export class LocalizeController<W = undefined> implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: LocalizeOptions<W>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LocalizeOptions<W> = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The widget's own messages in the language in effect (Korean until another one arrives). */
  get t(): W {
    const own = this.#options.own;
    if (!own) return undefined as W;
    const tag = this.lang.trim().toLowerCase();
    const loaded = ownLoaded.get(own) ?? new Map<string, unknown>();
    ownLoaded.set(own, loaded);
    const key = keyFor(tag, (k) => k === 'ko' || loaded.has(k) || !!own.load?.[k]);
    if (!key || key === 'ko') return own.ko;
    if (loaded.has(key)) return (loaded.get(key) as W | undefined) ?? own.ko;
    void fetchCatalog(`${key}:${ownId(own)}`, own.load![key]!, (value) => loaded.set(key, value));
    return own.ko;
  }

  /**
   * False while a catalog for the language in effect (shared or the widget's own) is still on its
   * way; asking starts the load, and every host re-renders when it lands. Widgets render their
   * skeleton until then.
   */
  get ready(): boolean {
    void this.m; // starts the shared load if needed
    void this.t;
    const lang = this.lang;
    if (!sharedReady(lang)) return false;
    const own = this.#options.own;
    if (!own) return true;
    const tag = lang.trim().toLowerCase();
    const loaded = ownLoaded.get(own)!;
    const key = keyFor(tag, (k) => k === 'ko' || loaded.has(k) || !!own.load?.[k]);
    return !key || key === 'ko' || loaded.has(key);
  }

  /** Resolves once `ready`. */
  async whenReady(): Promise<void> {
    while (!this.ready) await Promise.all(loads.values());
  }

  /**
   * For the host's `getUpdateComplete` override, so `updateComplete` means "rendered in its
   * language": `return this.#localize.updateComplete(() => super.getUpdateComplete());`
   */
  async updateComplete(base: () => Promise<boolean>): Promise<boolean> {
    let done = await base();
    while (!this.ready) {
      await this.whenReady();
      done = await base();
    }
    return done;
  }

  hostConnected(): void {
    hosts.add(this.#host);
    observe(this.#host);
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
  }

  /** The language tag in effect (`ko`, `en`, …). */
  get lang(): string {
    const own = this.#host.getAttribute('lang');
    if (own) return own;
    const configured = this.#options.locale?.();
    if (configured) return configured;
    return nearestLang(this.#host) || 'ko';
  }

  /** The catalog for `lang`. */
  get m(): Messages {
    return messagesFor(this.lang);
  }

  /** The locale used by the formatters (`ko` or `en`). */
  get locale(): string {
    return this.m.locale;
  }

  date(value: string | number | Date): string {
    return formatDate(value, this.locale);
  }
  shortDate(value: string | number | Date): string {
    return formatShortDate(value, this.locale);
  }
  dateTime(value: string | number | Date): string {
    return formatDateTime(value, this.locale);
  }
  dateRange(start: string | number | Date, end: string | number | Date): string {
    return formatDateRange(start, end, this.locale);
  }
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.locale, options);
  }
  /** A person-facing message for an error, in the language in effect (see `errorMessage`). */
  error(error: unknown): string {
    return errorMessage(error, this.m, (this.t as { codes?: Record<string, string> } | undefined)?.codes);
  }
}
