/**
 * Module-level registry, keyed by normalised base URL, so every widget on a page that talks to
 * the same backend shares one cache, one client per token and one live connection per forum —
 * with or without `<hd-provider>`. It lives in this module, not on `window`: two copies of the
 * bundle on one page each keep their own and do not touch each other's.
 */
import { ApiCache } from './cache.js';
import { ApiClient, normaliseBaseUrl, type ApiClientOptions } from './client.js';
import type { LiveStream, LiveStreamOptions } from './live-stream.js';

/** One backend's shared parts. Live streams are added by `live-registry.ts` (see there). */
export interface Backend {
  cache: ApiCache;
  clients: Map<string, ApiClient>;
  streams: Map<string, LiveStream>;
}

const backends = new Map<string, Backend>();

/** Defaults for clients the registry creates (tests tune timeouts here). */
export const registryDefaults: {
  client: Omit<ApiClientOptions, 'baseUrl' | 'token' | 'cache'>;
  stream: Omit<LiveStreamOptions, 'url'>;
} = { client: {}, stream: {} };

/** The shared parts for a base URL (created on first use), with the normalised URL. */
export function backend(baseUrl: string): [string, Backend] {
  const base = normaliseBaseUrl(baseUrl);
  let entry = backends.get(base);
  if (!entry) {
    entry = { cache: new ApiCache(), clients: new Map(), streams: new Map() };
    backends.set(base, entry);
  }
  return [base, entry];
}

/**
 * The shared client of a backend for a token (none for public reads). The same base URL and
 * token give the same object; every client of one backend shares one cache.
 */
export function getApi(baseUrl: string, token?: string | null): ApiClient {
  const [base, entry] = backend(baseUrl);
  const tokenKey = token || '';
  let client = entry.clients.get(tokenKey);
  if (!client) {
    client = new ApiClient({ ...registryDefaults.client, baseUrl: base, token: token || undefined, cache: entry.cache });
    entry.clients.set(tokenKey, client);
  }
  return client;
}

/** The shared cache of a backend. */
export function getCache(baseUrl: string): ApiCache {
  return backend(baseUrl)[1].cache;
}


/** Forgets every client, cache and stream (closing the streams). For tests. */
export function resetRegistry(): void {
  for (const entry of backends.values()) for (const stream of entry.streams.values()) stream.close();
  backends.clear();
}
