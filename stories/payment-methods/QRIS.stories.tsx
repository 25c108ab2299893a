import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** QRIS: a QR code on every device; customers may save it and pay from any Indonesian wallet. */
const meta = {
  title: 'Payment methods/QRIS',
  ...methodMeta('QRIS'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

export const Desktop: StoryObj<typeof meta> = methodStory('QRIS', 'desktop');
export const Android: StoryObj<typeof meta> = methodStory('QRIS', 'android');
export const IOS: StoryObj<typeof meta> = methodStory('QRIS', 'ios');
