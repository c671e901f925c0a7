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
import type { Writing } from './participation.js';
import type { ProjectorView } from './projector.js';
import type { WallContext } from './wall-context.js';

const chunks = {
  writing: part(() => import('./participation.js')),
  moderation: part(() => import('./facilitator.js')),
  projector: part(() => import('./projector.js')),
  virtual: part(() => import('./virtual-list.js')),
};

export type PartName = keyof typeof chunks;

export class WallParts implements ReactiveController {
  readonly #host: LitElement;
  readonly #wall: WallContext;
  readonly #long: () => boolean;
  readonly #parts: PartsController;
  /** A writer's posting and dots (participation.ts). */
  writing: Writing | undefined;
  /** A facilitator's tools (facilitator.ts). */
  moderation: Moderation | undefined;
  /** The projector's view (projector.ts). */
  projector: ProjectorView | undefined;
  /** The virtualized list, while the list is long enough for it (virtual-list.ts). */
  virtual: typeof import('./virtual-list.js') | undefined;

  /** `long`: whether the list the wall shows now is long enough to virtualize. */
  constructor(host: LitElement, wall: WallContext, long: () => boolean) {
    this.#host = host;
    this.#wall = wall;
    this.#long = long;
    this.#parts = new PartsController(host);
    host.addController(this);
  }

  hostUpdate(): void {
    const { data, member } = this.#wall;
    const mode = this.#wall.host.mode;
    // A writer's part comes alongside the first data (not after it), so the first wall has it.
    if (member.writes) this.writing ??= this.#need(chunks.writing, (m) => new m.Writing(this.#wall));
    // Phones and the projector never download the tools; tablets without a token neither.
    if (data.facilitator) this.moderation ??= this.#need(chunks.moderation, (m) => new m.Moderation(this.#wall));
    if (mode === 'projector') this.projector ??= this.#need(chunks.projector, (m) => new m.ProjectorView(this.#wall));
    const virtual = mode !== 'projector' && this.#long() ? this.#need(chunks.virtual, (m) => m) : undefined;
    // The virtualizer draws the cards anew a frame or so later: the keyboard goes back to its place.
    if (virtual && !this.virtual) virtual.keepFocus(this.#host.renderRoot as ShadowRoot);
    this.virtual = virtual;
  }

  /** Starts fetching a part ahead of need (a person who starts on the join form is about to write). */
  prefetch(name: PartName): Promise<unknown> | undefined {
    const chunk = chunks[name] as Part<unknown>;
    this.#parts.forget(chunk);
    this.#parts.need(chunk);
    return chunk.loading;
  }

  /** Why a part failed to load, if it did. */
  failed(name: PartName): unknown {
    return this.#parts.failed(chunks[name] as Part<unknown>);
  }

  /** Asks again for a part that failed; then the keyboard goes as `focus` says. */
  retry(name: PartName, focus: string): void {
    this.#parts.retry(chunks[name] as Part<unknown>, focus);
  }

  /** Forgets every failure (back online): the next update fetches them again. */
  forget(): void {
    this.#parts.forget();
  }

  /** After the next render and the parts it waits for, the keyboard goes to `selector` (unless the person moved it). */
  focus(selector: string): void {
    this.#parts.focus(selector);
  }

  /** For the element's `getUpdateComplete`: also waits for every part asked for. */
  updateComplete(base: () => Promise<boolean>): Promise<boolean> {
    return this.#parts.updateComplete(base);
  }

  /** The part's controller, once its chunk is in (fetched from the first time it is needed). */
  #need<M, T>(chunk: Part<M>, make: (module: M) => T): T | undefined {
    const module = this.#parts.need(chunk);
    return module && make(module);
  }
}
