/**
 * The page's live streams, one per backend and forum, kept in the registry beside the clients
 * (`registry.ts`). A module of its own so that only code that opens a stream pays for
 * `LiveStream`: the calendar, which never does, ships without it.
 */
import { LiveStream } from './live-stream.js';
import type { ApiClient } from './client.js';
import { backend, getApi, registryDefaults } from './registry.js';

/** A number per client with a token, to key its streams by (the token itself is not readable). */
const clientKeys = new WeakMap<ApiClient, number>();
let clientCount = 0;

/**
 * The page's one live stream of a forum on a backend. With `client` (one with a token: a
 * facilitator's or an admin's), the stream carries that token in its `Authorization` header and
 * the server sends it hidden ideas too; it is shared by everything that uses the same client.
 */
export function getLiveStream(baseUrl: string, forumId: string, client?: ApiClient): LiveStream {
  const [base, entry] = backend(baseUrl);
  const headers = client?.streamHeaders();
  let key = forumId;
  if (headers) {
    if (!clientKeys.has(client!)) clientKeys.set(client!, ++clientCount);
    key = `${forumId}\u0000${clientKeys.get(client!)}`;
  }
  let stream = entry.streams.get(key);
  if (!stream) {
    const api = client ?? getApi(base);
    stream = new LiveStream({ ...registryDefaults.stream, ...(headers ? { headers } : {}), url: (lastEventId) => api.eventsUrl(forumId, lastEventId) });
    entry.streams.set(key, stream);
  }
  return stream;
}
