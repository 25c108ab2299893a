import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** Alipay: a redirect to Alipay's page on desktop, the Alipay app on phones. */
const meta = {
  title: 'Payment methods/Alipay',
  ...methodMeta('ALIPAY'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

// At the action screen the customer sees on each device; then the phone flows played through to "Payment successful" (on desktop the page leaves for Alipay).
export const Desktop: StoryObj<typeof meta> = { ...methodStory('ALIPAY', 'desktop', 'action'), name: 'Desktop' };
export const Android: StoryObj<typeof meta> = { ...methodStory('ALIPAY', 'android', 'action'), name: 'Android' };
export const IOS: StoryObj<typeof meta> = { ...methodStory('ALIPAY', 'ios', 'action'), name: 'iOS' };
export const AndroidPaid: StoryObj<typeof meta> = { ...methodStory('ALIPAY', 'android', 'paid'), name: 'Android, paid' };
export const IOSPaid: StoryObj<typeof meta> = { ...methodStory('ALIPAY', 'ios', 'paid'), name: 'iOS, paid' };
