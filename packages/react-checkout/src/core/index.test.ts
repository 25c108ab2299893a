import { afterEach, describe, expect, it, vi } from 'vitest';

const BROWSER_GLOBALS = ['window', 'document', 'navigator', 'matchMedia', 'localStorage', 'location'] as const;

const originals = new Map(BROWSER_GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)]));

afterEach(() => {
  for (const [name, descriptor] of originals) {
    if (descriptor) Object.defineProperty(globalThis, name, descriptor);
    else Reflect.deleteProperty(globalThis, name);
  }
  vi.resetModules();
});

describe('the core entry point', () => {
  it('touches no browser global when imported (safe for server rendering and workers)', async () => {
    const touched: string[] = [];
    for (const name of BROWSER_GLOBALS) {
      Object.defineProperty(globalThis, name, {
        configurable: true,
        get() {
          touched.push(name);
          throw new Error(`${name} read at import time`);
        },
      });
    }
    vi.resetModules();
    const core = await import('./index.js');
    expect(touched).toEqual([]);
    expect(typeof core.classifyAction).toBe('function');
  });

  it('exports the API the React layer is built on', async () => {
    const core = await import('./index.js');
    expect(Object.keys(core).sort()).toEqual(
      [
        'CheckoutActionError',
        'CheckoutRequestError',
        'IDEMPOTENCY_KEY_HEADER',
        'ORDER_TOKEN_HEADER',
        'PAYMENT_METHODS',
        'PAYMENT_METHOD_TYPES',
        'announcementInterval',
        'buildAndroidIntentUrl',
        'cachedNumberFormat',
        'canPay',
        'classifyAction',
        'computeDeadline',
        'computeExpiry',
        'createCheckoutApi',
        'detectDevice',
        'failedByExpiry',
        'formatAmount',
        'followsOnPage',
        'formatCountdown',
        'initialPaymentState',
        'isAndroidPackageName',
        'isBusy',
        'isFinished',
        'isPaymentMethodType',
        'isSafeSvg',
        'newIdempotencyKey',
        'paymentReducer',
        'planExpiry',
        'safeDeepLink',
        'safeNavigationUrl',
        'safeQrImageSource',
        'secondsRemaining',
        'shouldAnnounce',
        'stateForPlan',
        'statusCheckDelay',
        'walletName',
      ].sort(),
    );
  });
});
