import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig } from 'vite';

// Stories import the packages from source, so Storybook (and its tests) never need a build first.
const fromRoot = (relative: string) => fileURLToPath(new URL(`../${relative}`, import.meta.url));

const sourceAliases = [
  { find: /^@clink-checkout\/react\/core$/, replacement: fromRoot('packages/react-checkout/src/core/index.ts') },
  { find: /^@clink-checkout\/react\/parts$/, replacement: fromRoot('packages/react-checkout/src/parts.ts') },
  { find: /^@clink-checkout\/react\/locales$/, replacement: fromRoot('packages/react-checkout/src/locales.ts') },
  { find: /^@clink-checkout\/react\/styles\.css$/, replacement: fromRoot('packages/react-checkout/src/styles.css') },
  { find: /^@clink-checkout\/react$/, replacement: fromRoot('packages/react-checkout/src/index.ts') },
  { find: /^@clink-checkout\/server$/, replacement: fromRoot('packages/server-helper/src/index.ts') },
  { find: /^@clink-checkout\/protocol(\/schema)?$/, replacement: `${fromRoot('packages/protocol/src')}$1/index.ts` },
  { find: /^@clink-checkout\/sandbox$/, replacement: fromRoot('packages/sandbox/src/index.ts') },
];

const config: StorybookConfig = {
  framework: { name: '@storybook/react-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's own "Get started" checklist is for people learning Storybook, not for merchants reading ours.
  features: { sidebarOnboardingChecklist: false },
  typescript: {
    // Props tables come from the components' TypeScript types and JSDoc.
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: fromRoot('packages/react-checkout/tsconfig.build.json'),
      // Only the components need props tables; parsing every story file would slow the build down.
      include: [fromRoot('packages/react-checkout/src/**/*.tsx')],
      exclude: ['**/*.test.tsx', '**/node_modules/**'],
      // Union props (paymentMethodType, platformType, …) read as their choices, with a select control.
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // Document the components' own props, not every DOM attribute they pass through.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  viteFinal: (viteConfig) =>
    mergeConfig(viteConfig, {
      resolve: {
        alias: sourceAliases,
        // One React and one query client for the stories and the package sources.
        dedupe: ['react', 'react-dom', '@tanstack/react-query'],
      },
    }),
};

export default config;
