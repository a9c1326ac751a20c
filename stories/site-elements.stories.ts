import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/topic-catalog/topic-catalog.js';
import '../src/components/subscribe/subscribe.js';
import catalog from '../content/catalog.json';

const meta: Meta = {
  title: 'Components/Topic Catalog',
  component: 'ls-topic-catalog',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `The catalog of topics: categories as sections, a card per topic with the learner's quiz progress, text search and a
category filter. Cards link through \`topic-url\` (\`{id}\` is replaced) — by default to this site's lesson pages.`,
      },
    },
  },
};
export default meta;

/** The whole catalog from `content/catalog.json`. */
export const Default: StoryObj = { render: () => html`<ls-topic-catalog .catalog=${catalog}></ls-topic-catalog>` };

/** Pre-filtered with `query`, as a blog sidebar might show related topics. */
export const Searched: StoryObj = { name: 'Search: "cache"', render: () => html`<ls-topic-catalog query="cache" .catalog=${catalog}></ls-topic-catalog>` };

/** One category only, linking to a site's own URLs. */
export const OneCategory: StoryObj = {
  name: 'One category, own links',
  render: () => html`<ls-topic-catalog category="foundations" topic-url="/lessons/{id}/" link-target="_self" .catalog=${catalog}></ls-topic-catalog>`,
};
