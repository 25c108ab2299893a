import type { Meta, StoryObj } from '@storybook/react-vite';
import { ClinkPayButton } from '@clink-checkout/react';
import { methodMeta, methodStory } from '../support/method-stories.js';

/** KakaoPay: a QR code on desktop, KakaoTalk on phones. */
const meta = {
  title: 'Payment methods/KakaoPay',
  ...methodMeta('KAKAO'),
} satisfies Meta<typeof ClinkPayButton>;
export default meta;

// At the action screen the customer sees on each device; then the same played through to "Payment successful".
export const Desktop: StoryObj<typeof meta> = { ...methodStory('KAKAO', 'desktop', 'action'), name: 'Desktop' };
export const Android: StoryObj<typeof meta> = { ...methodStory('KAKAO', 'android', 'action'), name: 'Android' };
export const IOS: StoryObj<typeof meta> = { ...methodStory('KAKAO', 'ios', 'action'), name: 'iOS' };
export const DesktopPaid: StoryObj<typeof meta> = { ...methodStory('KAKAO', 'desktop', 'paid'), name: 'Desktop, paid' };
export const AndroidPaid: StoryObj<typeof meta> = { ...methodStory('KAKAO', 'android', 'paid'), name: 'Android, paid' };
export const IOSPaid: StoryObj<typeof meta> = { ...methodStory('KAKAO', 'ios', 'paid'), name: 'iOS, paid' };
