export * from './protocol.js';
export type * from './types.js';
export * from './errors.js';
export * from './url-safety.js';
export * from './deep-link.js';
export * from './countdown.js';
export * from './classify.js';
export * from './state.js';
export * from './polling.js';
