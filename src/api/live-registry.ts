/**
 * The page's live streams, one per backend and forum, kept in the registry beside the clients
 * (`registry.ts`). A module of its own so that only code that opens a stream pays for
 * `LiveStream`: the calendar, which never does, ships without it.
 */
import { LiveStream } from './live-stream.js';
import { backend, getApi, registryDefaults } from './registry.js';

/** The page's one live stream of a forum on a backend. */
export function getLiveStream(baseUrl: string, forumId: string): LiveStream {
  const [base, entry] = backend(baseUrl);
  let stream = entry.streams.get(forumId);
  if (!stream) {
    const client = getApi(base);
    stream = new LiveStream({ ...registryDefaults.stream, url: (lastEventId) => client.eventsUrl(forumId, lastEventId) });
    entry.streams.set(forumId, stream);
  }
  return stream;
}
