import type { StorybookConfig } from '@storybook/web-components-vite';

// Written by hand (no `storybook init`): offline, no telemetry.
// Docs: every element's story file is tagged `autodocs` (a reference page per element built from
// custom-elements.json, see preview.ts and docs-page.ts); the MDX pages are the editors' guides.
const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Storybook's own onboarding ("Get started" checklist with its progress and confetti in the
  // sidebar, the guide in the menu) is about setting up Storybook, not about these widgets: off.
  features: { sidebarOnboardingChecklist: false, menuOnboardingChecklist: false },
};

export default config;
