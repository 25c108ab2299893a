import type { PaymentMethodType } from '@clink-checkout/react/core';

/** Every method Clink takes for a one-time payment, in the order the shop lists them. */
export const PAYMENT_METHODS: ReadonlyArray<{ type: PaymentMethodType; label: string; hint: string }> = [
  { type: 'CARD', label: 'Card', hint: 'Visa, Mastercard; your bank may ask you to confirm' },
  { type: 'ALIPAY', label: 'Alipay', hint: 'China' },
  { type: 'WECHAT', label: 'WeChat Pay', hint: 'China' },
  { type: 'CASHAPP', label: 'Cash App Pay', hint: 'United States' },
  { type: 'GCASH', label: 'GCash', hint: 'Philippines' },
  { type: 'KAKAO', label: 'KakaoPay', hint: 'South Korea' },
  { type: 'TNG', label: "Touch 'n Go eWallet", hint: 'Malaysia' },
  { type: 'PROMPTPAY', label: 'PromptPay', hint: 'Thailand, any banking app' },
  { type: 'QRIS', label: 'QRIS', hint: 'Indonesia, any banking app' },
];

/** How the local sandbox continues a card payment. */
export type CardFlow = 'redirect' | 'post_form';

export const CARD_FLOWS: ReadonlyArray<{ value: CardFlow; label: string }> = [
  { value: 'redirect', label: '3-D Secure redirect' },
  { value: 'post_form', label: 'POST form' },
];
