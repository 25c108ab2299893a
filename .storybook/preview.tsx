import type { Decorator, Preview, ReactRenderer } from '@storybook/react-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { ClinkCheckoutProvider } from '@clink-checkout/react';
import { messagesByLocale } from '@clink-checkout/react/locales';
import '@clink-checkout/react/styles.css';
import { useLayoutEffect, useMemo, useRef } from 'react';
import { useEffect as useStoryEffect, useGlobals } from 'storybook/preview-api';
import { CHECKOUT_ENDPOINT, createStoryBackend } from '../stories/support/backend.js';
import {
  deviceFor,
  LOCALES,
  PHONE_VIEWPORTS,
  loadedOf,
  type CheckoutGlobals,
  type CheckoutParameters,
} from '../stories/support/environment.js';
import { createNavigationRecorder, interceptLeavingThePage, NavigationLog } from '../stories/support/navigation.js';
import '../stories/support/story.css';

/**
 * Every story runs inside this frame: theme, direction and language on a wrapper element, the
 * checkout provider wired to the story's own in-frame sandbox, and the log of intercepted navigation.
 */
const withCheckoutEnvironment: Decorator = (Story, context) => {
  const globals = context.globals as CheckoutGlobals;
  const parameters = context.parameters as CheckoutParameters;
  const { backend, navigation } = loadedOf(context);
  const frame = useRef<HTMLDivElement>(null);
  const device = useMemo(() => deviceFor(globals.device, parameters.device), [globals.device, parameters.device]);
  useDeviceViewport(globals.device, context.viewMode);

  useLayoutEffect(() => (frame.current ? interceptLeavingThePage(frame.current, navigation) : undefined), [navigation]);

  const story = <Story />;
  return (
    <div
      ref={frame}
      className="story-frame"
      data-device={globals.device}
      data-view-mode={context.viewMode}
      data-theme={globals.theme}
      dir={globals.direction}
      lang={globals.locale}
    >
      <div className="story-canvas">
        {parameters.provider === false ? (
          story
        ) : (
          <ClinkCheckoutProvider
            endpoint={CHECKOUT_ENDPOINT}
            fetch={backend.fetch}
            locale={globals.locale}
            messages={messagesByLocale[globals.locale]}
            device={device}
          >
            {story}
          </ClinkCheckoutProvider>
        )}
      </div>
      <NavigationLog recorder={navigation} />
    </div>
  );
};

/** Picking a device in the toolbar also picks its viewport: a phone-sized frame for Android and iOS. */
function useDeviceViewport(deviceName: CheckoutGlobals['device'], viewMode: string): void {
  const [globals, updateGlobals] = useGlobals();
  const current = (globals.viewport as { value?: string } | undefined)?.value;
  useStoryEffect(() => {
    const wanted = deviceName === 'desktop' ? undefined : deviceName;
    if (viewMode !== 'story' || current === wanted) return;
    updateGlobals({ viewport: { value: wanted, isRotated: false } });
    // Only a change of device moves the viewport; the viewport menu stays free to pick another size.
  }, [deviceName]);
}

/**
 * The props tables read defaults from JSDoc `@default`, which marks code with backticks; the table already shows
 * a default as code, so the marks are dropped there. A default that describes (e.g. "detected (WAP on phones)")
 * rather than names a value loses the quotes the docgen puts around string props.
 */
const readableDefault = (summary: string) => summary.replace(/`/g, '').replace(/^"(.*\s.*)"$/, '$1');

const defaultsWithoutCodeMarks: ArgTypesEnhancer<ReactRenderer> = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => {
      const defaultValue = argType.table?.defaultValue;
      if (typeof defaultValue?.summary !== 'string') return [name, argType];
      return [name, { ...argType, table: { ...argType.table, defaultValue: { ...defaultValue, summary: readableDefault(defaultValue.summary) } } }];
    }),
  );

const preview: Preview = {
  parameters: {
    // Every story's axe result fails its test on any violation.
    a11y: { test: 'error' },
    layout: 'fullscreen',
    viewport: { options: PHONE_VIEWPORTS },
    controls: { matchers: { date: /Date$/ } },
  },
  globalTypes: {
    device: {
      description: 'The customer’s device',
      toolbar: {
        title: 'Device',
        icon: 'mobile',
        dynamicTitle: true,
        items: [
          { value: 'desktop', title: 'Desktop', icon: 'browser' },
          { value: 'android', title: 'Android', icon: 'mobile' },
          { value: 'ios', title: 'iOS', icon: 'mobile' },
        ],
      },
    },
    locale: {
      description: 'Language of the checkout',
      toolbar: { title: 'Locale', icon: 'globe', dynamicTitle: true, items: [...LOCALES] },
    },
    theme: {
      description: 'Colour theme (CSS variables)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        dynamicTitle: true,
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
      },
    },
    direction: {
      description: 'Text direction',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        dynamicTitle: true,
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
      },
    },
  },
  initialGlobals: { device: 'desktop', locale: 'en', theme: 'light', direction: 'ltr' } satisfies CheckoutGlobals,
  // A fresh sandbox, checkout handler and navigation log for every story render.
  loaders: [
    (context) => ({
      backend: createStoryBackend((context.parameters as CheckoutParameters).backend),
      navigation: createNavigationRecorder(),
    }),
  ],
  // The story's sandbox stops its expiry timers when the story goes away.
  beforeEach: (context) => () => loadedOf(context).backend.sandbox.close(),
  decorators: [withCheckoutEnvironment],
  argTypesEnhancers: [defaultsWithoutCodeMarks],
};

export default preview;
