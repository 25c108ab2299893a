import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** Cash App Pay: a QR code on desktop, the Cash App universal link on phones. */
const meta = {
  title: 'Payment methods/Cash App Pay',
  ...methodMeta('CASHAPP'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

// At the action screen the customer sees on each device; then the same played through to "Payment successful".
export const Desktop: StoryObj<typeof meta> = { ...methodStory('CASHAPP', 'desktop', 'action'), name: 'Desktop' };
export const Android: StoryObj<typeof meta> = { ...methodStory('CASHAPP', 'android', 'action'), name: 'Android' };
export const IOS: StoryObj<typeof meta> = { ...methodStory('CASHAPP', 'ios', 'action'), name: 'iOS' };
export const DesktopPaid: StoryObj<typeof meta> = { ...methodStory('CASHAPP', 'desktop', 'paid'), name: 'Desktop, paid' };
export const AndroidPaid: StoryObj<typeof meta> = { ...methodStory('CASHAPP', 'android', 'paid'), name: 'Android, paid' };
export const IOSPaid: StoryObj<typeof meta> = { ...methodStory('CASHAPP', 'ios', 'paid'), name: 'iOS, paid' };
