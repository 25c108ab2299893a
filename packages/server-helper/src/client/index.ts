export { createClinkClient } from './createClient.js';
export { derivePaymentStatus } from './responses.js';
export { CLINK_BASE_URLS } from './config.js';
export type * from './types.js';
