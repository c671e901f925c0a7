/**
 * A widget's code-split parts (a view, a mode's tools, the words of a state): each a module
 * fetched once per page by the first element that needs it, whose styles join every element's
 * shadow root that uses it (`addStyles`). `PartsController` is one element's view of them: what it
 * waits for (its `updateComplete` waits too), what failed to load (shown with a retry, not fetched
 * again until the person asks or the element clears its failures), and where the keyboard goes
 * after a retry.
 */
import type { CSSResult, LitElement } from 'lit';
import { addStyles } from '../styles/adopt.js';

export interface Part<T> {
  /** Fetches the module (`() => import('./x.js')`). */
  readonly load: () => Promise<T>;
  /** The module's styles for the shadow root; default: its `styles` export, if any. */
  styles?(m: T): CSSResult[];
  /** The module, once it is in. */
  value?: T;
  /** The fetch under way (or done); unset again when it fails, so the next need tries again. */
  loading?: Promise<T>;
}

/** A part made from its importer and, optionally, what its styles are. */
export const part = <T>(load: () => Promise<T>, styles?: (module: T) => CSSResult[]): Part<T> => ({ load, styles });

/** The part's module: fetched once per page; a failed fetch is tried again the next time. */
export const fetchPart = <T>(lazyPart: Part<T>): Promise<T> =>
  (lazyPart.loading ??= lazyPart.load().then(
    (module) => (lazyPart.value = module),
    (error: unknown) => {
      lazyPart.loading = undefined;
      throw error;
    },
  ));

export class PartsController {
  /** Parts this element waits for (its `updateComplete` waits for them too). */
  readonly #waiting = new Map<Part<unknown>, Promise<unknown>>();
  /** Parts that failed to load for this element, with why. */
  readonly #failures = new Map<Part<unknown>, unknown>();
  readonly #host: LitElement;

  constructor(host: LitElement) {
    this.#host = host;
  }

  /**
   * The part's module once it is in (its styles added to the shadow root). Else starts fetching it
   * and returns undefined; the element re-renders when it lands or fails (the failure is kept, and
   * the part not fetched again, until `retry`). A part only fetched `ahead` of need is not waited
   * for, and its failure is not kept.
   */
  need<T>(lazyPart: Part<T>, ahead = false): T | undefined {
    const module = lazyPart.value;
    if (module) {
      const styles = lazyPart.styles?.(module) ?? [(module as { styles?: CSSResult | CSSResult[] }).styles ?? []].flat();
      addStyles(this.#host.shadowRoot, styles);
      return module;
    }
    if (!this.#waiting.has(lazyPart) && !this.#failures.has(lazyPart)) {
      const done = fetchPart(lazyPart).then(
        () => undefined,
        (error: unknown) => void (ahead || this.#failures.set(lazyPart, error)),
      );
      if (!ahead) this.#waiting.set(lazyPart, done);
      void done.then(() => {
        if (!ahead) this.#waiting.delete(lazyPart);
        this.#host.requestUpdate();
      });
    }
    return undefined;
  }

  /** Why the part failed to load for this element; undefined if it did not. */
  failed(lazyPart: Part<unknown>): unknown {
    return this.#failures.get(lazyPart);
  }

  /**
   * Forgets that `lazyPart` (without `lazyPart`: every part) failed to load: the next render that needs it
   * fetches it again (e.g. when the browser is back online).
   */
  forget(lazyPart?: Part<unknown>): void {
    if (lazyPart) this.#failures.delete(lazyPart);
    else this.#failures.clear();
  }

  /** Asks again for a part that failed; then the keyboard goes as `focus` says. */
  retry(lazyPart: Part<unknown>, focus: string): void {
    this.forget(lazyPart);
    this.#host.requestUpdate();
    this.focus(focus);
  }

  /**
   * After the next render and the parts it waits for, unless the person has put the keyboard
   * somewhere meanwhile: focuses a retry button (something failed again), else `selector`.
   */
  focus(selector: string): void {
    void this.#host.updateComplete.then(() => {
      const root = this.#host.renderRoot as ShadowRoot;
      const active = document.activeElement;
      if (root.activeElement || (active && active !== document.body)) return;
      (root.querySelector<HTMLElement>('[role=alert] button') ?? root.querySelector<HTMLElement>(selector))?.focus();
    });
  }

  /**
   * For the element's `getUpdateComplete`: `base` (the element's own) again until no part this
   * element waits for is on its way.
   */
  async updateComplete(base: () => Promise<boolean>): Promise<boolean> {
    let done = await base();
    while (this.#waiting.size) {
      await Promise.all(this.#waiting.values());
      done = await base();
    }
    return done;
  }
}
