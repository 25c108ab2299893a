import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** GCash: a QR code on desktop (savable), the GCash app on phones. */
const meta = {
  title: 'Payment methods/GCash',
  ...methodMeta('GCASH'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

// At the action screen the customer sees on each device; then the same played through to "Payment successful".
export const Desktop: StoryObj<typeof meta> = { ...methodStory('GCASH', 'desktop', 'action'), name: 'Desktop' };
export const Android: StoryObj<typeof meta> = { ...methodStory('GCASH', 'android', 'action'), name: 'Android', tags: ['visual'] };
export const IOS: StoryObj<typeof meta> = { ...methodStory('GCASH', 'ios', 'action'), name: 'iOS' };
export const DesktopPaid: StoryObj<typeof meta> = { ...methodStory('GCASH', 'desktop', 'paid'), name: 'Desktop, paid' };
export const AndroidPaid: StoryObj<typeof meta> = { ...methodStory('GCASH', 'android', 'paid'), name: 'Android, paid' };
export const IOSPaid: StoryObj<typeof meta> = { ...methodStory('GCASH', 'ios', 'paid'), name: 'iOS, paid' };
