export * from './types.js';
export * from './errors.js';
export * from './client/index.js';
export * from './validation/index.js';
export * from './webhooks/index.js';
export * from './handler/index.js';
