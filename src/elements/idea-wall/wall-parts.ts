/**
 * `WallParts`: the code a wall needs only in some modes or states, each a chunk fetched once per
 * page by the first wall that needs it — a writer's posting and dots, a facilitator's tools, the
 * projector's view, and the virtualizer for a long list. Before each render it asks for what the
 * wall needs now and starts the part's controller once its chunk is in (its styles join the
 * wall's shadow root then). The element's `updateComplete` waits for what was asked for; a part
 * that failed to load is shown with a retry in its place.
 */
import type { LitElement, ReactiveController } from 'lit';
import { PartsController, part, type Part } from '../../controllers/parts.js';
import type { Moderation } from './facilitator.js';
import type { Joining } from './join.js';
import type { Writing } from './participation.js';
import type { ProjectorView } from './projector.js';
import type { WallOptions } from './wall-options.js';
import type { WallContext } from './wall-context.js';

/** The wall's parts, each fetched once per page (`failed(chunks.writing)`, `retry(chunks.options, …)`). */
export const chunks = {
  joining: part(() => import('./join.js')),
  writing: part(() => import('./participation.js')),
  moderation: part(() => import('./facilitator.js')),
  options: part(() => import('./wall-options.js')),
  projector: part(() => import('./projector.js')),
  virtual: part(() => import('./virtual-list.js')),
};


/** What the wall wants now, besides what its mode and writer say. */
export interface WallWants {
  /** The list it shows is long enough to virtualize. */
  long(): boolean;
  /** Its options are open (or it is held still, and says so). */
  options(): boolean;
}

export class WallParts extends PartsController implements ReactiveController {
  readonly #host: LitElement;
  readonly #wall: WallContext;
  readonly #wants: WallWants;
  /** A participant's join form, and joining at once from the QR code's URL (join.ts). */
  joining: Joining | undefined;
  /** A writer's posting and dots (participation.ts). */
  writing: Writing | undefined;
  /** A facilitator's tools (facilitator.ts). */
  moderation: Moderation | undefined;
  /** The filters, tallies and pause control (wall-options.ts). */
  options: WallOptions | undefined;
  /** The projector's view (projector.ts). */
  projector: ProjectorView | undefined;
  /** The virtualized list, while the list is long enough for it (virtual-list.ts). */
  virtual: typeof import('./virtual-list.js') | undefined;

  constructor(host: LitElement, wall: WallContext, wants: WallWants) {
    super(host);
    this.#host = host;
    this.#wall = wall;
    this.#wants = wants;
    host.addController(this);
  }

  hostUpdate(): void {
    const { data, member } = this.#wall;
    const mode = this.#wall.host.mode;
    // A participant's first screen is the join form; a writer's comes with their composer and
    // dots: either part comes alongside the first data (not after it), so the first wall has it.
    if (mode === 'participant' && !member.session) {
      this.joining ??= this.#need(chunks.joining, (m) => new m.Joining(this.#wall, { prefetch: () => this.prefetch(chunks.writing), focus: (selector) => this.focus(selector) }));
    }
    if (member.writes) this.writing ??= this.#need(chunks.writing, (m) => new m.Writing(this.#wall));
    // Phones and the projector never download the tools; tablets without a token neither.
    if (data.facilitator) this.moderation ??= this.#need(chunks.moderation, (m) => new m.Moderation(this.#wall));
    if (mode !== 'projector' && (data.facilitator || this.#wants.options())) this.options ??= this.#need(chunks.options, (m) => new m.WallOptions(this.#wall));
    if (mode === 'projector') this.projector ??= this.#need(chunks.projector, (m) => new m.ProjectorView(this.#wall));
    const virtual = mode !== 'projector' && this.#wants.long() ? this.#need(chunks.virtual, (m) => m) : undefined;
    // The virtualizer draws the cards anew a frame or so later: the keyboard goes back to its place.
    if (virtual && !this.virtual) virtual.keepFocus(this.#host.renderRoot as ShadowRoot);
    this.virtual = virtual;
  }

  /** Starts fetching a part ahead of need (a person who starts on the join form is about to write); tried again if it failed. */
  prefetch(chunk: Part<unknown>): Promise<unknown> | undefined {
    this.forget(chunk);
    this.need(chunk);
    return chunk.loading;
  }

  /** The part's controller, once its chunk is in (fetched from the first time it is needed). */
  #need<M, T>(chunk: Part<M>, make: (module: M) => T): T | undefined {
    const module = this.need(chunk);
    return module && make(module);
  }
}
