/**
 * A widget's custom states (`:state(loading)`, …) through `ElementInternals`. In an engine without
 * it (Safari before 16.4: no `attachInternals`), or whose state set takes only `--name` states,
 * the `:state()` hooks are simply absent; the widget works the same.
 *
 * `const setStates = customStates(this)` in a field; then `setStates('loading', busy && 'live')`
 * after each update: exactly the names given (false and '' skipped) are on.
 */
export function customStates(host: HTMLElement): (...names: (string | false)[]) => void {
  let set: CustomStateSet | undefined;
  try {
    set = host.attachInternals().states;
  } catch {
    // no ElementInternals
  }
  return (...names) => {
    try {
      set?.clear();
      for (const name of names) if (name) set?.add(name);
    } catch {
      // only `--name` states
    }
  };
}
