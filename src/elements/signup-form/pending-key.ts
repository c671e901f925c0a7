/**
 * Where a pending submission is kept (see store.ts). Apart from store.ts so the element can ask
 * "is one waiting?" at load without shipping the queue itself in its first chunk.
 */
export const storageKey = (baseUrl: string, forumId: string) => `hd-signup:${baseUrl}:${forumId}`;

export function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // storage blocked (sandboxed iframe, privacy settings)
  }
}

/** Whether a submission for this backend and forum waits on this device. */
export function hasPending(baseUrl: string, forumId: string): boolean {
  try {
    return !!storage()?.getItem(storageKey(baseUrl, forumId));
  } catch {
    return false;
  }
}
