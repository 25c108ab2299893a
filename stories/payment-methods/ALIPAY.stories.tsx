import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** Alipay: a redirect to Alipay's page on desktop, the Alipay app on phones. */
const meta = {
  title: 'Payment methods/ALIPAY',
  ...methodMeta('ALIPAY'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

export const Desktop: StoryObj<typeof meta> = methodStory('ALIPAY', 'desktop');
export const Android: StoryObj<typeof meta> = methodStory('ALIPAY', 'android');
export const IOS: StoryObj<typeof meta> = methodStory('ALIPAY', 'ios');
