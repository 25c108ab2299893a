'use client';
export { ClinkCheckoutProvider, type ClinkCheckoutProviderProps } from './react/provider.js';
export type { CheckoutConfigProps } from './react/config.js';
export { ClinkPayButton, type ClinkPayButtonProps, type RenderActionArgs } from './react/components/pay-button.js';
export { PaymentActionRenderer, type PaymentActionRendererProps } from './react/components/payment-action-renderer.js';
export { useClinkPayment, type ClinkPayment, type UseClinkPaymentOptions } from './react/hooks/use-clink-payment.js';
export { usePaymentStatus, type PaymentStatusOptions, type PaymentStatusResult } from './react/hooks/use-payment-status.js';
export { useCountdown, type UseCountdownOptions, type UseCountdownResult } from './react/hooks/use-countdown.js';
export { useDevice } from './react/hooks/use-device.js';
export type { PaymentCallbacks, PaymentOutcome } from './react/hooks/use-payment-machine.js';
export { clinkQueryKeys, type ClinkQueryMeta } from './react/query-client.js';
export type { CheckoutMessages } from './react/i18n/messages.js';
export {
  CheckoutActionError,
  CheckoutRequestError,
  type ActionPlan,
  type AppLinkPlan,
  type CheckoutActionErrorCode,
  type CheckoutRequestErrorType,
  type DeviceInfo,
  type CreateAttempt,
  type DeviceType,
  type Expiry,
  type FormField,
  type FormPostPlan,
  type NonePlan,
  type PaymentMethodType,
  type PaymentState,
  type PlatformType,
  type QrPlan,
  type QrSource,
  type ReceivedPayment,
  type ReceivedStatus,
  type RedirectPlan,
} from './core/index.js';
