/** A cancel token as the confirmation's cancel link carries it. */
const TOKEN = /^[A-Za-z0-9_.~-]{8,300}$/;

/**
 * `#cancel=<token>` in the page address (the confirmation's cancel link): the token, once the
 * address is read and the fragment taken out of the address bar (and history). Undefined when the
 * address has no such fragment or its token is malformed.
 */
export function takeCancelToken(): string | undefined {
  const match = /^#cancel=([^&]+)$/.exec(location.hash);
  if (!match) return undefined;
  let token = '';
  try {
    token = decodeURIComponent(match[1]!);
  } catch {
    // malformed: refused below
  }
  history.replaceState(history.state, '', location.pathname + location.search);
  return TOKEN.test(token) ? token : undefined;
}
