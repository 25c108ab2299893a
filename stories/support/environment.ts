import type { DeviceInfo } from '@clink-checkout/react';
import type { NavigationRecorder } from './navigation.js';
import type { StoryBackend, StoryBackendOptions } from './backend.js';

/** The toolbar's device choices, and what the components are told about each. */
export const DEVICES = {
  desktop: { platformType: 'WEB', coarsePointer: false },
  android: { platformType: 'WAP', deviceType: 'Android', coarsePointer: true },
  ios: { platformType: 'WAP', deviceType: 'iOS', coarsePointer: true },
} as const satisfies Record<string, DeviceInfo>;
export type DeviceName = keyof typeof DEVICES;

/** The viewport each phone gets in Storybook's viewport menu and in the story tests (phone-sized frames). */
export const PHONE_VIEWPORTS = {
  android: { name: 'Android phone (412 × 915)', styles: { width: '412px', height: '915px' }, type: 'mobile' },
  ios: { name: 'iPhone (393 × 852)', styles: { width: '393px', height: '852px' }, type: 'mobile' },
} as const;

/**
 * A story's globals for a device: the device the components are told about and the viewport that matches it
 * (desktop keeps the full canvas).
 */
export function deviceGlobals(device: DeviceName): { device: DeviceName; viewport?: { value: string; isRotated: boolean } } {
  return device === 'desktop' ? { device } : { device, viewport: { value: device, isRotated: false } };
}

/** The built-in locales of `@clink-checkout/react`, with their own names. */
export const LOCALES = [
  { value: 'en', title: 'English' },
  { value: 'zh-CN', title: '简体中文' },
  { value: 'zh-TW', title: '繁體中文' },
  { value: 'th', title: 'ไทย' },
  { value: 'id', title: 'Bahasa Indonesia' },
  { value: 'ms', title: 'Bahasa Melayu' },
  { value: 'ko', title: '한국어' },
  { value: 'fil', title: 'Filipino' },
] as const;
export type LocaleName = (typeof LOCALES)[number]['value'];

export type ThemeName = 'light' | 'dark';
export type Direction = 'ltr' | 'rtl';

/** Toolbar globals every story reads. */
export interface CheckoutGlobals {
  device: DeviceName;
  locale: LocaleName;
  theme: ThemeName;
  direction: Direction;
}

export interface CheckoutParameters {
  /** Options of the in-frame sandbox and handler for this story. */
  backend?: StoryBackendOptions;
  /** Extra device facts on top of the toolbar's device, e.g. `{ inAppBrowser: 'wechat' }`. */
  device?: Partial<DeviceInfo>;
  /** `false` when the story renders `<ClinkCheckoutProvider>` itself. @default true */
  provider?: boolean;
}

/** What the preview's loader gives every story (`context.loaded`). */
export interface CheckoutLoaded {
  backend: StoryBackend;
  navigation: NavigationRecorder;
}

export function deviceFor(name: DeviceName, extra?: Partial<DeviceInfo>): Partial<DeviceInfo> {
  return extra ? { ...DEVICES[name], ...extra } : DEVICES[name];
}

/** Typed access to the loader's values from a play function or render function. */
export function loadedOf(context: { loaded: Record<string, unknown> }): CheckoutLoaded {
  const { backend, navigation } = context.loaded as Partial<CheckoutLoaded>;
  if (!backend || !navigation) throw new Error('The story ran without the preview loader (.storybook/preview.tsx).');
  return { backend, navigation };
}

/** Types a story's checkout parameters (Storybook's own `parameters` are untyped). */
export const checkoutParameters = (parameters: CheckoutParameters): CheckoutParameters => parameters;

/**
 * The components' `navigate` and `submitForm` for a story: they record where the customer would go
 * instead of leaving the page (the preview also catches link clicks and any other form submission).
 */
export function stayOnPage(context: { loaded: Record<string, unknown> }): Pick<NavigationRecorder, 'navigate' | 'submitForm'> {
  const { navigation } = loadedOf(context);
  return { navigate: navigation.navigate, submitForm: navigation.submitForm };
}
