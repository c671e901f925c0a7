/**
 * The operator's sign-in, shared by the operator tools (`<hd-forum-editor>`, `<hd-results-editor>`):
 * a bearer token the operator types into the console, kept in this tab's `sessionStorage` only
 * (never `localStorage`, never a URL, never a cookie, never the DOM), one per backend. Signing in
 * or out in one tool signs every tool on the page in or out. Any bearer token is taken: the
 * installation's admin token today, a named staff token tomorrow; the server decides what it may do.
 *
 * The token is not checked when it is typed (there is no harmless "who am I" read in the contract):
 * the first write tells. A 401 signs the operator out and asks again, and keeps what was typed.
 *
 * Where `sessionStorage` is refused (storage disabled), the token lives in this page's memory only,
 * and is gone on reload.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ApiController } from '../controllers/api-controller.js';

const KEY = 'hyeondap.operator-token:';
/** What the server takes after `Bearer ` (server/http/auth.ts): printable ASCII, 8–512 characters. */
export const TOKEN_PATTERN = /^[\x21-\x7E]{8,512}$/;

/** Tokens kept in memory where sessionStorage refuses them, by backend. */
const memory = new Map<string, string>();
const listeners = new Set<() => void>();

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

/** The token this tab holds for a backend. */
export function readToken(baseUrl: string): string | undefined {
  try {
    const stored = storage()?.getItem(KEY + baseUrl);
    if (stored) return stored;
  } catch {
    // refused: memory below
  }
  return memory.get(baseUrl);
}

function tell(): void {
  for (const listener of listeners) listener();
}

export function storeToken(baseUrl: string, token: string): void {
  try {
    storage()!.setItem(KEY + baseUrl, token);
    memory.delete(baseUrl);
  } catch {
    memory.set(baseUrl, token);
  }
  tell();
}

export function forgetToken(baseUrl: string): void {
  try {
    storage()?.removeItem(KEY + baseUrl);
  } catch {
    // nothing stored there
  }
  memory.delete(baseUrl);
  tell();
}

/**
 * One tool's view of the sign-in: the token for the backend its `ApiController` has now, and
 * re-renders the tool when any tool on the page signs in or out.
 */
export class OperatorSession implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #api: ApiController;
  readonly #changed = () => this.#host.requestUpdate();
  /** Why the operator was signed out (a refused token), until they sign in again. */
  reason: 'expired' | '' = '';

  constructor(host: ReactiveControllerHost, api: ApiController) {
    this.#host = host;
    this.#api = api;
    host.addController(this);
  }

  get #base(): string | undefined {
    return this.#api.value?.baseUrl;
  }

  /** The bearer token for this tool's backend, if the operator signed in. */
  get token(): string | undefined {
    const base = this.#base;
    return base ? readToken(base) : undefined;
  }

  get signedIn(): boolean {
    return this.token !== undefined;
  }

  /** Keeps the token for this backend (false when it cannot be a bearer token). */
  signIn(token: string): boolean {
    const base = this.#base;
    const value = token.trim();
    if (!base || !TOKEN_PATTERN.test(value)) return false;
    this.reason = '';
    storeToken(base, value);
    return true;
  }

  /** Forgets the token (`expired`: the server refused it, say so). */
  signOut(reason: 'expired' | '' = ''): void {
    const base = this.#base;
    this.reason = reason;
    if (base) forgetToken(base);
    else this.#host.requestUpdate();
  }

  hostConnected(): void {
    listeners.add(this.#changed);
  }

  hostDisconnected(): void {
    listeners.delete(this.#changed);
  }
}
