/**
 * `LoadTask`: runs a widget's async load when its arguments change, aborts the run it replaces,
 * and re-renders the host with the outcome.
 *
 * ```ts
 * private readonly forums = new LoadTask(this, {
 *   args: () => [this.api.value?.client, this.forumId] as const,
 *   task: async ([client, forumId], { signal }) => (client && forumId ? client.getForum(forumId, { signal }) : nothingToLoad),
 * });
 * render() { return this.forums.render({ pending: …, complete: (forum) => …, error: (e) => … }); }
 * ```
 *
 * It is a small cousin of `@lit/task`'s `Task` (whose code it adapts, Copyright 2017 Google LLC,
 * BSD-3-Clause), kept because it is shared code on every widget's first load (about 0.25 KB gzipped
 * less than `@lit/task` in the foundation chunk). It differs in exactly these ways:
 * - `status` is a string, `'idle' | 'pending' | 'complete' | 'error'`, not `TaskStatus`'s numbers;
 *   a task function returns `nothingToLoad` (not `initialState`) to go back to `'idle'`, and
 *   `render()` takes `idle` where `@lit/task` takes `initial`;
 * - it always runs before the host's update when `args` changed (`@lit/task`'s `autoRun: true`):
 *   no `autoRun: false` / `'afterUpdate'`;
 * - `args` are always compared element by element as Lit compares properties (changed unless
 *   `Object.is`), as `@lit/task`'s default does: no `argsEqual` option. Give it primitives, or objects whose identity
 *   changes only when their content does;
 * - no `abort()`: a run is aborted only by the newer run that replaces it (no widget aborts a
 *   load otherwise);
 * - no `taskComplete` promise, no `onComplete`/`onError` callbacks, no `initialValue`, and no
 *   `(host, task, args)` constructor form;
 * - `status`, `value` and `error` can be read, not set.
 * Everything else is as in `@lit/task`: a run aborts the pending one (its `AbortSignal`), only the
 * newest run's outcome counts, `value` keeps the last complete value while a new run is pending
 * and is cleared by an error, and `run()` runs it now with the current (or given) arguments.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type LoadStatus = 'idle' | 'pending' | 'complete' | 'error';

/** Returned by a task function when there is nothing to load (yet): the status goes back to `'idle'`. */
export const nothingToLoad: unique symbol = Symbol('nothingToLoad');

export interface LoadTaskConfig<A extends readonly unknown[], R> {
  /** The load itself; `signal` aborts when a newer run replaces this one. */
  task: (args: A, options: { signal: AbortSignal }) => R | typeof nothingToLoad | Promise<R | typeof nothingToLoad>;
  /** The arguments, read before each host update: a change starts a run. */
  args?: () => A;
}

export interface LoadTaskRenderers<R, T> {
  idle?: () => T;
  pending?: () => T;
  complete?: (value: R) => T;
  error?: (error: unknown) => T;
}

/** As Lit compares a property's values (`notEqual`): changed unless `Object.is` says the same. */
const argsChanged = (previous: readonly unknown[] | undefined, args: readonly unknown[]) =>
  !previous || previous.length !== args.length || args.some((value, i) => !Object.is(value, previous[i]));

export class LoadTask<A extends readonly unknown[] = readonly unknown[], R = unknown> implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #task: LoadTaskConfig<A, R>['task'];
  readonly #args: (() => A) | undefined;
  #previousArgs: A | undefined;
  /** Counts runs: a run whose number is no longer the newest drops its outcome. */
  #runs = 0;
  #abort: AbortController | undefined;
  #status: LoadStatus = 'idle';
  #value: R | undefined;
  #error: unknown;

  constructor(host: ReactiveControllerHost, config: LoadTaskConfig<A, R>) {
    this.#host = host;
    this.#task = config.task;
    this.#args = config.args;
    host.addController(this);
  }

  get status(): LoadStatus {
    return this.#status;
  }

  /** The last complete run's value (kept while a new run is pending; cleared by an error). */
  get value(): R | undefined {
    return this.#value;
  }

  /** Why the last run failed (when `status` is `'error'`). */
  get error(): unknown {
    return this.#error;
  }

  /** Before each host update: starts a run when the arguments changed. */
  hostUpdate(): void {
    const args = this.#args?.();
    if (args && argsChanged(this.#previousArgs, args)) void this.run(args);
    this.#previousArgs = args;
  }

  /** Runs the task now (with these arguments, or the current ones), aborting a run in progress. */
  async run(args: A | undefined = this.#args?.()): Promise<void> {
    this.#previousArgs = args;
    if (this.#status === 'pending') this.#abort?.abort();
    this.#status = 'pending';
    this.#host.requestUpdate();
    const run = ++this.#runs;
    const abort = (this.#abort = new AbortController());
    let result: R | typeof nothingToLoad | undefined;
    let error: unknown;
    let failed = false;
    try {
      result = await this.#task(args as A, { signal: abort.signal });
    } catch (e) {
      failed = true;
      error = e;
    }
    if (run !== this.#runs) return; // a newer run took over
    if (result === nothingToLoad) this.#status = 'idle';
    else {
      this.#status = failed ? 'error' : 'complete';
      this.#value = result;
      this.#error = error;
    }
    this.#host.requestUpdate();
  }

  /** What to show for the current status. */
  render<T>(renderers: LoadTaskRenderers<R, T>): T | undefined {
    switch (this.#status) {
      case 'idle':
        return renderers.idle?.();
      case 'pending':
        return renderers.pending?.();
      case 'complete':
        return renderers.complete?.(this.#value as R);
      default:
        return renderers.error?.(this.#error);
    }
  }
}
