export {
  createCheckoutHandler,
  type CheckoutHandler,
  type CheckoutHandlerOptions,
  type CheckoutHandlerOptionsFactory,
  type PaymentCreated,
  type ResolvedPayment,
} from './create-checkout-handler.js';
export { CheckoutRejection, type CheckoutRejectionOptions, type CheckoutRejectionStatus } from './rejection.js';
export {
  createMemoryIdempotencyStore,
  type IdempotencyRecord,
  type IdempotencyStore,
  type IdempotencyWriteOptions,
  type MemoryIdempotencyStoreOptions,
  type StoredResponse,
} from './idempotency-store.js';
export { createMemoryInstrumentStore, type InstrumentStore, type MemoryInstrumentStoreOptions } from './instrument-store.js';
export { DEFAULT_MAX_BODY_BYTES } from './body.js';
