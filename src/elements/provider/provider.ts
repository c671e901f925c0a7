import { ContextProvider } from '@lit/context';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { apiContext } from '../../context/api-context.js';
import { createApiValue } from '../../context/api-value.js';

/**
 * Wrap widgets in `<hd-provider>` to give them one backend address, language and token instead
 * of setting `api-base` on each. It draws nothing itself; the widgets inside read its values
 * through `@lit/context`, and a widget's own `api-base` or `lang` still wins. Widgets that point at
 * the same backend share one API client, one cache and one live connection, with or without a
 * provider.
 *
 * @summary Hands the API base URL, locale and token to every Hyeondap widget inside it.
 * @tag hd-provider
 *
 * @slot - The widgets (and any other content) that should use this backend.
 *
 * @attr api-base - Base URL of a backend serving the Hyeondap API contract, e.g. `/api` or
 *   `https://forum.example.kr/api`. Widgets inside use it unless they set their own `api-base`.
 * @attr locale - Language of the widgets inside (`ko` default, `en`). An element's own `lang`
 *   still wins.
 * @attr token - Bearer token for every request of the widgets inside (facilitator or admin
 *   screens). Sent only in the `Authorization` header, never in URLs.
 *
 * The element renders nothing of its own (`display: contents`). It provides one stable object
 * and replaces it only when `api-base`, `token` or `locale` change, so widgets refetch only
 * then.
 */
export class HdProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none;
    }
  `;

  static override properties = {
    apiBase: { attribute: 'api-base' },
    locale: {},
    token: {},
  };

  /** Base URL of the backend. */
  apiBase = '';

  /** Locale of the widgets inside (`ko`, `en`). */
  locale: string | undefined;

  /** Bearer token for the widgets inside. */
  token: string | undefined;

  private readonly provider = new ContextProvider(this, { context: apiContext, initialValue: undefined });

  override connectedCallback(): void {
    // Provide before the first render so children that upgrade with us get a value at once.
    this.sync();
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('apiBase') || changed.has('token') || changed.has('locale')) this.sync();
  }

  private sync(): void {
    const base = this.apiBase?.trim();
    const current = this.provider.value;
    const next = base ? createApiValue(base, this.token, this.locale) : undefined;
    if (
      current &&
      next &&
      current.client === next.client &&
      current.locale === next.locale
    ) {
      return; // Same configuration: keep the object (consumers are told only on identity change).
    }
    this.provider.setValue(next);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
