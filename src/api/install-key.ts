/**
 * The browser's install key for one backend and forum: a random secret (192 bits, base64url) that
 * `ApiClient.join` sends in the join body, so that the same browser joining the same forum again
 * is the participant it already is (one person, one set of dots; see the contract's `joinForum`).
 *
 * Kept in localStorage, per backend and forum (so no two backends or forums see the same key), and
 * never put in a URL, a log or any other request. Without storage (private mode, a sandboxed
 * iframe) it lasts as long as the page.
 */
const PREFIX = 'hd-install-key:';
const VALID = /^[A-Za-z0-9_-]{22,128}$/;
const inPage = new Map<string, string>();

function fresh(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(24));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This browser's install key for `forumId` on the backend at `baseUrl` (created on first use). */
export function installKey(baseUrl: string, forumId: string): string {
  const name = `${PREFIX}${baseUrl}|${forumId}`;
  try {
    const stored = globalThis.localStorage?.getItem(name);
    if (stored && VALID.test(stored)) return stored;
  } catch {
    // Storage is not available: the page keeps it.
  }
  const kept = inPage.get(name);
  if (kept) return kept;
  const key = fresh();
  try {
    globalThis.localStorage?.setItem(name, key);
    if (globalThis.localStorage?.getItem(name) === key) return key;
  } catch {
    // Full or unavailable: the page keeps it.
  }
  inPage.set(name, key);
  return key;
}
