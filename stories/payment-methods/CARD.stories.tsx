import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** Cards: the 3-D Secure page, reached by a redirect. */
const meta = {
  title: 'Payment methods/CARD',
  ...methodMeta('CARD'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

export const Desktop: StoryObj<typeof meta> = methodStory('CARD', 'desktop');
export const Android: StoryObj<typeof meta> = methodStory('CARD', 'android');
export const IOS: StoryObj<typeof meta> = methodStory('CARD', 'ios');
