import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** WeChat Pay: a QR code on desktop, WeChat on phones. */
const meta = {
  title: 'Payment methods/WECHAT',
  ...methodMeta('WECHAT'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

export const Desktop: StoryObj<typeof meta> = methodStory('WECHAT', 'desktop');
export const Android: StoryObj<typeof meta> = methodStory('WECHAT', 'android');
export const IOS: StoryObj<typeof meta> = methodStory('WECHAT', 'ios');
