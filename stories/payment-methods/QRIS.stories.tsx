import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** QRIS: a QR code on every device; customers may save it and pay from any Indonesian wallet. */
const meta = {
  title: 'Payment methods/QRIS',
  ...methodMeta('QRIS'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

// At the action screen the customer sees on each device; then the same played through to "Payment successful".
export const Desktop: StoryObj<typeof meta> = { ...methodStory('QRIS', 'desktop', 'action'), name: 'Desktop' };
export const Android: StoryObj<typeof meta> = { ...methodStory('QRIS', 'android', 'action'), name: 'Android' };
export const IOS: StoryObj<typeof meta> = { ...methodStory('QRIS', 'ios', 'action'), name: 'iOS' };
export const DesktopPaid: StoryObj<typeof meta> = { ...methodStory('QRIS', 'desktop', 'paid'), name: 'Desktop, paid' };
export const AndroidPaid: StoryObj<typeof meta> = { ...methodStory('QRIS', 'android', 'paid'), name: 'Android, paid' };
export const IOSPaid: StoryObj<typeof meta> = { ...methodStory('QRIS', 'ios', 'paid'), name: 'iOS, paid' };
