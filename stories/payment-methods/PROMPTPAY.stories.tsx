import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** PromptPay: a QR code on every device; customers may save it and pay from their banking app. */
const meta = {
  title: 'Payment methods/PromptPay',
  ...methodMeta('PROMPTPAY'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

// At the action screen the customer sees on each device; then the same played through to "Payment successful".
export const Desktop: StoryObj<typeof meta> = { ...methodStory('PROMPTPAY', 'desktop', 'action'), name: 'Desktop' };
export const Android: StoryObj<typeof meta> = { ...methodStory('PROMPTPAY', 'android', 'action'), name: 'Android' };
export const IOS: StoryObj<typeof meta> = { ...methodStory('PROMPTPAY', 'ios', 'action'), name: 'iOS' };
export const DesktopPaid: StoryObj<typeof meta> = { ...methodStory('PROMPTPAY', 'desktop', 'paid'), name: 'Desktop, paid' };
export const AndroidPaid: StoryObj<typeof meta> = { ...methodStory('PROMPTPAY', 'android', 'paid'), name: 'Android, paid' };
export const IOSPaid: StoryObj<typeof meta> = { ...methodStory('PROMPTPAY', 'ios', 'paid'), name: 'iOS, paid' };
