/**
 * The browser's install key for one backend and forum: a random secret (128 bits, hex) that
 * `ApiClient.join` sends in the join body, so that the same browser joining the same forum again
 * is the participant it already is (one person, one set of dots; see the contract's `joinForum`).
 *
 * Kept in localStorage, per backend and forum (so no two backends or forums see the same key), and
 * never put in a URL, a log or any other request. Without storage (private mode, a sandboxed
 * iframe) it lasts as long as the page.
 */
/** Keys that could not be stored (no storage): kept for as long as the page lives. */
const inPage = new Map<string, string>();

/** This browser's install key for `forumId` on the backend at `baseUrl` (created on first use). */
export function installKey(baseUrl: string, forumId: string): string {
  const name = `hd-install-key:${baseUrl}|${forumId}`;
  let key: string | null | undefined;
  try {
    key = localStorage.getItem(name);
  } catch {
    // Storage is not available.
  }
  if (key && /^[\w-]{22,128}$/.test(key)) return key;
  key = inPage.get(name);
  if (key) return key;
  key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  try {
    localStorage.setItem(name, key);
  } catch {
    inPage.set(name, key);
  }
  return key;
}
