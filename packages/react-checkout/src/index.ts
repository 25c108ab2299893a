'use client';
export { ClinkCheckoutProvider, type ClinkCheckoutProviderProps } from './react/provider.js';
export type { CheckoutConfigProps } from './react/config.js';
export { ClinkPayButton, type ClinkPayButtonProps, type RenderActionArgs } from './react/components/pay-button.js';
export {
  PaymentActionRenderer,
  type PaymentActionRendererProps,
  type PaymentOutcome,
} from './react/components/payment-action-renderer.js';
export { PaymentActionView, type PaymentActionViewProps } from './react/components/action-view.js';
export { RedirectAction, type RedirectActionProps } from './react/components/redirect-action.js';
export { FormPostAction, type FormPostActionProps } from './react/components/form-post-action.js';
export { QrAction, type QrActionProps } from './react/components/qr-action.js';
export { QrCode, type QrCodeProps } from './react/components/qr-code.js';
export { Countdown, type CountdownProps } from './react/components/countdown.js';
export { CopyLink, type CopyLinkProps } from './react/components/copy-link.js';
export { SaveQr, svgDataUrl, type SaveQrProps } from './react/components/save-qr.js';
export { AppLinkAction, type AppLinkActionProps } from './react/components/app-link-action.js';
export {
  PaymentStatusView,
  CheckoutErrorView,
  type PaymentStatusViewProps,
  type PaymentStatusViewStatus,
  type CheckoutErrorViewProps,
} from './react/components/status-view.js';
export { Slot } from './react/components/slot.js';
export { useClinkPayment, type ClinkPayment, type UseClinkPaymentOptions } from './react/hooks/use-clink-payment.js';
export { usePaymentStatus, type PaymentStatusOptions, type PaymentStatusResult } from './react/hooks/use-payment-status.js';
export { useCountdown, type Countdown as CountdownValue, type CountdownOptions } from './react/hooks/use-countdown.js';
export { useDevice } from './react/hooks/use-device.js';
export type { PaymentCallbacks } from './react/hooks/use-payment-machine.js';
export {
  countdownDataState,
  payButtonDataState,
  type CountdownDataState,
  type PayButtonDataState,
  type CopyDataState,
  type AppLinkDataState,
} from './react/data-state.js';
export { formatMessage, type CheckoutMessages, type MessageValues } from './react/i18n/messages.js';
export { en as messagesEn } from './react/i18n/locales/en.js';
export { formatSpokenDuration } from './react/i18n/duration.js';
export {
  CheckoutActionError,
  CheckoutRequestError,
  type ActionPlan,
  type DeviceInfo,
  type PaymentMethodType,
  type PaymentState,
  type ReceivedPayment,
} from './core/index.js';
