/**
 * Attaches one context root to the document, so widgets that upgrade before their
 * `<hd-provider>` still receive its value once it upgrades. Called by the CDN loader first
 * thing, and by `define/context-root.ts`.
 *
 * One per document, even when two copies of the bundle are loaded (a second root would replay
 * every pending request twice). The marker is a registered symbol on the document, not a
 * global name.
 *
 * This is `@lit/context`'s `ContextRoot` protocol (the community context protocol: buffer
 * `context-request` events with `subscribe: true` that no provider answered; when a
 * `context-provider` event announces a provider for that context, re-dispatch them from their
 * consumers), written out here without imports so the loader, which runs it, has no static
 * import and can reserve the widgets' space the moment it arrives.
 * Adapted from @lit/context (Copyright 2021 Google LLC, BSD-3-Clause).
 */

/** What the protocol's `context-request` event carries (see @lit/context ContextRequestEvent). */
interface RequestEvent extends Event {
  context: unknown;
  contextTarget?: Element;
  callback: (...args: unknown[]) => void;
  subscribe?: boolean;
}

/** The protocol's re-dispatched request, as @lit/context's ContextRequestEvent builds it. */
class ReplayedRequest extends Event {
  constructor(
    readonly context: unknown,
    readonly contextTarget: Element,
    readonly callback: (...args: unknown[]) => void,
    readonly subscribe: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

interface Pending {
  callbacks: WeakMap<Element, WeakSet<object>>;
  requests: { element: WeakRef<Element>; callback: WeakRef<(...args: unknown[]) => void> }[];
}

const ROOT_MARK = Symbol.for('hyeondap.context-root');

export function attachContextRoot(doc: Document = document): boolean {
  const marked = doc as Document & { [ROOT_MARK]?: boolean };
  if (marked[ROOT_MARK]) return false;
  marked[ROOT_MARK] = true;
  const pending = new Map<unknown, Pending>();
  const root = doc.documentElement;
  root.addEventListener('context-request', (event) => {
    const e = event as RequestEvent;
    if (e.subscribe !== true) return;
    const target = e.contextTarget ?? (e.composedPath()[0] as Element);
    let entry = pending.get(e.context);
    if (!entry) pending.set(e.context, (entry = { callbacks: new WeakMap(), requests: [] }));
    let seen = entry.callbacks.get(target);
    if (!seen) entry.callbacks.set(target, (seen = new WeakSet()));
    if (seen.has(e.callback)) return;
    seen.add(e.callback);
    entry.requests.push({ element: new WeakRef(target), callback: new WeakRef(e.callback) });
  });
  root.addEventListener('context-provider', (event) => {
    const context = (event as Event & { context: unknown }).context;
    const entry = pending.get(context);
    if (!entry) return;
    pending.delete(context);
    for (const { element, callback } of entry.requests) {
      const el = element.deref();
      const cb = callback.deref();
      if (el && cb) el.dispatchEvent(new ReplayedRequest(context, el, cb, true));
    }
  });
  return true;
}
