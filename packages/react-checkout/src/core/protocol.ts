/**
 * The wire types, the checkout handler's contract and the payment method table live in
 * `@clink-checkout/protocol`, the one copy every package shares. Re-exported here so merchants keep
 * importing them from `@clink-checkout/react/core`.
 */
export {
  IDEMPOTENCY_KEY_HEADER,
  isPaymentMethodType,
  ORDER_TOKEN_HEADER,
  PAYMENT_METHOD_TYPES,
  PAYMENT_METHODS,
} from '@clink-checkout/protocol';
export type {
  CheckoutErrorBody,
  CheckoutErrorType,
  CheckoutPaymentResponse,
  CheckoutRefreshResponse,
  CheckoutStatusResponse,
  ClinkAction,
  ClinkWalletDetails,
  CreateCheckoutPaymentRequest,
  DeviceType,
  PaymentMethodInfo,
  PaymentMethodType,
  PaymentStatus,
  PlatformType,
} from '@clink-checkout/protocol';

