import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** Touch 'n Go eWallet: a QR code on desktop, the TNG app on phones. */
const meta = {
  title: "Payment methods/Touch 'n Go eWallet",
  ...methodMeta('TNG'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

// At the action screen the customer sees on each device; then the same played through to "Payment successful".
export const Desktop: StoryObj<typeof meta> = { ...methodStory('TNG', 'desktop', 'action'), name: 'Desktop' };
export const Android: StoryObj<typeof meta> = { ...methodStory('TNG', 'android', 'action'), name: 'Android' };
export const IOS: StoryObj<typeof meta> = { ...methodStory('TNG', 'ios', 'action'), name: 'iOS' };
export const DesktopPaid: StoryObj<typeof meta> = { ...methodStory('TNG', 'desktop', 'paid'), name: 'Desktop, paid' };
export const AndroidPaid: StoryObj<typeof meta> = { ...methodStory('TNG', 'android', 'paid'), name: 'Android, paid' };
export const IOSPaid: StoryObj<typeof meta> = { ...methodStory('TNG', 'ios', 'paid'), name: 'iOS, paid' };
