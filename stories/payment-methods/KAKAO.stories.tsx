import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** KakaoPay: a QR code on desktop, KakaoTalk on phones. */
const meta = {
  title: 'Payment methods/KAKAO',
  ...methodMeta('KAKAO'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

export const Desktop: StoryObj<typeof meta> = methodStory('KAKAO', 'desktop');
export const Android: StoryObj<typeof meta> = methodStory('KAKAO', 'android');
export const IOS: StoryObj<typeof meta> = methodStory('KAKAO', 'ios');
