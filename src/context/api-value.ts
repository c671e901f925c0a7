import { getApi } from '../api/registry.js';
import type { ApiContextValue } from './api-context.js';

/**
 * Builds a context value on the module registry, so a provider and a widget configured with
 * the same base URL (and token) share one client, cache and live connection.
 */
export function createApiValue(baseUrl: string, token?: string | null, locale?: string | null): ApiContextValue {
  const client = getApi(baseUrl, token);
  return Object.freeze({
    client,
    baseUrl: client.baseUrl,
    locale: locale || undefined,
    hasToken: client.hasToken,
    withToken: (other: string | null | undefined) => getApi(client.baseUrl, other),
  });
}
