import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** GCash: a QR code on desktop (savable), the GCash app on phones. */
const meta = {
  title: 'Payment methods/GCASH',
  ...methodMeta('GCASH'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

export const Desktop: StoryObj<typeof meta> = methodStory('GCASH', 'desktop');
export const Android: StoryObj<typeof meta> = methodStory('GCASH', 'android');
export const IOS: StoryObj<typeof meta> = methodStory('GCASH', 'ios');
