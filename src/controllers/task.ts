/**
 * `Task`: runs a widget's async load when its arguments change, aborts the run it replaces, and
 * re-renders the host with the outcome. It follows `@lit/task`'s `Task` for the part the widgets
 * use (same names and semantics: `args` compared element by element, `initialState`, `status`,
 * `value`, `error`, `run()`, `abort()`, `render()`), without what they do not (`taskComplete`,
 * `onComplete`/`onError`, `autoRun`, `initialValue`, a custom `argsEqual`), so every page does
 * not carry it: it is shared code on every widget's first load.
 * Adapted from @lit/task (Copyright 2017 Google LLC, BSD-3-Clause).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const TaskStatus = { INITIAL: 0, PENDING: 1, COMPLETE: 2, ERROR: 3 } as const;
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus];

/** Returned by a task function to go back to `INITIAL` (nothing to load yet). */
export const initialState: unique symbol = Symbol();

export interface TaskConfig<A extends readonly unknown[], R> {
  task: (args: A, options: { signal: AbortSignal }) => R | typeof initialState | Promise<R | typeof initialState>;
  args?: () => A;
}

export interface TaskRenderers<R, T> {
  initial?: () => T;
  pending?: () => T;
  complete?: (value: R) => T;
  error?: (error: unknown) => T;
}

/** Lit's `notEqual`: changed unless identical or both NaN. */
const same = (a: unknown, b: unknown) => a === b || (a !== a && b !== b);

export class Task<A extends readonly unknown[] = readonly unknown[], R = unknown> implements ReactiveController {
  #host: ReactiveControllerHost;
  #task: TaskConfig<A, R>['task'];
  #args: (() => A) | undefined;
  #previous: A | undefined;
  #call = 0;
  #abort: AbortController | undefined;
  #status: TaskStatus = TaskStatus.INITIAL;
  #value: R | undefined;
  #error: unknown;

  constructor(host: ReactiveControllerHost, config: TaskConfig<A, R>) {
    (this.#host = host).addController(this);
    this.#task = config.task;
    this.#args = config.args;
  }

  get status(): TaskStatus {
    return this.#status;
  }
  get value(): R | undefined {
    return this.#value;
  }
  get error(): unknown {
    return this.#error;
  }

  /** Runs before each host update: starts a run when the arguments changed. */
  hostUpdate(): void {
    const args = this.#args?.();
    const previous = this.#previous;
    this.#previous = args;
    if (args && args !== previous && (!previous || previous.length !== args.length || args.some((v, i) => !same(v, previous[i])))) {
      void this.run(args);
    }
  }

  /** Runs the task now (with these arguments, or the current ones), aborting a run in progress. */
  async run(args?: A): Promise<void> {
    args ??= this.#args?.() as A;
    this.#previous = args;
    if (this.#status === TaskStatus.PENDING) this.#abort?.abort();
    this.#status = TaskStatus.PENDING;
    this.#host.requestUpdate();
    const call = ++this.#call;
    const abort = (this.#abort = new AbortController());
    let result: R | typeof initialState | undefined;
    let error: unknown;
    let failed = false;
    try {
      result = await this.#task(args, { signal: abort.signal });
    } catch (e) {
      failed = true;
      error = e;
    }
    if (call !== this.#call) return; // a newer run took over
    if (result === initialState) this.#status = TaskStatus.INITIAL;
    else {
      this.#status = failed ? TaskStatus.ERROR : TaskStatus.COMPLETE;
      this.#value = result as R | undefined;
      this.#error = error;
    }
    this.#host.requestUpdate();
  }

  /** Aborts the run in progress, if any. */
  abort(reason?: unknown): void {
    if (this.#status === TaskStatus.PENDING) this.#abort?.abort(reason);
  }

  render<T>(renderers: TaskRenderers<R, T>): T | undefined {
    switch (this.#status) {
      case TaskStatus.INITIAL:
        return renderers.initial?.();
      case TaskStatus.PENDING:
        return renderers.pending?.();
      case TaskStatus.COMPLETE:
        return renderers.complete?.(this.#value as R);
      default:
        return renderers.error?.(this.#error);
    }
  }
}
