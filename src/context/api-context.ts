/**
 * Context keys shared by `<hd-provider>` and the widgets (`@lit/context`).
 *
 * The key is `Symbol.for(…)`, not a private `Symbol()`: when a page loads two copies of the
 * bundle (an embed pasted twice), widgets of one copy still find the provider of the other.
 */
import { createContext } from '@lit/context';
import type { ApiClient } from '../api/client.js';

/** What a provider hands to the widgets inside it. One stable object per configuration. */
export interface ApiContextValue {
  /** The backend's shared client, carrying the configured token (if any). */
  readonly client: ApiClient;
  /** Normalised base URL of the backend. */
  readonly baseUrl: string;
  /** Locale the provider asks for (`ko`, `en`), if any. */
  readonly locale: string | undefined;
  /** Whether a token was configured (the token itself stays inside the client). */
  readonly hasToken: boolean;
  /** The shared client of the same backend with another token (e.g. after joining a forum). */
  withToken(token: string | null | undefined): ApiClient;
}

export const apiContext = createContext<ApiContextValue | undefined>(Symbol.for('hyeondap.api-context'));
