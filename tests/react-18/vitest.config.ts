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

export default mergeConfig(domRest, {
  resolve: { alias: onReact18 },
  test: {
    ...domTest,
    name: 'react-dom-18',
    dir: reactCheckout,
    setupFiles: [`${reactCheckout}/vitest.setup.ts`, here('./require-react-18.ts')],
  },
});
