export * from './types.js';
export * from './errors.js';
export type * from './client/types.js';
export * from './handler/protocol.js';
