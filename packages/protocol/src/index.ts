export * from './methods.js';
export * from './clink.js';
export * from './checkout.js';
