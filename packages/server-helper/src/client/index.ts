export { createClinkClient } from './createClient.js';
export { derivePaymentStatus } from './responses.js';
export type * from './types.js';
