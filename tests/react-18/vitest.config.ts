import { fileURLToPath } from 'node:url';
import { mergeConfig } from 'vitest/config';
import domConfig from '../../packages/react-checkout/vitest.dom.config.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const reactCheckout = here('../../packages/react-checkout');

/**
 * The DOM tests of @clink-checkout/react, run again on React 18. Every import of React, and of the
 * libraries that import React themselves, resolves to this folder's copies: pnpm installed those against
 * React 18, so even their internal `require('react')` calls find React 18, never a second React.
 */
const onReact18 = ['react', 'react-dom', '@testing-library/react', '@tanstack/react-query', 'qrcode.react'].map(
  (name) => ({
    find: new RegExp(`^${name.replace(/[./]/g, '\\$&')}(/.*)?$`),
    replacement: `${here(`./node_modules/${name}`)}$1`,
  }),
);

// The package's folder is named as the test folder, not as the root: a second project with the same root is
// not collected by the repository's vitest run. Relative setup paths are therefore spelled out.
const { test: domTest, ...domRest } = domConfig;

/**
 * What differs between React 18 and 19, not every DOM test again: refs and `asChild` (React 19 passes `ref` as a
 * prop), server rendering and hydration, StrictMode's double effects, `useSyncExternalStore` stores (device, QR
 * encoder, React Query's focus), effects and callbacks of the payment machine on React Query, act warnings. The
 * method × device matrix and the answer-shape suites render the same components and stay on React 19.
 */
const ON_BOTH_REACTS = [
  'src/react/components/pay-button.test.tsx',
  'src/react/components/payment-action-renderer.test.tsx',
  'src/react/components/hydration.test.tsx',
  'src/react/components/ssr.test.tsx',
  'src/react/components/inline-props.test.tsx',
  'src/react/components/qr-encoder.test.tsx',
  'src/react/components/qr-code.test.tsx',
  'src/react/hooks/*.test.tsx',
  'src/react/provider.test.tsx',
  'src/react/test-support/console.test.tsx',
  'test/strict-mode.test.tsx',
  'test/polling.test.tsx',
  'test/expiry.test.tsx',
];

export default mergeConfig(domRest, {
  resolve: { alias: onReact18 },
  test: {
    ...domTest,
    include: ON_BOTH_REACTS,
    name: 'react-dom-18',
    dir: reactCheckout,
    setupFiles: [`${reactCheckout}/vitest.setup.ts`, here('./require-react-18.ts')],
  },
});
