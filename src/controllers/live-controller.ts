/**
 * `LiveController`: a widget's subscription to a forum's shared `LiveStream`, tied to its life —
 * subscribes in `hostConnected`, unsubscribes in `hostDisconnected`, follows the stream when
 * the widget's forum or backend changes, and re-renders the host when the connection state
 * changes (for a "live / reconnecting / refreshing" line). It takes the stream from the page's
 * registry itself (`getLiveStream`: one per backend and forum), for the backend the widget's
 * `ApiController` has now.
 *
 * ```ts
 * readonly #live = new LiveController(this, {
 *   api: this.#api,
 *   forumId: () => this.forumId,
 *   onMessage: (message) => (message.type === 'reset' || message.type === 'poll' ? this.#task.run() : this.#apply(message)),
 * });
 * ```
 *
 * Subscribe before you fetch and skip events whose id is not newer than the fetched page's
 * `lastEventId`: then nothing is missed and nothing is applied twice.
 *
 * The stream's code (this module, `live-stream.ts`, `live-registry.ts`) is a chunk of its own in
 * the CDN build: a widget that never imports this module (the calendar) never loads it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLiveStream } from '../api/live-registry.js';
import type { LiveMessage, LiveStream, LiveStreamState } from '../api/live-stream.js';
import type { ApiController } from './api-controller.js';

export interface LiveControllerOptions {
  /** The widget's backend. */
  api: ApiController;
  /** The forum to follow now; none (undefined or '') while there is nothing to follow. */
  forumId: () => string | undefined;
  /** Every event and poll tick. */
  onMessage: (message: LiveMessage) => void;
}

export class LiveController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: LiveControllerOptions;
  #current: LiveStream | undefined;
  #unsubscribe: (() => void) | undefined;
  #unwatch: (() => void) | undefined;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: LiveControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The followed stream's connection state (`closed` when there is none). */
  get state(): LiveStreamState {
    return this.#current?.state ?? 'closed';
  }

  /** The stream followed now. */
  get stream(): LiveStream | undefined {
    return this.#current;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.#wanted());
  }

  hostUpdate(): void {
    if (this.#connected) this.#follow(this.#wanted());
  }

  /** The stream of the forum to follow on the widget's backend, if it has both. */
  #wanted(): LiveStream | undefined {
    const value = this.#options.api.value;
    const forumId = this.#options.forumId();
    // with a token (a facilitator's, an admin's) the stream carries it, and hidden ideas with it
    return value && forumId ? getLiveStream(value.baseUrl, forumId, value.hasToken ? value.client : undefined) : undefined;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow(undefined);
  }

  #follow(stream: LiveStream | undefined): void {
    if (stream === this.#current && (stream === undefined || this.#unsubscribe)) return;
    this.#unsubscribe?.();
    this.#unwatch?.();
    this.#unsubscribe = this.#unwatch = undefined;
    this.#current = stream;
    if (!stream) return;
    this.#unwatch = stream.onStateChange(() => this.#host.requestUpdate());
    this.#unsubscribe = stream.subscribe((message) => this.#options.onMessage(message));
    this.#host.requestUpdate();
  }
}
