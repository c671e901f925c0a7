/**
 * Widget-like elements for the tests: they use the data layer exactly as the real widgets will
 * (ApiController for the backend, LocalizeController for text).
 */
import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import type { ApiContextValue } from '../../../src/context/api-context.js';
import { ApiController } from '../../../src/controllers/api-controller.js';
import { LocalizeController } from '../../../src/i18n/localize.js';
import { baseStyles } from '../../../src/styles/base.js';

export class TestApiConsumer extends LitElement {
  static override styles = [baseStyles];
  @property({ attribute: 'api-base' }) apiBase: string | undefined;
  @property({ attribute: false }) token: string | undefined;

  /** Every distinct value the controller had at an update, in order. */
  readonly seen: (ApiContextValue | undefined)[] = [];
  readonly api = new ApiController(this);
  readonly localize = new LocalizeController(this, { locale: () => this.api.locale });

  protected override getUpdateComplete(): Promise<boolean> {
    return this.localize.updateComplete(() => super.getUpdateComplete());
  }

  protected override willUpdate(): void {
    if (this.api.value !== this.seen.at(-1)) this.seen.push(this.api.value);
  }

  override render() {
    const value = this.api.value;
    return html`<p>${value ? value.baseUrl : this.localize.m.common.loading}</p>
      <p class="status">${this.localize.m.forumStatus.open}</p>`;
  }
}
if (!customElements.get('test-api-consumer')) customElements.define('test-api-consumer', TestApiConsumer);

declare global {
  interface HTMLElementTagNameMap {
    'test-api-consumer': TestApiConsumer;
  }
}
