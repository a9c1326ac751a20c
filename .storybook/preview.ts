import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';

// Argument tables, events, CSS properties and parts come from the Custom Elements Manifest that
// `npm run manifest` generates from the JSDoc in src/ — never written by hand.
// Only the public instance API belongs in the tables: drop static, private and protected members.
type Member = { static?: boolean; privacy?: string; name?: string };
for (const mod of (manifest as { modules: { declarations?: { members?: Member[] }[] }[] }).modules) {
  for (const decl of mod.declarations ?? []) {
    if (decl.members) decl.members = decl.members.filter((m) => !m.static && m.privacy !== 'private' && m.privacy !== 'protected' && !m.name?.startsWith('_'));
  }
}
setCustomElementsManifest(manifest);

const preview: Preview = {
  globalTypes: {
    theme: {
      description: 'Colour scheme of the elements',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'auto', title: 'Follow the system' },
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'auto' },
  decorators: [
    (story, context) => {
      const theme = context.globals.theme as string;
      const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
      document.body.style.background = dark ? '#111418' : '#ffffff';
      document.body.style.color = dark ? '#e6e9ee' : '#1b1f24';
      requestAnimationFrame(() => {
        for (const el of document.querySelectorAll('#storybook-root *, #storybook-docs *')) {
          if (!el.localName.startsWith('ls-') || el.localName === 'ls-player-controls') continue;
          if (theme === 'auto') el.removeAttribute('theme');
          else el.setAttribute('theme', theme);
        }
      });
      return story();
    },
  ],
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
    options: {
      storySort: {
        order: ['Welcome', 'Introduction', 'Learn', ['Core Topics', 'Foundations', 'Storage & Databases', 'Messaging & Streaming', 'Infrastructure', 'Real-time & Communication', 'ML & Data Systems', 'Product Systems'], 'Components'],
      },
    },
  },
};

export default preview;
