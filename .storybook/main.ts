import type { StorybookConfig } from '@storybook/react-vite';
import { mergeConfig, type UserConfig } from 'vite';

const purseViteConfig: UserConfig = {
  // Stories import the packages' TypeScript sources, not their builds.
  resolve: { conditions: ['@purse/source', 'module', 'browser', 'development|production'] },
  build: {
    // Storybook's own chunks (its preview runtime, docs, axe) are large by design.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      onLog(level, log, handler) {
        // `'use client'` at the top of `@purse/react` is for React frameworks; a bundled
        // Storybook has no use for it, so the "directive dropped" warning is expected.
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
};

// The options' type comes from a plugin pnpm does not hoist, so TypeScript sees `undefined`.
const docgen = {
  // react-docgen (the default) cannot see through `withForwardedRef` nor follow props that a
  // component's interface extends from another file (TopUp's came out with no description).
  // react-docgen-typescript reads the type checker's view, JSDoc included.
  reactDocgen: 'react-docgen-typescript',
  reactDocgenTypescriptOptions: {
    shouldExtractLiteralValuesFromEnum: true,
    shouldRemoveUndefinedFromOptional: true,
    // Our props only: not the hundreds of HTML attributes each root element accepts.
    propFilter: (prop: { parent?: { fileName: string } }) =>
      !prop.parent || !/node_modules/.test(prop.parent.fileName),
  },
} as NonNullable<StorybookConfig['typescript']>;

const config: StorybookConfig = {
  stories: ['../packages/react/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true },
  typescript: docgen,
  viteFinal: (viteConfig) => mergeConfig(viteConfig, purseViteConfig),
};

export default config;
