import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** PromptPay: a QR code on every device; customers may save it and pay from their banking app. */
const meta = {
  title: 'Payment methods/PROMPTPAY',
  ...methodMeta('PROMPTPAY'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

export const Desktop: StoryObj<typeof meta> = methodStory('PROMPTPAY', 'desktop');
export const Android: StoryObj<typeof meta> = methodStory('PROMPTPAY', 'android');
export const IOS: StoryObj<typeof meta> = methodStory('PROMPTPAY', 'ios');
