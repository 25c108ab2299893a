export * from './protocol.js';
export type * from './types.js';
export * from './errors.js';
