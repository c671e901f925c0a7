/**
 * `ApiController`: how a widget gets its backend.
 *
 * - Its own `api-base` attribute wins (the most specific configuration): the client comes from
 *   the module registry, so two widgets with the same `api-base` share one client, cache and
 *   live connection even without a provider.
 * - Otherwise the nearest `<hd-provider>`, consumed with `subscribe: true`, so a provider that
 *   changes its `api-base`/`token`/`locale` (or arrives late, via the CDN entry's ContextRoot)
 *   re-renders the widget.
 *
 * ```ts
 * static override properties = { apiBase: { attribute: 'api-base' }, token: { attribute: false } };
 * apiBase: string | undefined;
 * token: string | undefined;
 * readonly #api = new ApiController(this);
 * render() { const client = this.#api.client; … }
 * ```
 */
import { ContextEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../api/client.js';
import { apiContext, type ApiContextValue } from '../context/api-context.js';
import { createApiValue } from '../context/api-value.js';

export interface ApiHost extends ReactiveControllerHost, HTMLElement {
  /** The widget's own `api-base` attribute. */
  apiBase?: string | null | undefined;
  /** The widget's own token (property; not an attribute by default). */
  token?: string | null | undefined;
}

export class ApiController implements ReactiveController {
  readonly #host: ApiHost;
  /** The provider's value, and how to stop hearing from that provider. */
  #provided: ApiContextValue | undefined;
  #unsubscribe: (() => void) | undefined;
  #own: { key: string; value: ApiContextValue } | undefined;

  constructor(host: ApiHost) {
    this.#host = host;
    host.addController(this);
  }

  /** The effective configuration: own `api-base`, else the provider's, else undefined. */
  get value(): ApiContextValue | undefined {
    const base = this.#host.apiBase?.trim();
    if (base) {
      const token = this.#host.token || '';
      const key = `${base}\u0000${token}`;
      if (!this.#own || this.#own.key !== key) this.#own = { key, value: createApiValue(base, token) };
      return this.#own.value;
    }
    return this.#provided;
  }

  /** Whether the widget has a backend to talk to. */
  get ready(): boolean {
    return this.value !== undefined;
  }

  /**
   * True when the widget has no backend and none is coming: no `api-base` of its own and no
   * `<hd-provider>` above it (not even one whose code is still on its way). The widget says so
   * instead of loading for ever.
   */
  get missing(): boolean {
    if (this.value !== undefined) return false;
    for (let node: Node | null = this.#host; node; ) {
      if (node instanceof Element && node.localName === 'hd-provider' && node !== this.#host) return false;
      node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
    }
    return true;
  }

  /** The client (throws when the widget has neither `api-base` nor a provider). */
  get client(): ApiClient {
    const value = this.value;
    if (!value) throw new Error('No backend: set api-base on the element or wrap it in <hd-provider api-base="…">.');
    return value.client;
  }

  /** The locale the configuration asks for, if any (for `LocalizeController`). */
  get locale(): string | undefined {
    return this.value?.locale;
  }

  /**
   * Asks for the nearest `<hd-provider>`'s value (the context protocol's request, subscribed: it
   * answers now and on every later change; a ContextRoot replays it for a provider that upgrades
   * later).
   */
  hostConnected(): void {
    this.#host.dispatchEvent(
      new ContextEvent(apiContext, this.#host, (value, unsubscribe) => {
        // Another provider answering (the element moved, or a ContextRoot replayed the request):
        // stop hearing from the previous one.
        if (this.#unsubscribe && this.#unsubscribe !== unsubscribe) this.#unsubscribe();
        this.#unsubscribe = unsubscribe;
        this.#provided = value;
        this.#host.requestUpdate();
      }, true),
    );
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
