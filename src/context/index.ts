export { apiContext, type ApiContextValue } from './api-context.js';
export { createApiValue } from './api-value.js';
export { ApiController, type ApiHost } from '../controllers/api-controller.js';
export { LiveController, type LiveControllerOptions } from '../controllers/live-controller.js';
export { attachContextRoot } from './context-root.js';
