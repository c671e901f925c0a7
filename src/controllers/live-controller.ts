/**
 * `LiveController`: a widget's subscription to a forum's shared `LiveStream`, tied to its life —
 * subscribes in `hostConnected`, unsubscribes in `hostDisconnected`, follows the stream when
 * the widget's forum or backend changes, and re-renders the host when the connection state
 * changes (for a "live / reconnecting / refreshing" line).
 *
 * ```ts
 * private live = new LiveController(this, {
 *   stream: () => (this.forumId ? this.api.live(this.forumId) : undefined),
 *   onMessage: (m) => { if (m.type === 'reset' || m.type === 'poll') this.task.run(); else this.apply(m); },
 * });
 * ```
 *
 * Subscribe before you fetch and skip events whose id is not newer than the fetched page's
 * `lastEventId`: then nothing is missed and nothing is applied twice.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { getLiveStream } from '../api/live-registry.js';
import type { LiveMessage, LiveStream, LiveStreamState } from '../api/live-stream.js';
import { liveStreams } from './api-controller.js';

// A widget that follows a forum live imports this module: from then on `ApiController.live`
// hands out the page's shared streams.
liveStreams.get = getLiveStream;

export interface LiveControllerOptions {
  /** The stream to follow now (undefined while the widget has no forum or backend). */
  stream: () => LiveStream | undefined;
  /** Every event and poll tick. */
  onMessage: (message: LiveMessage) => void;
}

export class LiveController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly options: LiveControllerOptions;
  private current: LiveStream | undefined;
  private unsubscribe: (() => void) | undefined;
  private unwatch: (() => void) | undefined;
  private connected = false;

  constructor(host: ReactiveControllerHost, options: LiveControllerOptions) {
    this.host = host;
    this.options = options;
    host.addController(this);
  }

  /** The followed stream's connection state (`closed` when there is none). */
  get state(): LiveStreamState {
    return this.current?.state ?? 'closed';
  }

  /** The stream followed now. */
  get stream(): LiveStream | undefined {
    return this.current;
  }

  hostConnected(): void {
    this.connected = true;
    this.follow(this.options.stream());
  }

  hostUpdate(): void {
    if (this.connected) this.follow(this.options.stream());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.follow(undefined);
  }

  private follow(stream: LiveStream | undefined): void {
    if (stream === this.current && (stream === undefined || this.unsubscribe)) return;
    this.unsubscribe?.();
    this.unwatch?.();
    this.unsubscribe = this.unwatch = undefined;
    this.current = stream;
    if (!stream) return;
    this.unwatch = stream.onStateChange(() => this.host.requestUpdate());
    this.unsubscribe = stream.subscribe((message) => this.options.onMessage(message));
    this.host.requestUpdate();
  }
}
