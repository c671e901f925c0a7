export { apiContext, type ApiContextValue } from './api-context.js';
export { createApiValue } from './api-value.js';
export { ApiController, type ApiControllerOptions, type ApiHost } from './api-consumer.js';
export { LiveController, type LiveControllerOptions } from './live-controller.js';
export { attachContextRoot } from './context-root.js';
