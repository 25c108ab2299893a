import { PAYMENT_METHODS as METHOD_TABLE, type PaymentMethodType } from '@clink-checkout/react/core';

/** Every method Clink takes for a one-time payment, in the order the shop lists them, named as in the method table. */
export const PAYMENT_METHODS: ReadonlyArray<{ type: PaymentMethodType; label: string; hint: string }> = [
  { type: 'CARD', hint: 'Visa, Mastercard; your bank may ask you to confirm' },
  { type: 'ALIPAY', hint: 'China' },
  { type: 'WECHAT', hint: 'China' },
  { type: 'CASHAPP', hint: 'United States' },
  { type: 'GCASH', hint: 'Philippines' },
  { type: 'KAKAO', hint: 'South Korea' },
  { type: 'TNG', hint: 'Malaysia' },
  { type: 'PROMPTPAY', hint: 'Thailand, any banking app' },
  { type: 'QRIS', hint: 'Indonesia, any banking app' },
].map((method) => ({ ...method, type: method.type as PaymentMethodType, label: METHOD_TABLE[method.type as PaymentMethodType].displayName }));

/** How the local sandbox continues a card payment: each is a card the customer saved there. */
export type CardFlow = 'redirect' | 'post_form';

export const CARD_FLOWS: ReadonlyArray<{ value: CardFlow; label: string }> = [
  { value: 'redirect', label: '3-D Secure redirect' },
  { value: 'post_form', label: 'POST form' },
];
