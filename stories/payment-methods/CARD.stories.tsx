import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** Cards: the 3-D Secure page, reached by a redirect. */
const meta = {
  title: 'Payment methods/Card',
  ...methodMeta('CARD'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

// The redirect notice on each device: the page then leaves for the bank's 3-D Secure page.
export const Desktop: StoryObj<typeof meta> = { ...methodStory('CARD', 'desktop', 'action'), name: 'Desktop', tags: ['visual'] };
export const Android: StoryObj<typeof meta> = { ...methodStory('CARD', 'android', 'action'), name: 'Android' };
export const IOS: StoryObj<typeof meta> = { ...methodStory('CARD', 'ios', 'action'), name: 'iOS' };
