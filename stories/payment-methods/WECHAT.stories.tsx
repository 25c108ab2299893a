import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** WeChat Pay: a QR code on desktop, WeChat on phones. */
const meta = {
  title: 'Payment methods/WeChat Pay',
  ...methodMeta('WECHAT'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

// At the action screen the customer sees on each device; then the same played through to "Payment successful".
export const Desktop: StoryObj<typeof meta> = { ...methodStory('WECHAT', 'desktop', 'action'), name: 'Desktop', tags: ['visual'] };
export const Android: StoryObj<typeof meta> = { ...methodStory('WECHAT', 'android', 'action'), name: 'Android' };
export const IOS: StoryObj<typeof meta> = { ...methodStory('WECHAT', 'ios', 'action'), name: 'iOS' };
export const DesktopPaid: StoryObj<typeof meta> = { ...methodStory('WECHAT', 'desktop', 'paid'), name: 'Desktop, paid' };
export const AndroidPaid: StoryObj<typeof meta> = { ...methodStory('WECHAT', 'android', 'paid'), name: 'Android, paid' };
export const IOSPaid: StoryObj<typeof meta> = { ...methodStory('WECHAT', 'ios', 'paid'), name: 'iOS, paid' };
