import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** Touch 'n Go eWallet: a QR code on desktop, the TNG app on phones. */
const meta = {
  title: 'Payment methods/TNG',
  ...methodMeta('TNG'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

export const Desktop: StoryObj<typeof meta> = methodStory('TNG', 'desktop');
export const Android: StoryObj<typeof meta> = methodStory('TNG', 'android');
export const IOS: StoryObj<typeof meta> = methodStory('TNG', 'ios');
