import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/components/subscribe/subscribe.js';

const meta: Meta = {
  title: 'Components/Subscribe',
  component: 'ls-subscribe',
  tags: ['autodocs'],
  parameters: {
    docs: {
      description: {
        component: `The "Stay updated" sign-up. It posts the address to whatever form endpoint the site owner sets in \`action\` (any
newsletter provider; nothing is baked in), validates the address first, shows success or a clear error, keeps what was
typed when sending fails, and fires \`ls-subscribe\` with \`{ ok, status }\` (never the address).`,
      },
    },
  },
};
export default meta;

/** A provider endpoint without CORS: success is assumed once the request is sent. */
export const Default: StoryObj = {
  render: () => html`<ls-subscribe heading="Stay updated" description="Get notified when new topics and visualizations drop." action="https://example.com/newsletter/subscribe" mode="no-cors"></ls-subscribe>`,
};

/** Without an `action` the element says what is missing instead of a form that cannot work. */
export const Misconfigured: StoryObj = { render: () => html`<ls-subscribe heading="Stay updated"></ls-subscribe>` };
