import type { StorybookConfig } from '@storybook/web-components-vite';

// Written by hand (no `storybook init`): offline, no telemetry.
const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
};

export default config;
