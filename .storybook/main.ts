import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: [
    { from: '../stories/data', to: '/data' },
    { from: '../content', to: '/content' },
  ],
  core: { disableTelemetry: true },
  // The preview iframe has no icon of its own, so browsers ask the origin for /favicon.ico (a 404, and outside
  // the site when it is served from a sub-path): point it at the site's own favicon, relative to the page.
  previewHead: (head) => `${head}<link rel="icon" href="./favicon.svg" />`,
};

export default config;
