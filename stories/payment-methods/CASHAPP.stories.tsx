import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** Cash App Pay: a QR code on desktop, the Cash App universal link on phones. */
const meta = {
  title: 'Payment methods/CASHAPP',
  ...methodMeta('CASHAPP'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

export const Desktop: StoryObj<typeof meta> = methodStory('CASHAPP', 'desktop');
export const Android: StoryObj<typeof meta> = methodStory('CASHAPP', 'android');
export const IOS: StoryObj<typeof meta> = methodStory('CASHAPP', 'ios');
