/**
 * `LocalizeController`: a widget's messages and formatters in the language of the nearest
 * `lang` (the element, its ancestors across shadow roots, then `<html lang>`), Korean by
 * default. Hosts re-render when `<html lang>` or their own `lang` attribute changes (one shared
 * MutationObserver); a change of `lang` on another ancestor needs a `requestUpdate`. An explicit
 * locale (e.g. from `<hd-provider locale>`) wins over
 * inherited `lang`, but not over the element's own `lang` attribute.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, NetworkError, RateLimitedError } from '../api/errors.js';
import { en } from './en.js';
import {
  formatDate,
  formatDateRange,
  formatDateTime,
  formatNumber,
  formatRelative,
  formatShortDate,
  formatTime,
} from './format.js';
import { ko } from './ko.js';
import type { Messages } from './messages.js';

const catalogs = new Map<string, Messages>([
  ['ko', ko],
  ['en', en],
]);

/** Adds (or replaces) a locale's messages, e.g. `registerMessages('ja', ja)`. */
export function registerMessages(code: string, messages: Messages): void {
  catalogs.set(code.toLowerCase(), messages);
  for (const host of hosts) host.requestUpdate();
}

/** The best catalog for a BCP 47 tag: exact, then its language, then Korean. */
export function messagesFor(lang: string | null | undefined): Messages {
  const tag = (lang ?? '').trim().toLowerCase();
  return catalogs.get(tag) ?? catalogs.get(tag.split('-')[0] ?? '') ?? ko;
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

/** A person-facing message for any error the data layer throws. */
export function errorMessage(error: unknown, m: Messages): string {
  if (error instanceof RateLimitedError) return m.errors.rateLimited(error.retryAfter);
  if (error instanceof NetworkError) return error.offline ? m.errors.offline : m.errors.network;
  if (error instanceof ApiError) {
    const byCode = m.errors.codes[error.code];
    if (byCode) return byCode;
    switch (error.kind) {
      case 'timeout':
        return m.errors.timeout;
      case 'server':
        return m.errors.server;
      case 'not-found':
        return m.errors.notFound;
      case 'forbidden':
        return m.errors.forbidden;
      case 'unauthorized':
        return m.errors.unauthorized;
      case 'validation':
        return m.errors.validation;
      case 'conflict':
        return m.errors.conflict;
      case 'payload-too-large':
        return m.errors.payloadTooLarge;
      default:
        return m.errors.unknown;
    }
  }
  if (typeof navigator !== 'undefined' && navigator.onLine === false) return m.errors.offline;
  return m.errors.unknown;
}

// One observer on <html lang> for every connected host.
const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

function observe(host: ReactiveControllerHost & HTMLElement): void {
  if (typeof MutationObserver === 'undefined') return;
  if (!observer) {
    observer = new MutationObserver((records) => {
      if (records.some((r) => r.target === document.documentElement)) {
        for (const h of hosts) h.requestUpdate();
        return;
      }
      for (const r of records) if (hosts.has(r.target as never)) (r.target as unknown as ReactiveControllerHost).requestUpdate();
    });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }
  // The host's own lang too (observing a node twice just renews the registration).
  observer.observe(host, { attributes: true, attributeFilter: ['lang'] });
}

export interface LocalizeOptions {
  /** An explicit locale from configuration (e.g. the provider's `locale`). */
  locale?: () => string | null | undefined;
}

export class LocalizeController implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: LocalizeOptions;

  constructor(host: ReactiveControllerHost & HTMLElement, options: LocalizeOptions = {}) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    observe(this.host);
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The language tag in effect (`ko`, `en`, …). */
  get lang(): string {
    const own = this.host.getAttribute('lang');
    if (own) return own;
    const configured = this.options.locale?.();
    if (configured) return configured;
    return nearestLang(this.host) || 'ko';
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
  time(value: string | number | Date): string {
    return formatTime(value, this.locale);
  }
  dateTime(value: string | number | Date): string {
    return formatDateTime(value, this.locale);
  }
  dateRange(start: string | number | Date, end: string | number | Date): string {
    return formatDateRange(start, end, this.locale);
  }
  relative(value: string | number | Date, now?: string | number | Date): string {
    return formatRelative(value, this.locale, now);
  }
  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.locale, options);
  }
  error(error: unknown): string {
    return errorMessage(error, this.m);
  }
}
