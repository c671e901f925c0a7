export * from './types.js';
export * from './errors.js';
export { CorsBlockedError, editorView } from './diagnose.js';
export { ApiCache, type CacheEntry, type CacheListener, type CacheLoadOptions } from './cache.js';
export {
  ApiClient,
  newIdempotencyKey,
  normaliseBaseUrl,
  type ApiClientOptions,
  type ApiResponse,
  type GetOptions,
  type HttpMethod,
  type RawRequest,
  type RequestOptions,
  type WriteOptions,
} from './client.js';
export {
  LiveStream,
  LIVE_EVENT_TYPES,
  type EventSourceFactory,
  type EventSourceLike,
  type LiveListener,
  type LiveMessage,
  type LiveStreamOptions,
  type LiveStreamState,
  type PollTick,
} from './live-stream.js';
export { getApi, getCache, registryDefaults, resetRegistry } from './registry.js';
export { getLiveStream } from './live-registry.js';
export { displayStatus, seatsLeft, type DisplayStatus } from './forum-status.js';
