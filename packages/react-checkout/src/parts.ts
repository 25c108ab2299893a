'use client';
// The building blocks of the checkout, for a layout of your own. Each takes a `className` and carries fixed
// `clink-*` class names; import only what you use.
export { PaymentActionView, type PaymentActionViewProps } from './react/components/action-view.js';
export { RedirectAction, type RedirectActionProps } from './react/components/redirect-action.js';
export { FormPostAction, type FormPostActionProps } from './react/components/form-post-action.js';
export { QrAction, type QrActionProps } from './react/components/qr-action.js';
export { QrCode, type QrCodeProps } from './react/components/qr-code.js';
export { PaymentTitle, type PaymentTitleProps } from './react/components/payment-title.js';
export { Countdown, type CountdownProps } from './react/components/countdown.js';
export { CopyLink, type CopyLinkProps } from './react/components/copy-link.js';
export { SaveQr, type SaveQrProps } from './react/components/save-qr.js';
export { AppLinkAction, type AppLinkActionProps } from './react/components/app-link-action.js';
export {
  PaymentStatusView,
  CheckoutErrorView,
  type PaymentStatusViewProps,
  type PaymentStatusViewStatus,
  type CheckoutErrorViewProps,
} from './react/components/status-view.js';
export { formatMessage, type MessageValues } from './react/i18n/messages.js';
